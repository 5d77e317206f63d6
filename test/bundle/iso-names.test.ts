import { describe, expect, it } from 'vitest';
import { documentFileName, dicomFileId, extensionFor, isIso83Name, isIsoComponent, isIsoPath, nameCapacity, numberedName } from '../../electron/core/bundle/iso-names.js';
import { planBundle } from '../../electron/core/bundle/plan.js';
import { makeBundleInput } from '../fixtures/bundle/input.js';

describe('ISO 9660 / 8.3 names', () => {
  it('numbers components in 8 characters, past the decimal range too, and refuses only beyond capacity', () => {
    expect(numberedName('PT', 0)).toBe('PT000000');
    expect(numberedName('DOC', 12)).toBe('DOC00012');
    expect(numberedName('DOC', 99_999)).toBe('DOC99999');
    // The 100,001st document (index 100,000 — what a zip flood once made impossible to export).
    expect(numberedName('DOC', 100_000)).toBe('DOCA0000');
    expect(numberedName('DOC', 100_001)).toBe('DOCA0001');
    const names = new Set<string>();
    for (const i of [0, 1, 99_999, 100_000, 100_035, 100_036, 1_779_615, 1_779_616, nameCapacity('DOC') - 1]) {
      const n = numberedName('DOC', i);
      expect(isIsoComponent(n.slice(0, 8)), n).toBe(true);
      names.add(n);
    }
    expect(names.size).toBe(9);
    expect(() => numberedName('DOC', nameCapacity('DOC'))).toThrow(/too many/);
    expect(dicomFileId(0, 1, 2, 345)).toEqual(['DICOM', 'PT000000', 'ST000001', 'SE000002', 'IM000345']);
  });

  it('derives 3-letter upper-case extensions', () => {
    expect(extensionFor('application/pdf', 'x.bin')).toBe('PDF');
    expect(extensionFor('image/jpeg', 'a.jpeg')).toBe('JPG');
    expect(extensionFor('application/x-unknown', 'scan.tiff')).toBe('TIF');
    expect(extensionFor('application/x-unknown', 'noext')).toBe('BIN');
    expect(documentFileName(1, 'image/png', 'p.png')).toBe('DOC00001.PNG');
  });

  it('validates names and paths', () => {
    expect(isIsoComponent('SE000001')).toBe(true);
    expect(isIsoComponent('se000001')).toBe(false);
    expect(isIsoComponent('TOOLONGNAME')).toBe(false);
    expect(isIso83Name('DOC00001.PDF')).toBe(true);
    expect(isIso83Name('DOC00001.JPEG')).toBe(false);
    expect(isIsoPath('A/B/C/D/E/F/G/H')).toBe(true);
    expect(isIsoPath('A/B/C/D/E/F/G/H/I')).toBe(false);
  });

  it('plans only valid ISO paths for every file', () => {
    const plan = planBundle(makeBundleInput());
    const paths = [
      ...plan.studies.flatMap((s) => s.series.flatMap((se) => [...se.instances.map((i) => i.path), ...(se.previewPath ? [se.previewPath] : [])])),
      ...plan.documents.map((d) => d.path),
    ];
    expect(paths.length).toBe(4 + 2 + 3);
    for (const p of paths) expect(isIsoPath(p), p).toBe(true);
    expect(plan.documents.map((d) => d.path)).toEqual([
      'IHE_XDM/SUBSET01/DOC00001.PDF',
      'IHE_XDM/SUBSET01/DOC00002.JPG',
      'IHE_XDM/SUBSET01/DOC00003.PDF',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { dicomParser } from '../../electron/core/dicom/dicom-parser-lib.js';
import { DOSSIER_UID_ROOT, IMPLEMENTATION_CLASS_UID, TS, el, encodeDataset, writePart10 } from '../../electron/core/dicom/writer.js';
import { newUid } from '../../electron/core/base/ids.js';

describe('newUid', () => {
  it('makes distinct 2.25 UIDs within 64 characters', () => {
    const uids = new Set(Array.from({ length: 200 }, newUid));
    expect(uids.size).toBe(200);
    for (const uid of uids) {
      expect(uid).toMatch(/^2\.25\.(0|[1-9]\d*)$/);
      expect(uid.length).toBeLessThanOrEqual(64);
    }
  });
});

describe('encodeDataset', () => {
  it('pads UI with NUL and text with space to even lengths', () => {
    const bytes = encodeDataset([el(0x00080018, 'UI', '1.2.3'), el(0x00100010, 'PN', 'Doe')]);
    expect([...bytes.subarray(0, 8)]).toEqual([0x08, 0x00, 0x18, 0x00, 0x55, 0x49, 6, 0]);
    expect(Buffer.from(bytes.subarray(8, 14)).toString('latin1')).toBe('1.2.3\0');
    expect(Buffer.from(bytes.subarray(22, 26)).toString('latin1')).toBe('Doe ');
  });

  it('writes every element in ascending tag order whatever the input order, inside sequence items too', () => {
    // Deliberately out of order, groups interleaved, a private element, a sequence whose item is out of order.
    const ds = [
      el(0x00280011, 'US', 16),
      el(0x00100010, 'PN', 'Doe^Jane'),
      el(0x00081115, 'SQ', [[el(0x00081155, 'UI', '1.2.3.4'), el(0x00081150, 'UI', '1.2.840.10008.5.1.4.1.1.2'), el(0x00200013, 'IS', '7')]]),
      el(0x00080060, 'CS', 'CT'),
      el(0x00200013, 'IS', '1'),
      el(0x00090010, 'LO', 'ACME PRIVATE'),
      el(0x00080016, 'UI', '1.2.840.10008.5.1.4.1.1.2'),
      el(0x00100020, 'LO', 'PID1'),
      el(0x00280010, 'US', 16),
      el(0x00080018, 'UI', '1.2.3'),
      el(0x0020000d, 'UI', '1.2.5'),
      el(0x00080020, 'DA', '20240101'),
    ];
    const key = (tag: number) => `x${tag.toString(16).padStart(8, '0')}`;
    /** The dataset's element keys in the order they sit in the file (what dicom-parser found where). */
    const inFileOrder = (set: { elements: Record<string, { dataOffset: number }> }, skipGroup2 = false) =>
      Object.entries(set.elements)
        .filter(([k]) => !(skipGroup2 && k.startsWith('x0002')))
        .sort(([, a], [, b]) => a.dataOffset - b.dataOffset)
        .map(([k]) => k);
    const expectedTop = ds.map((e) => e.tag).sort((a, b) => a - b).map(key);
    expect(expectedTop).not.toEqual(ds.map((e) => key(e.tag))); // the input really is out of order
    for (const transferSyntaxUID of [TS.explicitLE, TS.implicitLE, TS.explicitBE]) {
      const parsed = dicomParser.parseDicom(Buffer.from(writePart10(ds, { transferSyntaxUID, sopClassUID: '1.2', sopInstanceUID: '1.2.3' })));
      expect(inFileOrder(parsed, true), transferSyntaxUID).toEqual(expectedTop);
      const item = parsed.elements.x00081115?.items?.[0]?.dataSet;
      expect(item && inFileOrder(item), transferSyntaxUID).toEqual([key(0x00081150), key(0x00081155), key(0x00200013)]);
    }
  });

  it.each([false, true])('nests sequences (undefined length: %s) that dicom-parser reads back', (undefinedLength) => {
    // (dicom-parser reads the first dataset element as little endian while looking for the end of
    // the meta header, so a big endian dataset must not start with a sequence; real ones never do.)
    const ds = [
      el(0x00080016, 'UI', '1.2'),
      el(0x00081115, 'SQ', [[el(0x0020000e, 'UI', '1.2.3'), el(0x00081199, 'SQ', [[el(0x00081155, 'UI', '4.5.6')]], undefinedLength)], [el(0x0020000e, 'UI', '7.8')]], undefinedLength),
      el(0x00100010, 'PN', 'After^Sequence'),
    ];
    for (const transferSyntaxUID of [TS.explicitLE, TS.implicitLE, TS.explicitBE]) {
      const file = writePart10(ds, { transferSyntaxUID, sopClassUID: '1.2', sopInstanceUID: '1.2.3' });
      const parsed = dicomParser.parseDicom(Buffer.from(file));
      const items = parsed.elements.x00081115?.items ?? [];
      expect(items).toHaveLength(2);
      expect(items[0]?.dataSet?.string('x0020000e')).toBe('1.2.3');
      expect(items[0]?.dataSet?.elements.x00081199?.items?.[0]?.dataSet?.string('x00081155')).toBe('4.5.6');
      expect(items[1]?.dataSet?.string('x0020000e')).toBe('7.8');
      expect(parsed.string('x00100010')).toBe('After^Sequence');
    }
  });

  it('writes binary numbers in the requested byte order', () => {
    const be = writePart10([el(0x00280010, 'US', 0x0102), el(0x00281052, 'DS', -1024)], {
      transferSyntaxUID: TS.explicitBE,
      sopClassUID: '1.2',
      sopInstanceUID: '1.2.3',
    });
    const parsed = dicomParser.parseDicom(Buffer.from(be));
    expect(parsed.uint16('x00280010')).toBe(0x0102);
    expect(parsed.floatString('x00281052')).toBe(-1024);
  });

  it('refuses a value too long for a short-length VR', () => {
    expect(() => encodeDataset([el(0x00100010, 'LO', 'x'.repeat(70_000))])).toThrow(/too long/);
  });
});

describe('writePart10', () => {
  it('writes preamble, DICM and a meta header whose group length is right', () => {
    const file = Buffer.from(writePart10([el(0x00100010, 'PN', 'A^B')], { transferSyntaxUID: TS.explicitLE, sopClassUID: '1.2.840.10008.5.1.4.1.1.7', sopInstanceUID: '1.2.3.4' }));
    expect(file.subarray(0, 128).every((b) => b === 0)).toBe(true);
    expect(file.toString('latin1', 128, 132)).toBe('DICM');
    const groupLength = file.readUInt32LE(140);
    // The first dataset element starts right after the meta group.
    expect(file.readUInt16LE(144 + groupLength)).toBe(0x0010);
    const parsed = dicomParser.parseDicom(file);
    expect(parsed.string('x00020012')).toBe(IMPLEMENTATION_CLASS_UID);
    expect(IMPLEMENTATION_CLASS_UID.startsWith(`${DOSSIER_UID_ROOT}.`)).toBe(true);
    expect(parsed.string('x00020013')).toBe('DOSSIER_010');
    expect(parsed.string('x00020003')).toBe('1.2.3.4');
  });
});

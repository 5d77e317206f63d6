// 4. The bundle's layout follows IHE PDI / XDM media rules, and DICOM files are the originals.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildScenario, type Scenario } from './scenario.js';
import { filesIn, readText, sha256 } from './bundle-files.js';

let s: Scenario;
let out: string;
let files: string[];

beforeAll(async () => {
  s = await buildScenario();
  out = path.join(s.root, 'out', 'usb');
  const res = s.run(['export', '--case', s.caseId, '--out', out]);
  expect(res.status, res.stderr).toBe(0);
  files = filesIn(out);
});

describe('bundle layout', () => {
  it('the root has README.TXT, INDEX.HTM, DICOMDIR and MANIFEST.TXT, and no autorun', () => {
    const root = readdirSync(out);
    for (const name of ['README.TXT', 'INDEX.HTM', 'DICOMDIR', 'MANIFEST.TXT']) expect(root).toContain(name);
    expect(root.filter((n) => /autorun/i.test(n))).toEqual([]);
    expect(root.filter((n) => n.startsWith('.'))).toEqual([]); // no leftover partial folder
  });

  it('DICOM file IDs are ISO 9660 level 1: ≤ 8 components of ≤ 8 chars A–Z 0–9 _, no extension', () => {
    const dicom = files.filter((f) => f.startsWith('DICOM/'));
    expect(dicom).toHaveLength(s.source.instances.size);
    for (const f of dicom) {
      const parts = f.split('/');
      expect(parts.length, f).toBeLessThanOrEqual(8);
      for (const part of parts) expect(part, f).toMatch(/^[A-Z0-9_]{1,8}$/);
    }
  });

  it('XDM documents have upper-case 8.3 names', () => {
    const xdm = files.filter((f) => f.startsWith('IHE_XDM/'));
    expect(xdm).toHaveLength(5); // 3 PDFs, the photo, METADATA.XML
    for (const f of xdm) {
      for (const dir of f.split('/').slice(0, -1)) expect(dir).toMatch(/^[A-Z0-9_]{1,8}$/);
      expect(path.basename(f), f).toMatch(/^[A-Z0-9_]{1,8}\.[A-Z0-9]{1,3}$/);
    }
    expect(xdm.filter((f) => f.endsWith('.PDF'))).toHaveLength(3);
    expect(xdm.filter((f) => f.endsWith('.JPG'))).toHaveLength(1);
  });

  it('DICOM files and documents are byte-identical to the imported originals', () => {
    const bundled = new Set(files.filter((f) => f.startsWith('DICOM/') || /DOC\d+\./.test(f)).map((f) => sha256(readFileSync(path.join(out, f)))));
    const originals = [...[...s.source.instances.values()].map((i) => i.path), ...s.source.pdfs, s.source.photo];
    expect(bundled.size).toBe(originals.length);
    for (const original of originals) expect(bundled.has(sha256(readFileSync(original))), original).toBe(true);
  });

  it('MANIFEST.TXT lists every other file once, sorted, in sha256sum format', () => {
    const lines = readText(out, 'MANIFEST.TXT').trimEnd().split('\n');
    const listed = lines.map((l) => /^[0-9a-f]{64} {2}(.+)$/.exec(l)?.[1]);
    expect(listed).toEqual(files.filter((f) => f !== 'MANIFEST.TXT'));
  });

  it('README.TXT says how to import into a PACS and that Dossier made it (UTF-8 with BOM, CRLF)', () => {
    const readme = readFileSync(path.join(out, 'README.TXT'));
    expect([...readme.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = readme.toString('utf8').slice(1);
    expect(text).toMatch(/\r\n/);
    expect(text.split('\r\n').some((l) => l.includes('\n'))).toBe(false); // no bare LF
    expect(text).toMatch(/PACS/);
    expect(text).toMatch(/import media/i);
    expect(text).toMatch(/DICOMDIR/);
    expect(text).toMatch(/with Dossier \d+\.\d+\.\d+/);
    expect(text).toMatch(/Jane Doe/);
    // Every line fits an 80-column terminal / Notepad window.
    for (const line of text.split('\r\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});

// 6 and 7: Debian's dcmtk, an independent DICOM implementation, reads what we export: the DICOMDIR
// parses cleanly, every referenced file is DICOM Part 10, dcmmkdir accepts the file-set for the
// General Purpose profile, and --reports-as-dicom adds Encapsulated PDF instances.
import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HAS_DCMTK, dcmdump, runDcmtk } from '../dicom/dcmtk.js';
import { buildScenario, type Scenario } from './scenario.js';
import { filesIn } from './bundle-files.js';

if (!HAS_DCMTK) console.log('SKIPPING test/export/dcmtk.test.ts: /usr/bin/dcmdump is absent (apt-get install dcmtk)');

/** Referenced File IDs in a DICOMDIR, as bundle paths. */
function referencedFiles(dicomdir: string): string[] {
  return [...dcmdump(dicomdir).output.matchAll(/\(0004,1500\) CS \[([^\]]+)\]/g)].map((m) => m[1]!.replace(/\\/g, '/'));
}

const problems = (output: string, level = /^(E|W|F): /) => output.split('\n').filter((l) => level.test(l));

describe.skipIf(!HAS_DCMTK)('dcmtk accepts the exported media', () => {
  let s: Scenario;
  let plain: string;
  let withReports: string;

  beforeAll(async () => {
    s = await buildScenario();
    plain = path.join(s.root, 'out', 'usb');
    withReports = path.join(s.root, 'out', 'usb-pdf');
    for (const [out, extra] of [[plain, []], [withReports, ['--reports-as-dicom']]] as const) {
      const res = s.run(['export', '--case', s.caseId, '--out', out, ...extra]);
      expect(res.status, res.stderr).toBe(0);
    }
  });

  it('dcmdump parses the DICOMDIR without errors or warnings', () => {
    const dump = dcmdump(path.join(plain, 'DICOMDIR'));
    expect(dump.status).toBe(0);
    expect(dump.problems).toEqual([]);
    expect(dump.output).toMatch(/\(0002,0002\) UI =MediaStorageDirectoryStorage/);
    expect(referencedFiles(path.join(plain, 'DICOMDIR')).sort()).toEqual(filesIn(plain).filter((f) => f.startsWith('DICOM/')));
  });

  it('every referenced file passes dcmftest', () => {
    for (const file of referencedFiles(path.join(plain, 'DICOMDIR'))) {
      const run = runDcmtk('dcmftest', [file], plain);
      expect(run.output, file).toMatch(/^yes: /);
    }
  });

  it('dcmmkdir accepts the uncompressed images for the General Purpose profile (-Pgp) with no error or warning', () => {
    // STD-GEN-CD/USB allows only Explicit VR Little Endian; our JPEG and RLE originals are copied
    // as they are (never re-encoded), so they are checked separately below.
    const dir = plain;
    const uncompressed = referencedFiles(path.join(dir, 'DICOMDIR')).filter((f) => /LittleEndianExplicit/.test(runDcmtk('dcmdump', ['-M', '+P', '0002,0010', f], dir).output));
    expect(uncompressed).toHaveLength(5);
    copyFileSync(path.join(dir, 'DICOMDIR'), path.join(s.root, 'DICOMDIR.bak'));
    const update = runDcmtk('dcmmkdir', ['-nb', '+U', '-Pgp', '+D', 'DICOMDIR', ...uncompressed], dir);
    copyFileSync(path.join(s.root, 'DICOMDIR.bak'), path.join(dir, 'DICOMDIR'));
    expect(problems(update.output)).toEqual([]);
    expect(update.status).toBe(0);
    // A DICOMDIR dcmmkdir builds from scratch for these files has the same image records.
    const fresh = runDcmtk('dcmmkdir', ['-nb', '-Pgp', '+D', 'FRESHDIR', ...uncompressed], dir);
    expect(problems(fresh.output)).toEqual([]);
  });

  it('dcmmkdir accepts the whole file-set (JPEG and RLE too) when only the transfer syntax check is relaxed', () => {
    const all = referencedFiles(path.join(plain, 'DICOMDIR'));
    copyFileSync(path.join(plain, 'DICOMDIR'), path.join(s.root, 'DICOMDIR.bak'));
    const update = runDcmtk('dcmmkdir', ['-nb', '+U', '-Pgp', '-Nxc', '+D', 'DICOMDIR', ...all], plain);
    copyFileSync(path.join(s.root, 'DICOMDIR.bak'), path.join(plain, 'DICOMDIR'));
    expect(problems(update.output, /^(E|F): /)).toEqual([]);
    // The only warnings are the compressed originals' transfer syntaxes (4 files: 2 JPEG, 2 RLE).
    const warnings = problems(update.output, /^W: /);
    expect(warnings).toHaveLength(4);
    for (const w of warnings) expect(w).toMatch(/LittleEndianExplicit expected but (JPEGBaseline|RLELossless) found/);
  });

  it('--reports-as-dicom: each PDF is an Encapsulated PDF instance, referenced from the DICOMDIR, passing dcmftest', () => {
    const dump = dcmdump(path.join(withReports, 'DICOMDIR'));
    expect(dump.problems).toEqual([]);
    const records = dump.output.split(/\(0004,1430\) CS /).slice(1);
    const pdfRecords = records.filter((r) => r.includes('=EncapsulatedPDFStorage'));
    expect(pdfRecords).toHaveLength(3);
    const pdfFiles = pdfRecords.map((r) => /\(0004,1500\) CS \[([^\]]+)\]/.exec(r)![1]!.replace(/\\/g, '/'));
    const originals = s.source.pdfs.map((p) => readFileSync(p));
    for (const file of pdfFiles) {
      expect(runDcmtk('dcmftest', [file], withReports).output, file).toMatch(/^yes: /);
      const header = runDcmtk('dcmdump', ['-M', file], withReports);
      expect(header.output).toMatch(/\(0002,0002\) UI =EncapsulatedPDFStorage/);
      expect(header.output).toMatch(/\(0042,0012\) LO \[application\/pdf\]/);
      // The PDF is carried byte for byte.
      const bytes = readFileSync(path.join(withReports, file));
      expect(originals.filter((pdf) => bytes.includes(pdf)), file).toHaveLength(1);
    }
    // The documents are still in IHE_XDM as well, and the bundle verifies.
    expect(filesIn(withReports).filter((f) => f.startsWith('IHE_XDM/') && f.endsWith('.PDF'))).toHaveLength(3);
    expect(s.run(['verify', withReports]).status).toBe(0);
    // They are ENCAP DOC records (PS3.3 F.5.41), and dcmmkdir accepts them for the General Purpose profile.
    for (const r of pdfRecords) expect(r.startsWith('[ENCAP DOC]'), r.slice(0, 40)).toBe(true);
    const update = runDcmtk('dcmmkdir', ['-nb', '+U', '-Pgp', '+D', 'DICOMDIR', ...pdfFiles], withReports); // (+U rewrites the DICOMDIR: after verify)
    expect(problems(update.output, /^(E|F): /), update.output).toEqual([]);
    expect(update.status, update.output).toBe(0);
  });
});

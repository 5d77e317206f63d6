// Zips as patients get them: a portal download with folders and a zip inside it, a zipped hospital
// CD — each must give the same records as the same files unpacked; hostile entries are skipped
// with a reason while the rest of the archive still imports, and nothing lands outside the vault.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { buildRawZip, type RawEntry } from '../fixtures/bundle/raw-zip.js';
import { makeStudySet, writeCdFolder } from '../fixtures/dicom/cd-folder.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { makeFhirBundle } from '../fixtures/documents/fhir.js';
import { SAMPLE_TEXTS } from '../fixtures/documents/sample-texts.js';
import { newUid } from '../../electron/core/base/ids.js';
import { buildZip64 } from './zip64.js';
import { cliVault, countBy, type CliVault, type Listed, type Outcome } from './cli-vault.js';

/** Every file under dir as a zip entry (deflated), paths relative to dir. */
function zipEntriesOf(dir: string, prefix = ''): RawEntry[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name): RawEntry[] => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return zipEntriesOf(full, `${prefix}${name}/`);
      return [{ name: `${prefix}${name}`, data: readFileSync(full), deflate: true }];
    });
}

function zipFolder(dir: string, out: string): string {
  writeFileSync(out, buildRawZip(zipEntriesOf(dir)));
  return out;
}

/** What must match between a zip import and the unpacked import (ids differ, content does not). */
function signature(records: Listed[]): string[] {
  return records
    .map((r) =>
      JSON.stringify([r.kind, r.type, r.title, r.date, r.patientName, r.patientBirthDate, r.sourceFileCount, r.sizeBytes, r.studyInstanceUID, r.seriesCount, r.instanceCount, r.pageCount, r.textChars]),
    )
    .sort();
}

/** Last component of a display path ("a/cd.zip › DICOM/IM1" → "IM1"). */
const leaf = (p: string): string => p.split(/[/\\›]/).pop()!.trim();

const lines = (t: string): string[] => t.split('\n');

async function writePortal(dir: string): Promise<void> {
  const study = newUid();
  const series = newUid();
  mkdirSync(path.join(dir, 'Reports', '2024'), { recursive: true });
  mkdirSync(path.join(dir, 'Labs'), { recursive: true });
  mkdirSync(path.join(dir, 'Imaging', 'CT'), { recursive: true });
  writeFileSync(path.join(dir, 'Reports', '2024', 'ct-report.pdf'), await makePdf({ pages: [lines(SAMPLE_TEXTS['radiology-report'])] }));
  writeFileSync(path.join(dir, 'Reports', 'pathology.pdf'), await makePdf({ pages: [lines(SAMPLE_TEXTS.pathology)] }));
  writeFileSync(path.join(dir, 'Labs', 'results.json'), JSON.stringify(makeFhirBundle({ withReport: true })));
  for (let i = 1; i <= 3; i++)
    writeFileSync(path.join(dir, 'Imaging', 'CT', `IM${i}`), makeDicomInstance({ studyInstanceUID: study, seriesInstanceUID: series, instanceNumber: i, rows: 16, columns: 16 }));
}

async function writeOlderPortal(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'letter.pdf'), await makePdf({ pages: [lines(SAMPLE_TEXTS.letter)] }));
  writeFileSync(path.join(dir, 'xray.dcm'), makeDicomInstance({ modality: 'CR', studyDescription: 'CHEST XRAY', rows: 16, columns: 16 }));
}

let root: string;
let portalDir: string;
let olderDir: string;
let cdDir: string;

beforeAll(async () => {
  root = (await cliVault('dossier-zip-src-')).root;
  portalDir = path.join(root, 'portal');
  olderDir = path.join(portalDir, 'archive', 'older');
  cdDir = path.join(root, 'cd');
  await writePortal(portalDir);
  await writeOlderPortal(olderDir);
  mkdirSync(cdDir);
  writeCdFolder(cdDir, makeStudySet({ studies: 2, series: 2, instances: 5 }));
});

describe('zip imports', () => {
  it('a portal zip with nested folders and a zip inside it gives the same records as the unpacked files', async () => {
    const unpacked = await cliVault();
    expect(unpacked.importJson([portalDir]).filter((o) => o.status !== 'imported')).toEqual([]);

    // The zip holds the older download as a zip of its own.
    const inner = buildRawZip(zipEntriesOf(olderDir));
    const entries = zipEntriesOf(portalDir).filter((e) => !e.name.startsWith('archive/'));
    const zipPath = path.join(root, 'portal.zip');
    writeFileSync(zipPath, buildRawZip([...entries, { name: 'archive/older.zip', data: inner }]));
    const zipped = await cliVault();
    const outcomes = zipped.importJson([zipPath]);
    expect(outcomes.filter((o) => o.status !== 'imported')).toEqual([]);
    expect(outcomes.map((o) => o.path)).toContain(`${zipPath} › archive/older.zip › archive/older.zip/letter.pdf`);

    const records = zipped.list();
    expect(records).toHaveLength(6); // 2 reports, the lab bundle, the CT study, and the older zip's letter and X-ray
    expect(signature(records)).toEqual(signature(unpacked.list()));
  });

  it('a zipped CD with its DICOMDIR gives the same records and the same skips as the CD itself', async () => {
    const fromCd = await cliVault();
    const cdOutcomes = fromCd.importJson([cdDir]);
    const zipped = await cliVault();
    const zipOutcomes = zipped.importJson([zipFolder(cdDir, path.join(root, 'cd.zip'))]);
    expect(countBy(zipOutcomes, (o) => o.status)).toEqual({ imported: 20, skipped: 3, index: 1 });
    const reasons = (os: Outcome[]) => os.filter((o) => o.status === 'skipped').map((o) => `${leaf(o.path)}: ${o.reason}`).sort();
    expect(reasons(zipOutcomes)).toEqual(reasons(cdOutcomes));
    expect(reasons(zipOutcomes)).toContain('viewer.exe: Windows program or library: software, not a medical record');
    const records = zipped.list();
    expect(records.map((r) => r.instanceCount)).toEqual([10, 10]);
    expect(signature(records)).toEqual(signature(fromCd.list()));
  });
});

describe('hostile zips', () => {
  let cli: CliVault;
  let outcomes: Outcome[];
  const reasonOf = (entry: string): string | undefined => outcomes.find((o) => o.path.endsWith(`› ${entry}`))?.reason;

  beforeAll(async () => {
    cli = await cliVault('dossier-hostile-');
    const text = (s: string) => new TextEncoder().encode(s);
    const zipDir = path.join(cli.root, 'download', 'inbox');
    mkdirSync(zipDir, { recursive: true });
    const hostile = buildRawZip([
      { name: 'good/report.pdf', data: await makePdf({ pages: [lines(SAMPLE_TEXTS.lab)] }), deflate: true },
      { name: '../../escape.txt', data: text('escaped') },
      { name: '/tmp/absolute.txt', data: text('absolute') },
      { name: 'C:\\Windows\\drive.txt', data: text('drive') },
      { name: 'link-to-passwd', data: text('/etc/passwd'), unixMode: 0o120777 },
      { name: 'secret.pdf', data: text('%PDF-1.4 not really'), encrypted: true },
      { name: 'bomb.bin', data: new Uint8Array(8 * 2 ** 20), deflate: true },
      { name: 'good/scan.dcm', data: makeDicomInstance({ rows: 16, columns: 16, studyDescription: 'ZIPPED CT' }), deflate: true },
    ]);
    writeFileSync(path.join(zipDir, 'hostile.zip'), hostile);
    // 100,000 folder entries around a file: over the entry limit, the zip is refused as a whole, up front.
    const crowd = [{ name: 'first.txt', data: text('Blood pressure diary, first entry.') }];
    for (let i = 0; i < 100_000; i++) crowd.push({ name: `d${i}/`, data: new Uint8Array(0) });
    crowd.push({ name: 'after-limit.txt', data: text('never read') });
    writeFileSync(path.join(zipDir, 'crowded.zip'), buildZip64(crowd));
    outcomes = cli.importJson([zipDir]);
  }, 60_000);

  it('skips traversal, absolute, drive-letter, symlink, encrypted and bomb entries with their reasons', () => {
    expect(reasonOf('../../escape.txt')).toBe('path escapes the archive ("..")');
    expect(reasonOf('/tmp/absolute.txt')).toBe('absolute path');
    expect(reasonOf('C:/Windows/drive.txt')).toBe('path starts with a drive letter');
    expect(reasonOf('link-to-passwd')).toBe('symbolic link (not followed)');
    expect(reasonOf('secret.pdf')).toMatch(/password-protected/);
    expect(reasonOf('bomb.bin')).toMatch(/^compression ratio \d+:1 is above 200:1 \(possible zip bomb\)$/);
  });

  it('refuses a zip with more entries than one import takes, saying how to import it anyway', () => {
    expect(outcomes.some((o) => o.path.includes('› first.txt') || o.path.includes('after-limit'))).toBe(false);
    const crowded = outcomes.find((o) => o.path.endsWith('crowded.zip'));
    expect(crowded?.status).toBe('skipped');
    expect(crowded?.reason).toMatch(/holds more than 50,000 files.*unzip it first, then import its folders one at a time/);
  });

  it('imports the good entries of the hostile zip', () => {
    expect(outcomes.find((o) => o.path.endsWith('› good/report.pdf'))?.status).toBe('imported');
    expect(outcomes.find((o) => o.path.endsWith('› good/scan.dcm'))?.status).toBe('imported');
    expect(countBy(outcomes, (o) => o.status)).toEqual({ imported: 2, skipped: 7 });
    expect(cli.list().map((r) => r.title).sort()).toEqual(['LABORATORY RESULTS', 'ZIPPED CT']);
  });

  it('writes nothing outside the vault', () => {
    const everything = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? everything(path.join(dir, d.name)) : [path.join(dir, d.name)]));
    const outside = everything(cli.root).filter((f) => !f.startsWith(cli.dir + path.sep));
    expect(outside.map((f) => path.relative(cli.root, f)).sort()).toEqual(['download/inbox/crowded.zip', 'download/inbox/hostile.zip']);
    for (const name of ['escape.txt', 'absolute.txt', 'drive.txt']) {
      expect(existsSync(path.join(cli.root, name))).toBe(false);
      expect(existsSync(path.join(cli.root, 'download', name))).toBe(false);
    }
    expect(existsSync('/tmp/absolute.txt')).toBe(false);
  });
});

// Paper records (issue #14): photos and scans, imported with the built CLI, become searchable
// text, offline. The import runs with every network API refused and @napi-rs/canvas unloadable
// in every thread (test/fixtures/offline/deny-network.mjs), as the packaged app has neither.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLI, CLI_PASSPHRASE, json } from '../helpers/cli.js';
import { HEIC_NOT_READ } from '../../electron/core/documents/ocr/decode-image.js';
import { CHROMIUM } from '../helpers/chromium.js';
import { makeFtyp } from '../fixtures/documents/images.js';
import { bombPng, PAPER_PATIENT, PAPER_REPORT_DATE, PaperPrinter, scannedPdf, withExifOrientation } from '../fixtures/documents/paper.js';
import { cliVault, type CliVault, type Outcome } from './cli-vault.js';

const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.log(`SKIPPING test/import/ocr.test.ts: ${CHROMIUM} is absent (apt-get install chromium)`);

const GUARD = path.resolve('test/fixtures/offline/deny-network.mjs');

/** File name → the made-up word on the paper, and how the picture is turned. */
const PHOTOS = {
  'upright.png': { word: 'quorblastic', turn: 0, format: 'png' },
  'sideways.jpg': { word: 'zentrofibral', turn: 90, format: 'jpeg' },
  'upside-down.png': { word: 'mirvalotic', turn: 180, format: 'png' },
} as const;
const EXIF_WORD = 'plenarquist'; // pixels stored turned, EXIF Orientation 6 says how to show them
const PDF_WORDS = ['tarnovesic', 'brulometric'] as const; // page 2 is scanned upside down

let cli: CliVault;
let outcomes: Outcome[];
let guardLog: string;
const idOf = (name: string): string => outcomes.find((o) => path.basename(o.path) === name)!.recordId!;

async function writeFixtures(dir: string): Promise<void> {
  const printer = await PaperPrinter.start();
  try {
    for (const [name, spec] of Object.entries(PHOTOS)) writeFileSync(path.join(dir, name), await printer.photo(spec));
    writeFileSync(path.join(dir, 'exif-rotated.jpg'), withExifOrientation(await printer.photo({ word: EXIF_WORD, turn: 270, format: 'jpeg' }), 6));
    const pages = [await printer.photo({ word: PDF_WORDS[0] }), await printer.photo({ word: PDF_WORDS[1], turn: 180, format: 'jpeg' })];
    writeFileSync(path.join(dir, 'scan.pdf'), await scannedPdf(pages));
  } finally {
    await printer.close();
  }
  writeFileSync(path.join(dir, 'bomb.png'), bombPng(20_000, 20_000));
  // An HEIC photo is kept, with a note that its text is not read.
  writeFileSync(path.join(dir, 'photo.heic'), makeFtyp('heic', ['mif1', 'heic']));
}

/** `dossier import DIR --json` with the network guard preloaded into every thread. */
function importOffline(dir: string): Outcome[] {
  const res = spawnSync(process.execPath, [CLI, 'import', dir, '--json', '--vault', cli.dir], {
    env: { ...process.env, DOSSIER_PASSPHRASE: CLI_PASSPHRASE, NODE_OPTIONS: `--import=${GUARD}`, DOSSIER_TEST_GUARD_LOG: guardLog },
    maxBuffer: 64 * 2 ** 20,
  });
  return json<Outcome[]>({ status: res.status, stdout: res.stdout.toString(), stderr: res.stderr.toString(), stdoutBytes: res.stdout });
}

describe.skipIf(!HAS_CHROMIUM)('dossier import reads text from photos and scans (OCR)', () => {
  beforeAll(async () => {
    cli = await cliVault('dossier-ocr-');
    const dir = path.join(cli.root, 'paper');
    mkdirSync(dir);
    await writeFixtures(dir);
    guardLog = path.join(cli.root, 'guard.log');
    outcomes = importOffline(dir);
  }, 180_000);

  it('imports every file, the huge one too', () => {
    for (const o of outcomes) expect(o.status, `${o.path}: ${o.reason}`).toBe('imported');
    expect(outcomes).toHaveLength(7);
    expect(cli.show(idOf('photo.heic')).metadata['note']).toBe(`Text not read: ${HEIC_NOT_READ}`);
  });

  it.each([...Object.entries(PHOTOS).map(([name, s]) => [name, s.word]), ['exif-rotated.jpg', EXIF_WORD], ['scan.pdf', PDF_WORDS[0]], ['scan.pdf', PDF_WORDS[1]]])(
    '%s is found by the word on its paper (%s)',
    (name, word) => {
      expect(cli.list(['--search', word]).map((r) => r.id)).toEqual([idOf(name)]);
    },
  );

  it.each([...Object.keys(PHOTOS), 'exif-rotated.jpg', 'scan.pdf'])('%s: type, report date and patient come from the recognised text', (name) => {
    const r = cli.show(idOf(name));
    expect(r).toMatchObject({ type: 'pathology', date: PAPER_REPORT_DATE, patientName: PAPER_PATIENT.name, patientBirthDate: PAPER_PATIENT.birthDate, patientId: PAPER_PATIENT.id });
    expect(r.title).toBe('SURGICAL PATHOLOGY REPORT');
  });

  it('marks the text as recognised, with confidence, and says which pages were turned to read them', () => {
    const ocr = (name: string) => cli.show(idOf(name)).metadata['ocr'] as Record<string, unknown>;
    expect(ocr('upright.png')).toMatchObject({ pages: [1], lowConfidencePages: [], language: 'eng', engine: expect.stringMatching(/^tesseract\.js 7\./) });
    expect(ocr('upright.png')['meanConfidence']).toBeGreaterThanOrEqual(60);
    expect(ocr('upright.png')['rotatedPages']).toBeUndefined();
    expect(ocr('sideways.jpg')['rotatedPages']).toEqual({ 1: 270 });
    expect(ocr('upside-down.png')['rotatedPages']).toEqual({ 1: 180 });
    // EXIF turned these pixels before reading: no further turn was needed.
    expect(ocr('exif-rotated.jpg')['rotatedPages']).toBeUndefined();
    expect(ocr('scan.pdf')).toMatchObject({ pages: [1, 2], rotatedPages: { 2: 180 } });
    expect(cli.show(idOf('scan.pdf')).pageCount).toBe(2);
  });

  it('skips reading a 20,000 × 20,000 decompression-bomb PNG by its declared size, and keeps the file', () => {
    const r = cli.show(idOf('bomb.png'));
    expect(r).toMatchObject({ pageCount: 1, textChars: 0, sourceFileCount: 1 });
    const ocr = r.metadata['ocr'] as { skippedPages: { page: number; reason: string }[] };
    expect(ocr.skippedPages).toEqual([{ page: 1, reason: expect.stringMatching(/too large to read text from \(20000 × 20000 pixels; the limit is 64 megapixels\)/) }]);
    expect(r.metadata['note']).toMatch(/^Text not read: the image is too large/);
  });



  it('read everything with the network refused in every thread, the OCR threads included', () => {
    const lines = readFileSync(guardLog, 'utf8').trim().split('\n');
    // The CLI, the PDF reader, the OCR thread and tesseract.js's own thread each loaded the guard.
    expect(lines.filter((l) => l.startsWith('loaded ')).length).toBeGreaterThanOrEqual(4);
    expect(lines.filter((l) => l.startsWith('attempt ') && !l.includes('@napi-rs/canvas'))).toEqual([]);
  });

  it('the guard does refuse network use inside a worker thread (so the check above means something)', () => {
    const res = spawnSync(process.execPath, [path.resolve('test/fixtures/offline/probe-network.mjs')], { env: { ...process.env, NODE_OPTIONS: `--import=${GUARD}` } });
    expect(res.stdout.toString().trim().split('\n')).toEqual(['fetch: network use refused in this test: fetch', 'connect: network use refused in this test: net.connect']);
  });

  it('the patient read from the paper takes part in the identity check', () => {
    const report = json<{ groups: { identity: { name?: string; source: string }; recordIds: string[] }[] }>(cli.run(['identities', '--json']));
    const group = report.groups.find((g) => g.identity.name === PAPER_PATIENT.name);
    expect(group?.recordIds).toEqual(expect.arrayContaining([idOf('upright.png'), idOf('scan.pdf')]));
  });
});

describe.skipIf(!HAS_CHROMIUM)('dossier import --no-ocr', () => {
  it('imports a photo of paper without reading its text', async () => {
    const off = await cliVault('dossier-no-ocr-');
    const printer = await PaperPrinter.start();
    const file = path.join(off.root, 'letter.png');
    try {
      writeFileSync(file, await printer.photo({ word: 'vestroculid' }));
    } finally {
      await printer.close();
    }
    const [o] = off.importJson([file, '--no-ocr']);
    expect(o).toMatchObject({ status: 'imported' });
    const r = off.show(o!.recordId!);
    expect(r).toMatchObject({ textChars: 0, title: 'letter', type: 'other', pageCount: 1 });
    expect(r.metadata['ocr']).toBeUndefined();
    expect(off.list(['--search', 'vestroculid'])).toEqual([]);
  });
});

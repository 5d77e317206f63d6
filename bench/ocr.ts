// OCR benchmark: how fast pages of paper are read, and what reading them adds to an import.
// Renders report pages with Debian's Chromium (A4 at 150 dpi, ~28 lines each), then times
//   1. the OCR client alone: upright photos (PNG), photos upside down, a scanned PDF;
//   2. `dossier import` of the photos and the PDF, with and without --no-ocr;
// and prints what OCR adds to the install. Prints figures only.   node bench/run.mjs ocr [--pages N]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { sharedOcr } from '../electron/core/documents/ocr/ocr-client.js';
import { PaperPrinter, scannedPdf } from '../test/fixtures/documents/paper.js';

const arg = process.argv.indexOf('--pages');
const PAGES = arg > 0 ? Number(process.argv[arg + 1]) : 10;
const CLI = path.resolve('dist/cli/dossier.js');
const PASSPHRASE = 'bench passphrase';
const BODY = Array.from({ length: 22 }, (_, i) =>
  [`${i + 1}. Sections show breast tissue with fibrocystic change and stromal fibrosis.`, 'No atypia, in-situ or invasive carcinoma is identified in any level.', 'Immunostains for ER and PR were reviewed with appropriate controls.'][i % 3]!,
);

function seconds<T>(run: () => T): { value: T; s: number } {
  const start = process.hrtime.bigint();
  const value = run();
  return { value, s: Number(process.hrtime.bigint() - start) / 1e9 };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; s: number }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { value, s: Number(process.hrtime.bigint() - start) / 1e9 };
}

function cli(args: string[]): void {
  const res = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DOSSIER_PASSPHRASE: PASSPHRASE }, stdio: ['ignore', 'pipe', 'inherit'] });
  if (res.status !== 0) throw new Error(`dossier ${args.join(' ')} failed (${res.status})`);
}

async function render(dir: string): Promise<{ upright: Uint8Array[]; turned: Uint8Array[] }> {
  const printer = await PaperPrinter.start();
  try {
    const upright: Uint8Array[] = [];
    const turned: Uint8Array[] = [];
    for (let i = 0; i < PAGES; i++) {
      upright.push(await printer.photo({ word: `benchword${i}`, body: BODY }));
      turned.push(await printer.photo({ word: `turnedword${i}`, body: BODY, turn: 180 }));
      writeFileSync(path.join(dir, 'photos', `page-${i + 1}.png`), upright[i]!);
    }
    writeFileSync(path.join(dir, 'scans', 'scan.pdf'), await scannedPdf(upright));
    return { upright, turned };
  } finally {
    await printer.close();
  }
}

async function readAll(pages: Uint8Array[]): Promise<{ s: number; confidence: number }> {
  const ocr = sharedOcr();
  const { value, s } = await timed(async () => {
    const readings = [];
    for (const p of pages) readings.push(await ocr.readImage(p)); // one file at a time, as an import does
    return readings;
  });
  const read = value.flatMap((r) => r.pages);
  if (read.length !== pages.length) throw new Error(`only ${read.length} of ${pages.length} pages were read`);
  return { s, confidence: Math.round(read.reduce((sum, p) => sum + p.confidence, 0) / read.length) };
}

function importTime(source: string, work: string, extra: string[]): number {
  const vault = path.join(work, `vault-${extra.length ? 'off' : 'on'}-${path.basename(source)}`);
  cli(['init', '--vault', vault]);
  return seconds(() => cli(['import', source, '--vault', vault, '--json', ...extra])).s;
}

function shippedBytes(): { core: number; model: number; heic: number } {
  const req = createRequire(import.meta.url);
  const size = (p: string) => statSync(req.resolve(p)).size;
  const core = ['', '-simd', '-relaxedsimd'].reduce((sum, v) => sum + size(`tesseract.js-core/tesseract-core${v}-lstm.js`) + size(`tesseract.js-core/tesseract-core${v}-lstm.wasm`), 0);
  const model = statSync(path.join(path.dirname(req.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int/eng.traineddata.gz')).size;
  return { core, model, heic: size('libheif-js/libheif-wasm/libheif-bundle.js') };
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-ocr-'));
try {
  spawnSync(process.execPath, ['build/scripts/build.mjs', 'node'], { stdio: 'inherit' });
  mkdirSync(path.join(work, 'photos'));
  mkdirSync(path.join(work, 'scans'));
  const { upright, turned } = await render(work);
  await readAll(upright.slice(0, 1)); // start the thread and load the engine once
  const photos = await readAll(upright);
  const upsideDown = await readAll(turned);
  const scan = new Uint8Array(readFileSync(path.join(work, 'scans', 'scan.pdf')));
  const pdf = await timed(() => sharedOcr().readPdfPages(scan, Array.from({ length: PAGES }, (_, i) => i + 1)));
  sharedOcr().close();
  const rows = [
    ['upright photos (PNG, 1240 × 1754)', photos.s, photos.confidence],
    ['photos upside down (turned to read)', upsideDown.s, upsideDown.confidence],
    ['scanned PDF (pictures taken out with pdf.js)', pdf.s, Math.round(pdf.value.pages.reduce((sum, p) => sum + p.confidence, 0) / Math.max(1, pdf.value.pages.length))],
  ] as const;
  console.log(`\nOCR on this machine (${os.cpus().length} cores, ${PAGES} pages each):`);
  for (const [what, s, conf] of rows) console.log(`  ${what.padEnd(46)} ${(PAGES / s).toFixed(2)} pages/s  (${(s / PAGES).toFixed(2)} s/page, mean confidence ${conf})`);
  console.log('\ndossier import (whole process, vault open included):');
  for (const folder of ['photos', 'scans']) {
    const on = importTime(path.join(work, folder), work, []);
    const off = importTime(path.join(work, folder), work, ['--no-ocr']);
    console.log(`  ${folder.padEnd(7)} ${PAGES} pages: ${on.toFixed(1)} s with OCR, ${off.toFixed(1)} s with --no-ocr → OCR adds ${((on - off) / PAGES).toFixed(2)} s/page`);
  }
  const shipped = shippedBytes();
  console.log(`\nShipped for OCR: engine ${mb(shipped.core)} (three LSTM builds), English model ${mb(shipped.model)}, HEIC decoder ${mb(shipped.heic)}; total ${mb(shipped.core + shipped.model + shipped.heic)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

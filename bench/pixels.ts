// Pixel engine benchmark: decode time of one 512 × 512 16-bit CT frame in each transfer syntax,
// then renderToRgba (a window/level step) and renderFrameImage (PNG, JPEG, 256 px thumbnail).
// Prints figures only (no assertions).   node bench/run.mjs pixels [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderToRgba } from '../shared/imaging/render-rgba.js';
import { decodeFrameSync, renderFrameImage } from '../electron/core/dicom/pixels/index.js';
import { TS, el } from '../electron/core/dicom/writer.js';
import { encodeHtj2k, encodeJ2k, encodeJpegBaseline, encodeJpegLs, type RawImage } from '../test/fixtures/dicom/codec-encoders.js';
import { encapsulatedInstance, nativeInstance, words } from '../test/fixtures/dicom/pixels.js';
import { encodeRleFrame } from '../test/fixtures/dicom/rle.js';

const SIDE = 512;
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 20;

/** A CT-like slice: a body disc of soft tissue with bone and lung, plus noise (HU + 1024 stored). */
function ctSlice(): number[] {
  let seed = 7;
  const noise = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % 41) - 20;
  return Array.from({ length: SIDE * SIDE }, (_, i) => {
    const x = (i % SIDE) - SIDE / 2;
    const y = Math.floor(i / SIDE) - SIDE / 2;
    const r = Math.hypot(x, y);
    const hu = r > 220 ? -1000 : Math.hypot(x + 80, y) < 60 || Math.hypot(x - 80, y) < 60 ? -800 : r > 200 ? 700 : 40;
    return hu + 1024 + (r > 220 ? 0 : noise());
  });
}

const values = ctSlice();
const layout = { rows: SIDE, columns: SIDE, bitsAllocated: 16, bitsStored: 12, extra: [el(0x00281052, 'DS', '-1024'), el(0x00281053, 'DS', '1')] };
const raw: RawImage = { width: SIDE, height: SIDE, components: 1, bitsPerSample: 12, bytes: words(values) };

function rleOf(samples: Uint8Array): Uint8Array {
  const n = samples.length / 2;
  const msb = Uint8Array.from({ length: n }, (_, i) => samples[i * 2 + 1] as number);
  const lsb = Uint8Array.from({ length: n }, (_, i) => samples[i * 2] as number);
  return encodeRleFrame([msb, lsb]);
}

/** JPEG Lossless SV1 by dcmtk's dcmcjpeg, when it is installed (no JavaScript encoder exists). */
function jpegLosslessByDcmtk(native: Uint8Array): Uint8Array | undefined {
  if (!existsSync('/usr/bin/dcmcjpeg')) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-pixels-'));
  try {
    writeFileSync(path.join(dir, 'in.dcm'), native);
    const run = spawnSync('/usr/bin/dcmcjpeg', ['+e1', path.join(dir, 'in.dcm'), path.join(dir, 'out.dcm')]);
    return run.status === 0 ? readFileSync(path.join(dir, 'out.dcm')) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function instances(): Promise<[string, Uint8Array][]> {
  const native = (uid: string) => nativeInstance({ ...layout, transferSyntaxUID: uid, frames: [words(values)] });
  const encapsulated = (uid: string, codestream: Uint8Array) => encapsulatedInstance({ ...layout, transferSyntaxUID: uid, frames: [[codestream]] });
  const gray8 = Uint8Array.from(values, (v) => Math.min(255, Math.max(0, (v - 824) >> 2)));
  const list: [string, Uint8Array | undefined][] = [
    ['Explicit VR Little Endian', native(TS.explicitLE)],
    ['Implicit VR Little Endian', native(TS.implicitLE)],
    ['Explicit VR Big Endian', native(TS.explicitBE)],
    ['Deflated Explicit VR LE', native(TS.deflatedLE)],
    ['RLE Lossless', encapsulated(TS.rle, rleOf(words(values)))],
    ['JPEG Lossless SV1 (dcmtk)', jpegLosslessByDcmtk(native(TS.explicitLE))],
    ['JPEG-LS lossless', encapsulated(TS.jpegLsLossless, await encodeJpegLs(raw))],
    ['JPEG 2000 lossless', encapsulated(TS.jpeg2000Lossless, await encodeJ2k(raw))],
    ['JPEG 2000 lossy 10:1', encapsulated(TS.jpeg2000, await encodeJ2k(raw, 10))],
    ['HTJ2K lossless', encapsulated(TS.htj2kLossless, await encodeHtj2k(raw))],
    [
      'JPEG Baseline 8-bit (q 90)',
      encapsulatedInstance({ rows: SIDE, columns: SIDE, bitsAllocated: 8, transferSyntaxUID: TS.jpegBaseline, frames: [[await encodeJpegBaseline({ ...raw, bitsPerSample: 8, bytes: gray8 }, 90)]] }),
    ],
  ];
  return list.flatMap(([name, bytes]) => (bytes ? [[name, bytes] as [string, Uint8Array]] : []));
}

function median(fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const row = (what: string, first: string, ms: number) => console.log(`${what.padEnd(34)} ${first.padStart(10)} ${ms.toFixed(2).padStart(10)}`);

console.log(`machine: ${os.cpus().length} CPUs, Node ${process.version}; ${SIDE}×${SIDE} CT frame, 12 bits in 16; median of ${RUNS} runs`);
console.log('');
console.log(`${'decodeFrame'.padEnd(34)} ${'first (ms)'.padStart(10)} ${'median (ms)'.padStart(10)}`);
for (const [name, bytes] of await instances()) {
  const start = process.hrtime.bigint();
  decodeFrameSync(bytes, 0); // the first call compiles the codec's WASM
  const first = Number(process.hrtime.bigint() - start) / 1e6;
  row(`${name} (${(bytes.length / 1024).toFixed(0)} KiB)`, first.toFixed(1), median(() => decodeFrameSync(bytes, 0)));
}

const frame = decodeFrameSync(nativeInstance({ ...layout, frames: [words(values)] }), 0);
console.log('');
console.log(`${'display'.padEnd(34)} ${''.padStart(10)} ${'median (ms)'.padStart(10)}`);
let center = 40;
row('renderToRgba (LINEAR, 512×512)', '', median(() => renderToRgba(frame, { center: (center = -center), width: 400 })));
row('renderToRgba (SIGMOID)', '', median(() => renderToRgba(frame, { center: 40, width: 400, function: 'SIGMOID' })));
row('renderFrameImage PNG 512', '', median(() => renderFrameImage(frame, { format: 'png' })));
row('renderFrameImage JPEG q85 512', '', median(() => renderFrameImage(frame, { format: 'jpeg' })));
row('renderFrameImage JPEG 256 thumbnail', '', median(() => renderFrameImage(frame, { format: 'jpeg', maxSide: 256 })));

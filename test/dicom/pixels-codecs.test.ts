// The pixel engine on compressed frames. Fixtures come from two independent sources: dcmtk
// (dcmcjpeg, dcmcjpls, dcmcrle: IJG libjpeg and CharLS builds of its own) run on our native files,
// and the codec packages' own encoders wrapped by our writer. Lossless syntaxes must give back the
// original values exactly; lossy ones are held to the tolerances stated at each test.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PixelError } from '../../shared/imaging/errors.js';
import type { DecodedFrame } from '../../shared/imaging/frame.js';
import { modalityMapper } from '../../shared/imaging/voi.js';
import { decodeFrameSync, frameCount, PixelDecodeError } from '../../electron/core/dicom/pixels/index.js';
import { TS, el } from '../../electron/core/dicom/writer.js';
import { encodeHtj2k, encodeJ2k, encodeJpegBaseline, encodeJpegLs, type RawImage } from '../fixtures/dicom/codec-encoders.js';
import { encapsulatedInstance, nativeInstance, pattern, words, type NativeImage } from '../fixtures/dicom/pixels.js';
import { HAS_DCMTK, runDcmtk } from './dcmtk.js';

const ROWS = 48;
const COLUMNS = 64;
const work = mkdtempSync(join(tmpdir(), 'dossier-pixels-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function errorOf(fn: () => unknown): PixelError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PixelDecodeError) return e.detail;
    throw e;
  }
  throw new Error('expected a PixelDecodeError');
}

/** A signed 16-bit CT series of 3 frames, HU = stored − 1024. */
const ctFrames = [0, 1, 2].map((f) => pattern(ROWS, COLUMNS, -1024, 3071, f));
const CT: NativeImage = {
  rows: ROWS,
  columns: COLUMNS,
  bitsAllocated: 16,
  signed: true,
  frames: ctFrames.map(words),
  extra: [el(0x00281052, 'DS', '-1024'), el(0x00281053, 'DS', '1')],
};
/** Photograph-like images (gradients plus a little texture) for the lossy syntaxes and colour. */
function smooth(lo: number, hi: number, phase: number): number[] {
  return Array.from({ length: ROWS * COLUMNS }, (_, i) => {
    const x = i % COLUMNS;
    const y = Math.floor(i / COLUMNS);
    const t = 0.5 * (x / COLUMNS) + 0.4 * (y / ROWS) + 0.1 * Math.sin((x + phase) / 3) * Math.cos(y / 5);
    return Math.round(lo + (hi - lo) * Math.min(1, Math.max(0, t)));
  });
}
const red = smooth(0, 255, 0);
const green = smooth(0, 255, 7);
const rgbValues = red.flatMap((r, i) => [r, 255 - (green[i] as number), ((i % COLUMNS) * 3 + Math.floor(i / COLUMNS) * 5) % 64 + 96]);
const gray8Values = smooth(0, 255, 3);
const smoothCt = smooth(-1024, 3071, 1);

let n = 0;
/** Writes `input`, runs a dcmtk tool on it and returns the tool's output file. */
function dcmtk(tool: string, args: string[], input: Uint8Array): Uint8Array {
  const src = join(work, `in${++n}.dcm`);
  const out = join(work, `out${n}.dcm`);
  writeFileSync(src, input);
  const run = runDcmtk(tool, [...args, src, out]);
  if (run.status !== 0) throw new Error(`${tool} failed: ${run.output}`);
  return readFileSync(out);
}

function transferSyntaxOf(bytes: Uint8Array): string {
  const at = Buffer.from(bytes).indexOf('1.2.840.10008.1.2', 144, 'latin1');
  return Buffer.from(bytes).toString('latin1', at, at + 26).replace(/[\0 ].*$/s, '').replace(/[^\d.].*$/s, '');
}

const samplesOf = (f: DecodedFrame): number[] => Array.from(f.samples as ArrayLike<number>);

/** Largest absolute difference and mean absolute difference between two arrays. */
function difference(a: number[], b: number[]): { max: number; mean: number } {
  expect(a.length).toBe(b.length);
  let max = 0;
  let sum = 0;
  a.forEach((v, i) => {
    const d = Math.abs(v - (b[i] as number));
    max = Math.max(max, d);
    sum += d;
  });
  return { max, mean: sum / a.length };
}

describe.skipIf(!HAS_DCMTK)('fixtures compressed by dcmtk', () => {
  it.each([
    ['JPEG Lossless SV1, offset table, one fragment per frame', ['+e1'], TS.jpegLosslessSV1],
    ['JPEG Lossless SV1, no offset table, 1 KiB fragments', ['+e1', '-ot', '+fs', '1'], TS.jpegLosslessSV1],
    ['JPEG Lossless process 14, predictor 6', ['+el', '+sv', '6'], TS.jpegLossless],
  ] as const)('%s: signed 16-bit CT, exact, frame by frame', (_name, args, uid) => {
    const file = dcmtk('dcmcjpeg', [...args], nativeInstance(CT));
    expect(transferSyntaxOf(file)).toBe(uid);
    expect(frameCount(file)).toBe(3);
    for (const k of [2, 0, 1]) {
      const frame = decodeFrameSync(file, k);
      expect(samplesOf(frame)).toEqual(ctFrames[k]);
      expect(modalityMapper(frame.modality)(frame.samples[0] as number)).toBe((ctFrames[k]?.[0] as number) - 1024);
    }
  });

  it('JPEG-LS lossless (dcmcjpls): signed CT exact', () => {
    const file = dcmtk('dcmcjpls', [], nativeInstance(CT));
    expect(transferSyntaxOf(file)).toBe(TS.jpegLsLossless);
    expect(samplesOf(decodeFrameSync(file, 1))).toEqual(ctFrames[1]);
  });

  it('JPEG-LS near-lossless NEAR=2 (dcmcjpls +en, unsigned 12-bit): every sample within 2', () => {
    const values = pattern(ROWS, COLUMNS, 0, 4095);
    const file = dcmtk('dcmcjpls', ['+en', '+md', '2'], nativeInstance({ rows: ROWS, columns: COLUMNS, bitsAllocated: 16, bitsStored: 12, frames: [words(values)] }));
    expect(transferSyntaxOf(file)).toBe(TS.jpegLsNearLossless);
    // JPEG-LS guarantees |decoded − original| ≤ NEAR for every sample (ITU T.87).
    const d = difference(samplesOf(decodeFrameSync(file, 0)), values);
    expect(d.max).toBeGreaterThan(0);
    expect(d.max).toBeLessThanOrEqual(2);
  });

  it('RLE Lossless (dcmcrle): CT and RGB exact', () => {
    const ct = dcmtk('dcmcrle', [], nativeInstance(CT));
    expect(transferSyntaxOf(ct)).toBe(TS.rle);
    expect(samplesOf(decodeFrameSync(ct, 2))).toEqual(ctFrames[2]);
    const rgb = dcmtk('dcmcrle', [], nativeInstance({ rows: ROWS, columns: COLUMNS, samplesPerPixel: 3, bitsAllocated: 8, frames: [Uint8Array.from(rgbValues)] }));
    expect(samplesOf(decodeFrameSync(rgb, 0))).toEqual(rgbValues);
  });

  it('JPEG Baseline (dcmcjpeg +eb), gray and RGB→YBR_FULL_422: agrees with dcmtk’s own decoder', () => {
    const gray = dcmtk('dcmcjpeg', ['+eb'], nativeInstance({ rows: ROWS, columns: COLUMNS, bitsAllocated: 8, frames: [Uint8Array.from(gray8Values)] }));
    const rgb = dcmtk('dcmcjpeg', ['+eb'], nativeInstance({ rows: ROWS, columns: COLUMNS, samplesPerPixel: 3, bitsAllocated: 8, frames: [Uint8Array.from(rgbValues)] }));
    for (const [file, original] of [[gray, gray8Values], [rgb, rgbValues]] as const) {
      expect(transferSyntaxOf(file)).toBe(TS.jpegBaseline);
      const ours = samplesOf(decodeFrameSync(file, 0));
      const theirs = samplesOf(decodeFrameSync(dcmtk('dcmdjpeg', [], file), 0));
      // Two decoders (libjpeg-turbo's SIMD IDCT and colour conversion vs IJG libjpeg's): ±2.
      expect(difference(ours, theirs).max).toBeLessThanOrEqual(2);
      // Against the original (dcmtk's default quality 90, 4:2:2 chroma): mean error under 4 levels.
      expect(difference(ours, [...original]).mean).toBeLessThan(4);
    }
  });

  it('12-bit JPEG Extended (dcmcjpeg +ee) is a typed "unsupported bit depth", not a blank image', () => {
    const twelve = nativeInstance({ rows: ROWS, columns: COLUMNS, bitsAllocated: 16, bitsStored: 12, frames: [words(pattern(ROWS, COLUMNS, 0, 4095))] });
    const file = dcmtk('dcmcjpeg', ['+ee'], twelve);
    expect(errorOf(() => decodeFrameSync(file, 0))).toEqual({
      code: 'unsupported-bit-depth',
      transferSyntaxUID: TS.jpegExtended,
      name: 'JPEG Extended (Process 2 & 4)',
      bitsPerSample: 12,
    });
  });
});

function image(values: number[], components: 1 | 3, bitsPerSample: number, signed = false): RawImage {
  const bytes = bitsPerSample > 8 ? words(values) : Uint8Array.from(values);
  return { width: COLUMNS, height: ROWS, components, bitsPerSample, signed, bytes };
}

const ctImage = (k: number): RawImage => image(ctFrames[k] as number[], 1, 16, true);
const rgbImage = image(rgbValues, 3, 8);
const ctLayout = { rows: ROWS, columns: COLUMNS, bitsAllocated: 16, signed: true } as const;
const rgbLayout = { rows: ROWS, columns: COLUMNS, bitsAllocated: 8, samplesPerPixel: 3 } as const;

describe('fixtures compressed by the codec packages’ encoders', () => {
  it('JPEG-LS (CharLS): signed CT and RGB in all three interleave modes, exact', async () => {
    const ct = encapsulatedInstance({ ...ctLayout, transferSyntaxUID: TS.jpegLsLossless, frames: [[await encodeJpegLs(ctImage(0))]] });
    expect(samplesOf(decodeFrameSync(ct, 0))).toEqual(ctFrames[0]);
    for (const interleave of [0, 1, 2]) {
      const rgb = encapsulatedInstance({ ...rgbLayout, transferSyntaxUID: TS.jpegLsLossless, frames: [[await encodeJpegLs(rgbImage, 0, interleave)]] });
      expect(samplesOf(decodeFrameSync(rgb, 0))).toEqual(rgbValues);
    }
  });

  it('JPEG 2000 lossless (OpenJPEG): signed CT, and RGB through the reversible colour transform (YBR_RCT)', async () => {
    const ct = encapsulatedInstance({ ...ctLayout, transferSyntaxUID: TS.jpeg2000Lossless, frames: [[await encodeJ2k(ctImage(1))]] });
    expect(samplesOf(decodeFrameSync(ct, 0))).toEqual(ctFrames[1]);
    const rgb = encapsulatedInstance({ ...rgbLayout, photometric: 'YBR_RCT', transferSyntaxUID: TS.jpeg2000Lossless, frames: [[await encodeJ2k(rgbImage)]] });
    expect(samplesOf(decodeFrameSync(rgb, 0))).toEqual(rgbValues);
  });

  it('HTJ2K lossless (OpenJPH): signed CT, and RGB (YBR_RCT)', async () => {
    const ct = encapsulatedInstance({ ...ctLayout, transferSyntaxUID: TS.htj2kLossless, frames: [[await encodeHtj2k(ctImage(2))]] });
    expect(samplesOf(decodeFrameSync(ct, 0))).toEqual(ctFrames[2]);
    const rgb = encapsulatedInstance({ ...rgbLayout, photometric: 'YBR_RCT', transferSyntaxUID: TS.htj2kLosslessRpcl, frames: [[await encodeHtj2k(rgbImage)]] });
    expect(samplesOf(decodeFrameSync(rgb, 0))).toEqual(rgbValues);
  });

  it('lossy JPEG 2000 (ratio 10:1) and HTJ2K (quantization step 0.002): small mean error on a 4,096-level CT', async () => {
    const source = image(smoothCt, 1, 16, true);
    const j2k = encapsulatedInstance({ ...ctLayout, transferSyntaxUID: TS.jpeg2000, frames: [[await encodeJ2k(source, 10)]] });
    const ht = encapsulatedInstance({ ...ctLayout, transferSyntaxUID: TS.htj2k, frames: [[await encodeHtj2k(source, 0.002)]] });
    for (const file of [j2k, ht]) {
      const d = difference(samplesOf(decodeFrameSync(file, 0)), smoothCt);
      // Irreversible wavelet: not exact, but the mean error stays under 0.5 % of the 4,096-value range.
      expect(d.max).toBeGreaterThan(0);
      expect(d.mean).toBeLessThan(20);
    }
  });

  it('JPEG Baseline (libjpeg-turbo encoder, quality 95, 4:4:4): gray and colour close to the original', async () => {
    const gray = encapsulatedInstance({ rows: ROWS, columns: COLUMNS, bitsAllocated: 8, transferSyntaxUID: TS.jpegBaseline, frames: [[await encodeJpegBaseline(image(gray8Values, 1, 8), 95)]] });
    const rgb = encapsulatedInstance({ ...rgbLayout, photometric: 'YBR_FULL', transferSyntaxUID: TS.jpegBaseline, frames: [[await encodeJpegBaseline(rgbImage, 95)]] });
    // DCT quantization at quality 95 (and YCbCr rounding for colour): mean error under 3 levels of 255.
    expect(difference(samplesOf(decodeFrameSync(gray, 0)), gray8Values).mean).toBeLessThan(3);
    expect(difference(samplesOf(decodeFrameSync(rgb, 0)), rgbValues).mean).toBeLessThan(3);
  });
});

describe('encapsulated frames', () => {
  async function ctCodestreams(): Promise<Uint8Array[]> {
    return Promise.all([0, 1, 2].map((k) => encodeJ2k(ctImage(k))));
  }

  it.each(['basic', 'extended', 'none'] as const)('offset table %s: frame k alone', async (offsetTable) => {
    const frames = (await ctCodestreams()).map((c) => [c]);
    const file = encapsulatedInstance({ ...ctLayout, transferSyntaxUID: TS.jpeg2000Lossless, frames, offsetTable });
    expect(frameCount(file)).toBe(3);
    expect(samplesOf(decodeFrameSync(file, 2))).toEqual(ctFrames[2]);
    expect(samplesOf(decodeFrameSync(file, 1))).toEqual(ctFrames[1]);
  });

  it('no offset table and several fragments per frame: frames found by their start and end markers', async () => {
    // Fragments have even lengths (PS3.5 A.4): only the last may carry a padding byte.
    const split = (c: Uint8Array): Uint8Array[] => [c.subarray(0, 100), c.subarray(100, 300), c.subarray(300)];
    const frames = (await ctCodestreams()).map(split);
    const file = encapsulatedInstance({ ...ctLayout, transferSyntaxUID: TS.jpeg2000Lossless, frames });
    expect(samplesOf(decodeFrameSync(file, 1))).toEqual(ctFrames[1]);
    expect(samplesOf(decodeFrameSync(file, 2))).toEqual(ctFrames[2]);
  });

  it('a damaged frame fails alone, with a typed cause; its neighbours still decode', async () => {
    const [a, b] = await ctCodestreams();
    const garbage = Uint8Array.from({ length: 400 }, (_, i) => (i * 31) % 256);
    const cut = (a as Uint8Array).subarray(0, 60);
    const file = encapsulatedInstance({ ...ctLayout, transferSyntaxUID: TS.jpeg2000Lossless, frames: [[cut], [b as Uint8Array], [garbage]], offsetTable: 'basic' });
    expect(errorOf(() => decodeFrameSync(file, 0))).toEqual({ code: 'frame-damaged', frame: 0, cause: 'codec-error' });
    expect(samplesOf(decodeFrameSync(file, 1))).toEqual(ctFrames[1]);
    expect(errorOf(() => decodeFrameSync(file, 2))).toEqual({ code: 'frame-damaged', frame: 2, cause: 'codec-error' });
  });

  it('a codestream of another size than the header says is refused before decoding', async () => {
    const file = encapsulatedInstance({ ...ctLayout, rows: ROWS / 2, transferSyntaxUID: TS.jpegLsLossless, frames: [[await encodeJpegLs(ctImage(0))]] });
    expect(errorOf(() => decodeFrameSync(file, 0))).toEqual({ code: 'frame-damaged', frame: 0, cause: 'mismatch' });
  });
});

describe.skipIf(!HAS_DCMTK)('cross-check against dcmtk’s decoders', () => {
  it('our JPEG-LS and RLE decodes equal dcmtk’s decompression of the same files', async () => {
    const jls = encapsulatedInstance({ ...rgbLayout, transferSyntaxUID: TS.jpegLsLossless, frames: [[await encodeJpegLs(rgbImage, 0, 0)]] });
    expect(samplesOf(decodeFrameSync(dcmtk('dcmdjpls', [], jls), 0))).toEqual(samplesOf(decodeFrameSync(jls, 0)));
    const rle = dcmtk('dcmcrle', [], nativeInstance(CT));
    expect(samplesOf(decodeFrameSync(dcmtk('dcmdrle', [], rle), 1))).toEqual(samplesOf(decodeFrameSync(rle, 1)));
  });
});

// Frame → PNG/JPEG (render.ts), previews for the syntaxes that had none, and the codec files.
import { existsSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { DecodedFrame } from '../../shared/imaging/frame.js';
import { renderToRgba } from '../../shared/imaging/render-rgba.js';
import { decodeJpeg } from '../../electron/core/dicom/pixels/codecs/jpeg.js';
import { codecFiles, decodeFrameSync, renderFrameImage } from '../../electron/core/dicom/pixels/index.js';
import { renderPreview } from '../../electron/core/dicom/preview.js';
import { TS } from '../../electron/core/dicom/writer.js';
import { encodeHtj2k, encodeJ2k, encodeJpegBaseline, encodeJpegLs } from '../fixtures/dicom/codec-encoders.js';
import { encapsulatedInstance, nativeInstance, pattern, words } from '../fixtures/dicom/pixels.js';

/** Pixels of an 8-bit PNG from our encoder (filter 0 on every row). */
function pngPixels(bytes: Uint8Array): { width: number; height: number; channels: number; pixels: Uint8Array } {
  const b = Buffer.from(bytes);
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const channels = b[25] === 2 ? 3 : 1;
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length; ) {
    const length = b.readUInt32BE(at);
    if (b.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) pixels.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  return { width, height, channels, pixels };
}

const ct = (): DecodedFrame =>
  decodeFrameSync(nativeInstance({ rows: 40, columns: 60, bitsAllocated: 16, signed: true, frames: [words(pattern(40, 60, -1000, 1000))] }), 0);

describe('renderFrameImage', () => {
  it('PNG at full size holds exactly the grey levels of renderToRgba', () => {
    const frame = ct();
    const window = { center: 0, width: 800 };
    const png = pngPixels(renderFrameImage(frame, { format: 'png', window }).bytes);
    const rgba = renderToRgba(frame, window);
    expect([png.width, png.height, png.channels]).toEqual([60, 40, 1]);
    expect([...png.pixels]).toEqual([...rgba].filter((_, i) => i % 4 === 0));
  });

  it('PNG at full size holds exactly the colours of renderToRgba', () => {
    const rgbValues = Array.from({ length: 5 * 7 * 3 }, (_, i) => (i * 37) % 256);
    const frame = decodeFrameSync(nativeInstance({ rows: 5, columns: 7, samplesPerPixel: 3, bitsAllocated: 8, frames: [Uint8Array.from(rgbValues)] }), 0);
    const window = { center: 128, width: 256 };
    const png = pngPixels(renderFrameImage(frame, { format: 'png', window }).bytes);
    expect([png.width, png.height, png.channels]).toEqual([7, 5, 3]);
    expect([...png.pixels]).toEqual([...renderToRgba(frame, window)].filter((_, i) => i % 4 !== 3));
  });

  it('scales down by averaging each source area', () => {
    const values = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150];
    const frame = decodeFrameSync(nativeInstance({ rows: 4, columns: 4, bitsAllocated: 8, frames: [Uint8Array.from(values)] }), 0);
    const image = renderFrameImage(frame, { format: 'png', window: { center: 128, width: 256 }, maxSide: 2 });
    expect([image.width, image.height]).toEqual([2, 2]);
    // 2 × 2 blocks: (0+10+40+50)/4 = 25, (20+30+60+70)/4 = 45, 105, 125
    expect([...pngPixels(image.bytes).pixels]).toEqual([25, 45, 105, 125]);
  });

  it('JPEG (quality 85): a baseline JPEG of the right size, close to the PNG', () => {
    const frame = ct();
    const window = { center: 0, width: 2000 };
    const jpeg = renderFrameImage(frame, { format: 'jpeg', window });
    expect(jpeg.mime).toBe('image/jpeg');
    expect([jpeg.bytes[0], jpeg.bytes[1], jpeg.bytes[2], jpeg.bytes[3]]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    const decoded = decodeJpeg(jpeg.bytes);
    expect([decoded.width, decoded.height, decoded.components]).toEqual([60, 40, 1]);
    const png = pngPixels(renderFrameImage(frame, { format: 'png', window }).bytes).pixels;
    const meanError = png.reduce((sum, v, i) => sum + Math.abs(v - (decoded.bytes[i] as number)), 0) / png.length;
    expect(meanError).toBeLessThan(6); // quality 85 on a high-frequency test pattern
  });
});

describe('renderPreview with the engine', () => {
  const raw = (bits: number) => ({ width: 64, height: 32, components: 1, bitsPerSample: bits, signed: false, bytes: words(pattern(32, 64, 0, 4095)) });
  const layout = { rows: 32, columns: 64, bitsAllocated: 16, bitsStored: 12 };

  it.each([
    ['JPEG-LS', TS.jpegLsLossless, () => encodeJpegLs(raw(12))],
    ['JPEG 2000', TS.jpeg2000Lossless, () => encodeJ2k(raw(12))],
    ['HTJ2K', TS.htj2kLossless, () => encodeHtj2k(raw(12))],
  ] as const)('%s now has a PNG preview stretched min to max', async (_name, transferSyntaxUID, encode) => {
    const preview = renderPreview(encapsulatedInstance({ ...layout, transferSyntaxUID, frames: [[await encode()]] }));
    expect(preview?.mime).toBe('image/png');
    const png = pngPixels(preview?.bytes ?? new Uint8Array());
    expect([png.width, png.height]).toEqual([64, 32]);
    expect(Math.min(...png.pixels)).toBe(0);
    expect(Math.max(...png.pixels)).toBe(255);
  });

  it('a MONOCHROME1 JPEG is decoded and inverted rather than passed through', async () => {
    const gray = Uint8Array.from({ length: 64 * 32 }, (_, i) => (i % 64) * 4);
    const jpeg = await encodeJpegBaseline({ width: 64, height: 32, components: 1, bitsPerSample: 8, bytes: gray }, 90);
    const preview = renderPreview(encapsulatedInstance({ rows: 32, columns: 64, bitsAllocated: 8, photometric: 'MONOCHROME1', transferSyntaxUID: TS.jpegBaseline, frames: [[jpeg]] }));
    const png = pngPixels(preview?.bytes ?? new Uint8Array());
    expect(preview?.mime).toBe('image/png');
    expect(png.pixels[0]).toBeGreaterThan(240); // the darkest column shows white
    expect(png.pixels[63]).toBeLessThan(15);
  });
});

it('every codec file loaded at run time is in node_modules', () => {
  const files = codecFiles();
  expect(files.map((f) => f.replace(/^.*node_modules\//, ''))).toEqual([
    '@cornerstonejs/codec-libjpeg-turbo-8bit/dist/libjpegturbowasm.js',
    '@cornerstonejs/codec-libjpeg-turbo-8bit/dist/libjpegturbowasm.wasm',
    '@cornerstonejs/codec-charls/dist/charlswasm_decode.js',
    '@cornerstonejs/codec-charls/dist/charlswasm_decode.wasm',
    '@cornerstonejs/codec-openjpeg/dist/openjpegwasm_decode.js',
    '@cornerstonejs/codec-openjpeg/dist/openjpegwasm_decode.wasm',
    '@cornerstonejs/codec-openjph/dist/openjphjs.js',
    '@cornerstonejs/codec-openjph/dist/openjphjs.wasm',
  ]);
  for (const f of files) expect(existsSync(f), f).toBe(true);
});

import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { renderPreview } from '../../electron/core/dicom/preview.js';
import { makeDicomInstance, type FixtureSyntax } from '../fixtures/dicom/instance.js';
import { encodeGrayJpeg } from '../fixtures/dicom/jpeg.js';

interface Png {
  width: number;
  height: number;
  colourType: number;
  pixels: Uint8Array;
}

/** Reads back the PNGs our encoder writes (8-bit, filter type 0 on every row). */
function readPng(bytes: Uint8Array): Png {
  const b = Buffer.from(bytes);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(b.toString('latin1', 12, 16)).toBe('IHDR');
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const colourType = b[25] as number;
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length; ) {
    const length = b.readUInt32BE(at);
    if (b.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * (colourType === 2 ? 3 : 1);
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    pixels.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { width, height, colourType, pixels };
}

describe('renderPreview', () => {
  it.each(['explicitLE', 'implicitLE', 'explicitBE', 'deflate', 'rle'] as FixtureSyntax[])(
    '16-bit MONOCHROME2 in %s → grayscale PNG stretched min to max',
    (transferSyntax) => {
      const preview = renderPreview(makeDicomInstance({ transferSyntax, pixels: 'gray16', rows: 64, columns: 48 }));
      expect(preview?.mime).toBe('image/png');
      const png = readPng(preview?.bytes ?? new Uint8Array());
      expect([png.width, png.height, png.colourType]).toEqual([48, 64, 0]);
      expect(png.pixels[0]).toBe(0); // the gradient's corners: darkest and brightest
      expect(png.pixels[png.pixels.length - 1]).toBe(255);
      expect(png.pixels[32 * 48 + 24]).toBeGreaterThan(100);
      expect(png.pixels[32 * 48 + 24]).toBeLessThan(160);
    },
  );

  it('applies the window and inverts MONOCHROME1', () => {
    const windowed = readPng(renderPreview(makeDicomInstance({ window: { center: 1000, width: 200 } }))?.bytes ?? new Uint8Array());
    expect(windowed.pixels[0]).toBe(0);
    expect(windowed.pixels[64 * 64 - 1]).toBe(255);
    expect(windowed.pixels[20]).toBe(0); // (20,0) holds ≈ 650, below the 900–1100 window
    const inverted = readPng(renderPreview(makeDicomInstance({ photometric: 'MONOCHROME1' }))?.bytes ?? new Uint8Array());
    expect(inverted.pixels[0]).toBe(255);
    expect(inverted.pixels[64 * 64 - 1]).toBe(0);
  });

  it.each(['explicitLE', 'rle'] as FixtureSyntax[])('RGB in %s → colour PNG', (transferSyntax) => {
    const png = readPng(renderPreview(makeDicomInstance({ transferSyntax, pixels: 'rgb', rows: 32, columns: 40 }))?.bytes ?? new Uint8Array());
    expect([png.width, png.height, png.colourType]).toEqual([40, 32, 2]);
    const at = (x: number, y: number): number[] => [...png.pixels.subarray((y * 40 + x) * 3, (y * 40 + x) * 3 + 3)];
    expect(at(0, 0)).toEqual([0, 0, 128]);
    expect(at(20, 16)).toEqual([128, 128, 128]);
  });

  it('scales the long side down to 512 px', () => {
    const png = readPng(renderPreview(makeDicomInstance({ pixels: 'gray8', rows: 600, columns: 1024 }))?.bytes ?? new Uint8Array());
    expect([png.width, png.height]).toEqual([512, 300]);
  });

  it('passes a JPEG Baseline frame through unchanged', () => {
    const preview = renderPreview(makeDicomInstance({ transferSyntax: 'jpeg', pixels: 'gray8', rows: 16, columns: 16 }));
    const source = new Uint8Array(256);
    for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) source[y * 16 + x] = Math.round((x / 16) * 255);
    expect(preview?.mime).toBe('image/jpeg');
    expect(Buffer.from(preview?.bytes ?? []).equals(Buffer.from(encodeGrayJpeg(source, 16, 16)))).toBe(true);
  });

  it('returns null for what it cannot show', () => {
    const j2k = makeDicomInstance({
      transferSyntax: 'jpeg',
      pixels: 'gray8',
      rows: 16,
      columns: 16,
    });
    // Same bytes, JPEG 2000 transfer syntax in the meta header (same length: .4.50 → .4.90).
    const asJ2k = Buffer.from(j2k);
    asJ2k.write('1.2.840.10008.1.2.4.90', asJ2k.indexOf('1.2.840.10008.1.2.4.50'), 'latin1');
    expect(renderPreview(asJ2k)).toBeNull();
    expect(renderPreview(makeDicomInstance({ pixels: 'none' }))).toBeNull();
    const palette = makeDicomInstance({ pixels: 'gray8', photometric: 'PALETTE COLOR' });
    expect(renderPreview(palette)).toBeNull();
    expect(renderPreview(new TextEncoder().encode('not dicom at all'))).toBeNull();
  });
});

// PNG → pixels with fast-png. Its inflater has no output limit, so the compressed data is first
// inflated here, counted and thrown away, up to the size the header declares: a small PNG that
// inflates to gigabytes (a decompression bomb) is refused before fast-png sees it.
import { createInflate } from 'node:zlib';
import { PageNotRead } from './not-read.js';
import { toGray, type Pixels, type Raster } from './raster.js';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export async function decodePng(bytes: Uint8Array, allow: (width: number, height: number) => void): Promise<Raster> {
  return toGray(await decodePixels(bytes, allow));
}

async function decodePixels(bytes: Uint8Array, allow: (width: number, height: number) => void): Promise<Pixels> {
  const header = readHeader(bytes);
  allow(header.width, header.height);
  await checkInflatedSize(bytes, header);
  const { convertIndexedToRgb, decode } = await import('fast-png');
  let png;
  try {
    png = decode(bytes);
  } catch (err) {
    throw new PageNotRead(`the PNG could not be decoded: ${(err as Error).message}`);
  }
  if (png.palette) {
    const rgb = convertIndexedToRgb(png);
    return { width: png.width, height: png.height, channels: png.palette[0]!.length === 4 ? 4 : 3, data: rgb, max: 255 };
  }
  const channels = png.channels as Pixels['channels'];
  if (png.depth < 8) return { width: png.width, height: png.height, channels, data: unpackBits(png.data as Uint8Array, png.width, png.height, png.depth), max: 255 };
  return { width: png.width, height: png.height, channels, data: png.data, max: png.depth === 16 ? 65535 : 255 };
}

interface PngHeader {
  width: number;
  height: number;
  depth: number;
  colorType: number;
  interlaced: boolean;
}

function readHeader(b: Uint8Array): PngHeader {
  if (b.length < 33 || String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') throw new PageNotRead('the PNG has no image header');
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20), depth: b[24]!, colorType: b[25]!, interlaced: b[28] === 1 };
}

/** Inflates the IDAT data with a cap just above the declared size (rows plus filter bytes). */
async function checkInflatedSize(b: Uint8Array, h: PngHeader): Promise<void> {
  const bitsPerPixel = h.depth * (CHANNELS[h.colorType] ?? 4);
  // Adam7 adds up to 7 passes' worth of filter bytes and partial rows; 8 rows' slack covers it.
  const expected = (h.height + (h.interlaced ? 8 : 0)) * (1 + Math.ceil((h.width * bitsPerPixel) / 8)) + (h.interlaced ? 7 * h.height : 0);
  if (await inflatesBeyond(idat(b), expected))
    throw new PageNotRead('the PNG holds more pixel data than its size declares (a decompression bomb?)');
}

/** Counts the inflated bytes without keeping them; damaged data counts as not too big (fast-png
 *  then decides whether enough is left to decode). */
function inflatesBeyond(data: Uint8Array, limit: number): Promise<boolean> {
  return new Promise((resolve) => {
    let total = 0;
    const inflate = createInflate({ chunkSize: 1 << 20 });
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        resolve(true);
      }
    });
    inflate.on('end', () => resolve(false));
    inflate.on('error', () => resolve(false));
    inflate.end(data);
  });
}

function idat(b: Uint8Array): Uint8Array {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: Uint8Array[] = [];
  for (let p = 8; p + 8 <= b.length; ) {
    const length = dv.getUint32(p);
    const type = String.fromCharCode(b[p + 4]!, b[p + 5]!, b[p + 6]!, b[p + 7]!);
    if (type === 'IDAT') parts.push(b.subarray(p + 8, Math.min(b.length, p + 8 + length)));
    if (type === 'IEND') break;
    p += 12 + length;
  }
  return Buffer.concat(parts);
}

/** 1-, 2- and 4-bit gray samples (rows padded to whole bytes) → one byte per pixel, 0–255. */
function unpackBits(packed: Uint8Array, width: number, height: number, depth: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const rowBytes = Math.ceil((width * depth) / 8);
  const levels = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      const byte = packed[y * rowBytes + (bit >> 3)]!;
      const value = (byte >> (8 - depth - (bit & 7))) & levels;
      out[y * width + x] = Math.round((value * 255) / levels);
    }
  }
  return out;
}

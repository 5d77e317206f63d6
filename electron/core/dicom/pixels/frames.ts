// Finds one frame's bytes in Pixel Data without touching the others: native frames by offset
// (bit offset for 1-bit data), encapsulated frames by offset table or by codestream start markers.
import type { DataSet } from '../dicom-parser-lib.js';
import type { PixelEncoding } from '../transfer-syntax.js';
import { fail } from './errors.js';
import type { PixelHeader } from './header.js';

const UNDEFINED_LENGTH = 0xffffffff;
const EXTENDED_OFFSET_TABLE = 'x7fe00001';

/** Samples stored for one native frame: the 4:2:2 YBR layouts keep two samples per pixel. */
export function nativeSamplesPerFrame(h: PixelHeader): number {
  const pixels = h.rows * h.columns;
  return h.photometric.endsWith('_422') ? pixels * 2 : pixels * h.samplesPerPixel;
}

/** 1-bit data (PS3.5 8.1.1): pixels packed from bit 0 up, frames back to back with no padding. */
function unpackBits(bytes: Uint8Array, firstBit: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const bit = firstBit + i;
    out[i] = ((bytes[bit >>> 3] as number) >>> (bit & 7)) & 1;
  }
  return out;
}

/** Big endian words → little endian, for a range that starts on a word boundary of the element. */
function swapWords(bytes: Uint8Array, word: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + word <= bytes.length; i += word) for (let b = 0; b < word; b++) out[i + b] = bytes[i + word - 1 - b] as number;
  return out;
}

/** Word size the element's bytes were swapped in, in a big endian file (OW: 2, OF/OL: 4, OD: 8). */
function bigEndianWord(vr: string | undefined, bitsAllocated: number): number {
  if (vr === 'OB') return 1;
  if (vr === 'OD') return 8;
  if (vr === 'OF' || vr === 'OL') return 4;
  return Math.max(2, bitsAllocated / 8);
}

/** One native frame as little endian bytes (1-bit data: one 0/1 byte per pixel). */
export function nativeFrame(ds: DataSet, h: PixelHeader, index: number, littleEndian: boolean): Uint8Array {
  const { pixel } = h;
  if (pixel.length === UNDEFINED_LENGTH) fail({ code: 'frame-damaged', frame: index, cause: 'missing' });
  const element = ds.byteArray.subarray(pixel.dataOffset, pixel.dataOffset + pixel.length);
  const samples = nativeSamplesPerFrame(h);
  if (h.bitsAllocated === 1) {
    if (Math.ceil(((index + 1) * samples) / 8) > element.length) fail({ code: 'frame-damaged', frame: index, cause: 'truncated' });
    return unpackBits(element, index * samples, samples);
  }
  const size = (samples * h.bitsAllocated) / 8;
  const start = index * size;
  if (start + size > element.length) fail({ code: 'frame-damaged', frame: index, cause: 'truncated' });
  const word = littleEndian ? 1 : bigEndianWord(pixel.vr, h.bitsAllocated);
  if (word === 1) return element.subarray(start, start + size);
  // Swap whole words of the element, then cut (an odd-sized 8-bit frame can start mid-word).
  const from = start - (start % word);
  const to = Math.min(element.length, Math.ceil((start + size) / word) * word);
  return swapWords(element.subarray(from, to), word).subarray(start - from, start - from + size);
}

function startsCodestream(b: Uint8Array, encoding: PixelEncoding): boolean {
  if (encoding === 'jpeg2000' || encoding === 'htj2k') {
    const soc = b[0] === 0xff && b[1] === 0x4f && b[2] === 0xff && b[3] === 0x51;
    const jp2 = b[4] === 0x6a && b[5] === 0x50 && b[6] === 0x20 && b[7] === 0x20; // 'jP  ' signature box
    return soc || jp2;
  }
  return b[0] === 0xff && b[1] === 0xd8; // SOI: JPEG, JPEG Lossless, JPEG-LS
}

/** Ends with EOI/EOC (FFD9), allowing the one padding byte that makes fragments even. */
function endsCodestream(b: Uint8Array): boolean {
  const n = b[b.length - 1] === 0 ? b.length - 1 : b.length;
  return b[n - 2] === 0xff && b[n - 1] === 0xd9;
}

/** Frame start offsets from the Extended Offset Table (64-bit little endian), when present. */
function extendedOffsets(ds: DataSet): number[] | undefined {
  const e = ds.elements[EXTENDED_OFFSET_TABLE];
  if (!e || e.length < 8) return undefined;
  const view = new DataView(ds.byteArray.buffer, ds.byteArray.byteOffset + e.dataOffset, e.length - (e.length % 8));
  return Array.from({ length: view.byteLength / 8 }, (_, i) => Number(view.getBigUint64(i * 8, true)));
}

type Fragment = { offset: number; position: number; length: number };

/** [first, end) fragment indices of frame `index`, or undefined when no table or rule finds it. */
function fragmentRange(ds: DataSet, h: PixelHeader, fragments: Fragment[], index: number, encoding: PixelEncoding): [number, number] | undefined {
  if (h.frameCount === 1) return [0, fragments.length];
  const table = extendedOffsets(ds) ?? (h.pixel.basicOffsetTable?.length ? h.pixel.basicOffsetTable : undefined);
  if (table) {
    const first = fragments.findIndex((f) => f.offset === table[index]);
    const next = table[index + 1];
    const end = next === undefined ? fragments.length : fragments.findIndex((f) => f.offset === next);
    return first >= 0 && end > first ? [first, end] : undefined;
  }
  if (fragments.length === h.frameCount) return [index, index + 1];
  if (encoding === 'rle') return undefined; // RLE: exactly one fragment per frame (PS3.5 A.4.2)
  const bytesOf = (f: Fragment): Uint8Array => ds.byteArray.subarray(f.position, f.position + f.length);
  const starts: number[] = [];
  fragments.forEach((f, i) => {
    const previous = fragments[i - 1];
    if (startsCodestream(bytesOf(f), encoding) && (!previous || endsCodestream(bytesOf(previous)))) starts.push(i);
  });
  const first = starts[index];
  return first === undefined ? undefined : [first, starts[index + 1] ?? fragments.length];
}

/** One encapsulated frame's codestream (a view when it is one fragment, else a copy). */
export function encapsulatedFrame(ds: DataSet, h: PixelHeader, index: number, encoding: PixelEncoding): Uint8Array {
  const fragments = h.pixel.fragments ?? [];
  const range = fragments.length ? fragmentRange(ds, h, fragments, index, encoding) : undefined;
  if (!range) fail({ code: 'frame-damaged', frame: index, cause: 'missing' });
  const parts = fragments.slice(range[0], range[1]).map((f) => ds.byteArray.subarray(f.position, f.position + f.length));
  if (parts.some((p, i) => p.length !== fragments[range[0] + i]?.length)) fail({ code: 'frame-damaged', frame: index, cause: 'truncated' });
  return parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
}

// PALETTE COLOR (PS3.3 C.7.6.3.1.5–6, C.7.9): stored indices → 8-bit RGB through three LUTs,
// plain or segmented (discrete and linear segments; indirect segments are refused).
import type { DataSet } from '../dicom-parser-lib.js';
import { fail } from './errors.js';
import { readDescriptor, readLutData } from './luts.js';

const CHANNELS = [
  { descriptor: 'x00281101', data: 'x00281201', segmented: 'x00281221' },
  { descriptor: 'x00281102', data: 'x00281202', segmented: 'x00281222' },
  { descriptor: 'x00281103', data: 'x00281203', segmented: 'x00281223' },
] as const;

/** Expands segmented LUT data (C.7.9.2) to `entries` values; undefined for what we cannot expand. */
function expandSegments(words: Uint16Array, entries: number): Uint16Array | undefined {
  const out = new Uint16Array(entries);
  let o = 0;
  let i = 0;
  while (i + 1 < words.length && o < entries) {
    const opcode = words[i] as number;
    const length = words[i + 1] as number;
    if (opcode === 0) {
      for (let k = 0; k < length && o < entries; k++) out[o++] = words[i + 2 + k] ?? 0;
      i += 2 + length;
    } else if (opcode === 1) {
      const y0 = o > 0 ? (out[o - 1] as number) : 0;
      const y1 = words[i + 2] ?? 0;
      for (let k = 1; k <= length && o < entries; k++) out[o++] = Math.round(y0 + ((y1 - y0) * k) / length);
      i += 3;
    } else {
      return undefined;
    }
  }
  return o === entries ? out : undefined;
}

function readSegmented(ds: DataSet, tag: string, entries: number): Uint16Array | undefined {
  const e = ds.elements[tag];
  if (!e || e.length < 4 || e.length === 0xffffffff) return undefined;
  const words = new Uint16Array(e.length >> 1);
  for (let i = 0; i < words.length; i++) words[i] = ds.byteArrayParser.readUint16(ds.byteArray, e.dataOffset + i * 2);
  return expandSegments(words, entries);
}

interface Channel {
  firstMapped: number;
  /** Entries already scaled to 0…255. */
  table: Uint8Array;
}

function readChannel(ds: DataSet, c: (typeof CHANNELS)[number], signed: boolean, frame: number): Channel {
  const d = readDescriptor(ds, c.descriptor, signed);
  const data = d && (readLutData(ds, c.data, d.entries) ?? readSegmented(ds, c.segmented, d.entries));
  if (!d || !data) return fail({ code: 'frame-damaged', frame, cause: 'bad-lut' });
  // 16-bit palettes keep the top byte; 8-bit ones stored in words have values ≤ 255 already.
  const wide = d.bits > 8 && data.some((v) => v > 255);
  return { firstMapped: d.firstMapped, table: Uint8Array.from(data, (v) => (wide ? v >> 8 : v)) };
}

/** indices (stored values) → interleaved RGB. */
export function applyPalette(ds: DataSet, indices: ArrayLike<number>, signed: boolean, frame: number): Uint8Array {
  const channels = CHANNELS.map((c) => readChannel(ds, c, signed, frame));
  const out = new Uint8Array(indices.length * 3);
  channels.forEach(({ firstMapped, table }, c) => {
    const last = table.length - 1;
    for (let p = 0; p < indices.length; p++) {
      const i = (indices[p] as number) - firstMapped;
      out[p * 3 + c] = table[i < 0 ? 0 : i > last ? last : i] as number;
    }
  });
  return out;
}

// Reads what a photo of a paper document can tell us without decoding it: its pixel size
// (PNG IHDR, JPEG SOF) and when it was taken (JPEG EXIF DateTimeOriginal). Every read is
// bounds-checked: phone photos and scanner output are often slightly malformed.
import { toIsoDate } from './dates.js';

export interface ImageInfo {
  width?: number;
  height?: number;
  /** EXIF DateTimeOriginal (or DateTime) as YYYY-MM-DD. */
  takenDate?: string;
}

export function pngInfo(b: Uint8Array): ImageInfo {
  // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height.
  if (b.length < 24 || String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return {};
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

export function jpegInfo(b: Uint8Array): ImageInfo {
  const info: ImageInfo = {};
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let p = 2;
  // Walk marker segments up to the start of scan data; each has a 2-byte big-endian length.
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) break;
    const marker = b[p + 1]!;
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break;
    const len = dv.getUint16(p + 2);
    const start = p + 4;
    const end = p + 2 + len;
    if (len < 2 || end > b.length) break;
    if (SOF_MARKERS.has(marker) && len >= 7) {
      info.height = dv.getUint16(start + 1);
      info.width = dv.getUint16(start + 3);
    } else if (marker === 0xe1 && !info.takenDate && isExifHeader(b, start)) {
      const date = exifDate(b.subarray(start + 6, end));
      if (date) info.takenDate = date;
    }
    p = end;
  }
  return info;
}

function isExifHeader(b: Uint8Array, at: number): boolean {
  return at + 6 <= b.length && String.fromCharCode(...b.subarray(at, at + 4)) === 'Exif' && b[at + 4] === 0 && b[at + 5] === 0;
}

const TAG_EXIF_IFD = 0x8769;
const TAG_DATETIME = 0x0132;
const TAG_DATETIME_ORIGINAL = 0x9003;

/** `tiff` is the TIFF structure inside APP1 (offsets are relative to its start). */
export function exifDate(tiff: Uint8Array): string | undefined {
  if (tiff.length < 8) return undefined;
  const dv = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(tiff[0]!, tiff[1]!);
  if (order !== 'II' && order !== 'MM') return undefined;
  const le = order === 'II';
  if (dv.getUint16(2, le) !== 42) return undefined;
  const ifd0 = readIfd(dv, dv.getUint32(4, le), le);
  const exifPointer = ifd0.get(TAG_EXIF_IFD);
  const exif = exifPointer ? readIfd(dv, exifPointer.valueOffset, le) : new Map<number, IfdEntry>();
  for (const entry of [exif.get(TAG_DATETIME_ORIGINAL), ifd0.get(TAG_DATETIME)]) {
    const s = entry ? readAscii(dv, entry) : undefined;
    const m = s ? /^(\d{4}):(\d{2}):(\d{2})/.exec(s) : null;
    const iso = m ? toIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    if (iso) return iso;
  }
  return undefined;
}

interface IfdEntry {
  type: number;
  count: number;
  /** The value itself when it fits in 4 bytes, else its offset; plus where those 4 bytes are. */
  valueOffset: number;
  fieldAt: number;
}

function readIfd(dv: DataView, offset: number, le: boolean): Map<number, IfdEntry> {
  const entries = new Map<number, IfdEntry>();
  if (offset < 8 || offset + 2 > dv.byteLength) return entries;
  const n = dv.getUint16(offset, le);
  for (let i = 0; i < n && i < 512; i++) {
    const at = offset + 2 + i * 12;
    if (at + 12 > dv.byteLength) break;
    entries.set(dv.getUint16(at, le), {
      type: dv.getUint16(at + 2, le),
      count: dv.getUint32(at + 4, le),
      valueOffset: dv.getUint32(at + 8, le),
      fieldAt: at + 8,
    });
  }
  return entries;
}

function readAscii(dv: DataView, e: IfdEntry): string | undefined {
  if (e.type !== 2 || e.count === 0 || e.count > 64) return undefined;
  const start = e.count <= 4 ? e.fieldAt : e.valueOffset;
  if (start + e.count > dv.byteLength) return undefined;
  let s = '';
  for (let i = 0; i < e.count; i++) {
    const c = dv.getUint8(start + i);
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
}

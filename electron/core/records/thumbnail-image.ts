// Checks a thumbnail image handed to the core by the app (a PDF page or photo it drew): PNG or
// JPEG by its magic bytes, within the size cap, with sensible dimensions read from its header.
import { THUMBNAIL_MAX_BYTES, THUMBNAIL_MAX_SIDE } from '../../../shared/api.js';
import { DossierError } from '../base/errors.js';

export interface ThumbnailImage {
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function refuse(problem: string, message: string): never {
  throw new DossierError('invalid-params', `This thumbnail was refused: ${message}.`, { details: { problem } });
}

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return null;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** Start Of Frame markers (C0–CF except DHT C4, JPG C8, DAC CC) carry the image size. */
function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan or end before any frame header
    const length = ((b[at + 2] as number) << 8) | (b[at + 3] as number);
    if (isSof(marker)) {
      if (at + 9 > b.length) return null;
      return { height: ((b[at + 5] as number) << 8) | (b[at + 6] as number), width: ((b[at + 7] as number) << 8) | (b[at + 8] as number) };
    }
    at += 2 + length;
  }
  return null;
}

/** The image's type and size; a DossierError('invalid-params') naming the problem otherwise. */
export function checkThumbnailImage(bytes: Uint8Array): ThumbnailImage {
  if (bytes.length === 0) refuse('empty', 'it is empty');
  if (bytes.length > THUMBNAIL_MAX_BYTES) refuse('too-large', `it is ${bytes.length} bytes, more than ${THUMBNAIL_MAX_BYTES}`);
  const png = PNG_SIGNATURE.every((v, i) => bytes[i] === v);
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) refuse('not-an-image', 'it is neither a PNG nor a JPEG image');
  const size = png ? pngSize(bytes) : jpegSize(bytes);
  if (!size) refuse('damaged', 'its header is damaged');
  const { width, height } = size;
  if (width < 1 || height < 1 || width > THUMBNAIL_MAX_SIDE || height > THUMBNAIL_MAX_SIDE) {
    refuse('bad-dimensions', `it is ${width} × ${height} pixels; each side must be 1 to ${THUMBNAIL_MAX_SIDE}`);
  }
  return { mime: png ? 'image/png' : 'image/jpeg', width, height };
}

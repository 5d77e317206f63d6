// PNG for previews and thumbnails (8-bit grayscale or RGB) with fast-png, the library that also
// decodes photos for OCR.
import { encode } from 'fast-png';

/** pixels: row-major, `channels` bytes per pixel (1 = gray, 3 = RGB). */
export function encodePng(width: number, height: number, channels: 1 | 3, pixels: Uint8Array): Uint8Array {
  return encode({ width, height, data: pixels, depth: 8, channels });
}

// A photo or scan (JPEG, PNG) → an upright grayscale page at reading resolution. The pixel
// size is checked from the header before anything is decoded, so a decompression bomb costs nothing.
import { jpegInfo, pngInfo } from '../image-info.js';
import { imageFormat } from '../sniff.js';
import { decodeJpeg } from './decode-jpeg.js';
import { decodePng } from './decode-png.js';
import { OCR_LIMITS } from './limits.js';
import { PageNotRead } from './not-read.js';
import { applyExifOrientation, fitWithin, type Raster } from './raster.js';

/** Refuses images too large to decode safely, with the reason shown to the user. */
export function checkPixelCount(width: number, height: number): void {
  if (width < 1 || height < 1) throw new PageNotRead('the image declares no pixels');
  if (width * height > OCR_LIMITS.maxPixels)
    throw new PageNotRead(
      `the image is too large to read text from (${width} × ${height} pixels; the limit is ${OCR_LIMITS.maxPixels / 1_000_000} megapixels)`,
    );
}

export const HEIC_NOT_READ = 'text is not read from HEIC photos (convert it to JPEG to have its text read)';

export async function decodePage(bytes: Uint8Array): Promise<Raster> {
  const format = imageFormat(bytes);
  // The size the file declares, read without any decoder; each decoder checks again itself.
  const declared = format === 'jpeg' ? jpegInfo(bytes) : format === 'png' ? pngInfo(bytes) : {};
  if (declared.width !== undefined && declared.height !== undefined) checkPixelCount(declared.width, declared.height);
  let gray: Raster;
  if (format === 'jpeg') gray = await decodeJpeg(bytes, checkPixelCount);
  else if (format === 'png') gray = await decodePng(bytes, checkPixelCount);
  // HEIC needs an HEVC decoder; the only maintained one for Node is LGPL and patent-encumbered,
  // which a sealed app package cannot ship cleanly (README). The photo is kept, its text is not read.
  else if (format === 'heic') throw new PageNotRead(HEIC_NOT_READ);
  else throw new PageNotRead('not a JPEG or PNG image');
  const page = fitWithin(gray, OCR_LIMITS.readLongSide);
  return applyExifOrientation(page, await exifOrientation(bytes));
}

async function exifOrientation(bytes: Uint8Array): Promise<number | undefined> {
  try {
    const { default: exifr } = await import('exifr');
    return await exifr.orientation(bytes);
  } catch {
    return undefined; // damaged EXIF: read the pixels as they are stored
  }
}

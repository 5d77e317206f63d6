// JPEG → pixels for reading text, with the one libjpeg-turbo module the DICOM engine also uses
// (baseline and progressive, grayscale and YCbCr). The size is checked from the header before any
// pixel is decoded.
import { decodeJpeg as decodeWithLibjpeg } from '../../dicom/pixels/codecs/jpeg.js';
import { PageNotRead } from './not-read.js';
import { toGray, type Raster } from './raster.js';

export async function decodeJpeg(bytes: Uint8Array, allow: (width: number, height: number) => void): Promise<Raster> {
  let out;
  try {
    out = decodeWithLibjpeg(bytes, allow);
  } catch (err) {
    if (err instanceof PageNotRead) throw err;
    throw new PageNotRead('the JPEG data could not be decoded (damaged or cut short?)');
  }
  if (out.components !== 1 && out.components !== 3)
    throw new PageNotRead(`a JPEG with ${out.components} colour components (CMYK?) cannot be read for text`);
  return toGray({ width: out.width, height: out.height, channels: out.components, data: out.bytes, max: 255 });
}

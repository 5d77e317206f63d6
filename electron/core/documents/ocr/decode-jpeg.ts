// JPEG → pixels with libjpeg-turbo (WebAssembly, also used for DICOM): baseline and progressive,
// grayscale and YCbCr. The header is read first so the size is checked before any pixel is decoded.
import { PageNotRead } from './not-read.js';
import { toGray, type Raster } from './raster.js';

type Codec = Awaited<ReturnType<typeof import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs').default>>;

let codec: Promise<Codec> | undefined;

export async function decodeJpeg(bytes: Uint8Array, allow: (width: number, height: number) => void): Promise<Raster> {
  // Loaded on first use, so that commands that read no photo do not pay for it.
  codec ??= import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs').then((m) => m.default());
  const decoder = new (await codec).JPEGDecoder();
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.readHeader();
    const head = decoder.getFrameInfo();
    allow(head.width, head.height);
    decoder.decode();
    const info = decoder.getFrameInfo();
    if (info.componentCount !== 1 && info.componentCount !== 3)
      throw new PageNotRead(`a JPEG with ${info.componentCount} colour components (CMYK?) cannot be read for text`);
    // The decoded buffer is a view into the codec's memory: converted (copied) before it is freed.
    return toGray({ width: info.width, height: info.height, channels: info.componentCount, data: decoder.getDecodedBuffer(), max: 255 });
  } catch (err) {
    if (err instanceof PageNotRead) throw err;
    codec = undefined; // a decoder that failed inside WebAssembly may be unusable: start a new one
    throw new PageNotRead('the JPEG data could not be decoded (damaged or cut short?)');
  } finally {
    try {
      decoder.delete();
    } catch {
      // already gone with its module
    }
  }
}

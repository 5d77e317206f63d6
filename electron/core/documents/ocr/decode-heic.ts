// HEIC (iPhone photos) → pixels with libheif-js, the WebAssembly build of libheif. libheif applies
// the HEIF rotation and mirroring itself, so EXIF orientation is not applied again afterwards.
import { PageNotRead } from './not-read.js';
import { toGray, type Raster } from './raster.js';

export async function decodeHeic(bytes: Uint8Array, allow: (width: number, height: number) => void): Promise<Raster> {
  // Loaded on first use: most imports hold no HEIC, and the decoder is 2 MB of WebAssembly.
  const { default: libheif } = await import('libheif-js/wasm-bundle.js');
  let images: ReturnType<InstanceType<typeof libheif.HeifDecoder>['decode']>;
  try {
    images = new libheif.HeifDecoder().decode(bytes);
  } catch {
    images = [];
  }
  const image = images[0];
  if (!image) throw new PageNotRead('the HEIC file holds no image that could be decoded');
  try {
    const width = image.get_width();
    const height = image.get_height();
    allow(width, height);
    const data = new Uint8ClampedArray(width * height * 4);
    const shown = await new Promise<{ data: Uint8ClampedArray } | null>((resolve) => image.display({ data, width, height }, resolve));
    if (!shown) throw new PageNotRead('the HEIC image data could not be decoded');
    return toGray({ width, height, channels: 4, data: shown.data, max: 255 });
  } finally {
    for (const i of images) i.free();
  }
}

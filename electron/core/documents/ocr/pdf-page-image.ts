// The picture on a scanned PDF page, without rendering (no canvas): pdf.js's operator list names
// the images a page paints, and page.objs holds each one's decoded pixels. A scanner writes one
// image per page; the largest is taken. pdf.js drops images above the pixel limit before decoding.
import { loadPdfjs, PDFJS_SAFE_OPTIONS } from '../pdf-extract.js';
import { OCR_LIMITS } from './limits.js';
import { PageNotRead } from './not-read.js';
import { fitWithin, toGray, type Raster } from './raster.js';

/** pdf.js ImageKind: how a decoded image's bytes are laid out. */
const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;
const RGBA_32BPP = 3;

interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

interface ObjStore {
  get(id: string, callback: (value: unknown) => void): void;
}

export interface PdfPageImages {
  pageCount: number;
  /** Page n's largest image as a grayscale page at reading resolution; null when it has none
   *  (a blank or text-only page, or a picture above the pixel limit, which pdf.js drops). */
  page(n: number): Promise<Raster | null>;
  close(): Promise<void>;
}

export async function openPdfImages(bytes: Uint8Array): Promise<PdfPageImages> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...PDFJS_SAFE_OPTIONS,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    maxImageSize: OCR_LIMITS.maxPixels,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const doc = await task.promise;
  const painters = new Set<number>([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageXObjectRepeat]);
  return {
    pageCount: doc.numPages,
    async page(n) {
      const page = await doc.getPage(n);
      try {
        const ops = await page.getOperatorList();
        const image = await largestImage(ops.fnArray, ops.argsArray, painters, page.objs as ObjStore, page.commonObjs as ObjStore);
        return image ? fitWithin(toRaster(image), OCR_LIMITS.readLongSide) : null;
      } finally {
        page.cleanup();
      }
    },
    close: () => task.destroy().catch(() => undefined),
  };
}

async function largestImage(fns: number[], args: unknown[][], painters: Set<number>, objs: ObjStore, common: ObjStore): Promise<DecodedImage | null> {
  let best: DecodedImage | null = null;
  for (let i = 0; i < fns.length; i++) {
    if (!painters.has(fns[i]!)) continue;
    const ref = args[i]?.[0];
    const image = typeof ref === 'string' ? await lookUp(ref, objs, common) : (ref as DecodedImage | undefined);
    if (!image?.data || !image.width || !image.height) continue;
    if (!best || image.width * image.height > best.width * best.height) best = image;
  }
  if (best && Math.max(best.width, best.height) < OCR_LIMITS.minPageImageSide) return null;
  return best;
}

/** An image's pixels arrive after the operator list; shared images live in commonObjs ("g_…"). A
 *  picture that never arrives is bounded by the page deadline. */
function lookUp(id: string, objs: ObjStore, common: ObjStore): Promise<DecodedImage | undefined> {
  const store = id.startsWith('g_') ? common : objs;
  return new Promise((resolve) => store.get(id, (value) => resolve((value ?? undefined) as DecodedImage | undefined)));
}

function toRaster(img: DecodedImage): Raster {
  const data = img.data!;
  if (img.kind === RGB_24BPP) return toGray({ width: img.width, height: img.height, channels: 3, data, max: 255 });
  if (img.kind === RGBA_32BPP) return toGray({ width: img.width, height: img.height, channels: 4, data, max: 255 });
  if (img.kind === GRAYSCALE_1BPP) return unpackBlackAndWhite(data, img.width, img.height);
  throw new PageNotRead('the page picture is in a form that cannot be read');
}

/** pdf.js 1-bit images: rows padded to whole bytes, a set bit is white. */
function unpackBlackAndWhite(src: Uint8Array | Uint8ClampedArray, width: number, height: number): Raster {
  const out = new Uint8Array(width * height);
  const rowBytes = (width + 7) >> 3;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[y * width + x] = (src[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
  }
  return { width, height, data: out };
}

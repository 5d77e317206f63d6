// A small preview image of a DICOM instance's first frame for the bundle's INDEX.HTM and the UI
// thumbnails, rendered by the pixel engine (every transfer syntax it decodes) at the file's
// default window. A small JPEG Baseline frame that a browser shows as is passes through unchanged.
import { readDicomDataSet } from './dataset.js';
import type { DataSet } from './dicom-parser-lib.js';
import { decodeFrameSync, decodeOpenedFrame, openedFrameCount, openInstance } from './pixels/decode.js';
import { readPixelHeader } from './pixels/header.js';
import { renderFrameImage } from './pixels/render.js';
import { encodeJpeg } from './pixels/codecs/jpeg.js';
import { TS } from './transfer-syntax.js';

export interface PreviewImage {
  mime: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}

export const PREVIEW_MAX_SIDE = 512;

/** Photometric interpretations a browser displays correctly straight from a JPEG. */
const BROWSER_READY = new Set(['MONOCHROME2', 'RGB', 'YBR_FULL_422', 'YBR_FULL']);

/** Never throws: a damaged or unsupported instance simply has no preview. */
export function renderPreview(bytes: Uint8Array): PreviewImage | null {
  try {
    return passThroughJpeg(bytes) ?? render(bytes);
  } catch {
    return null;
  }
}

function render(bytes: Uint8Array): PreviewImage {
  const frame = decodeFrameSync(bytes, 0);
  const { mime, bytes: image } = renderFrameImage(frame, { format: 'png', maxSide: PREVIEW_MAX_SIDE });
  return { mime, bytes: image };
}

/** A single-fragment JPEG Baseline frame no larger than a preview, ending at its EOI marker. */
function passThroughJpeg(bytes: Uint8Array): PreviewImage | null {
  const { dataSet, transferSyntaxUID } = readDicomDataSet(bytes, { untilPixelData: false });
  const h = readPixelHeader(dataSet);
  if (transferSyntaxUID !== TS.jpegBaseline || !h || !BROWSER_READY.has(h.photometric)) return null;
  if (Math.max(h.rows, h.columns) > PREVIEW_MAX_SIDE || h.frameCount !== 1) return null;
  let jpeg = singleFragment(dataSet, h.pixel.fragments);
  if (!jpeg || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  // Fragments are padded to even length after the EOI marker; the image file should end at EOI.
  if (jpeg.length > 3 && jpeg[jpeg.length - 1] === 0 && jpeg[jpeg.length - 2] === 0xd9 && jpeg[jpeg.length - 3] === 0xff) {
    jpeg = jpeg.subarray(0, jpeg.length - 1);
  }
  return { mime: 'image/jpeg', bytes: jpeg };
}

function singleFragment(ds: DataSet, fragments: { position: number; length: number }[] | undefined): Uint8Array | null {
  const only = fragments?.length === 1 ? fragments[0] : undefined;
  return only ? ds.byteArray.subarray(only.position, only.position + only.length) : null;
}

/** A bundle preview: always a JPEG (its name is planned before rendering), or null when none can be made. */
export function renderPreviewJpeg(bytes: Uint8Array): Uint8Array | null {
  try {
    return renderFrameImage(decodeFrameSync(bytes, 0), { format: 'jpeg', maxSide: PREVIEW_MAX_SIDE }).bytes;
  } catch {
    return null;
  }
}

const PLACEHOLDER_SIDE = 64;
let placeholder: Uint8Array | null = null;

/** A plain grey square standing in for a series that has no preview (the page says so in words). */
export function placeholderPreview(): Uint8Array {
  placeholder ??= encodeJpeg(new Uint8Array(PLACEHOLDER_SIDE * PLACEHOLDER_SIDE).fill(200), PLACEHOLDER_SIDE, PLACEHOLDER_SIDE, 1, 80);
  return placeholder;
}

/** JPEG quality of the bundle's scrollable images: compact, and plenty for orientation. */
export const VIEWER_JPEG_QUALITY = 80;

export interface ViewerFrames {
  count: number;
  /** Frame k as a full-resolution JPEG at its default window, or null when it cannot be rendered. */
  render(k: number): Uint8Array | null;
}

/** Every frame of an instance for the bundle's viewer, parsed once; null when it holds no image. */
export function viewerFrames(bytes: Uint8Array): ViewerFrames | null {
  try {
    const opened = openInstance(bytes);
    const count = openedFrameCount(opened);
    return {
      count,
      render(k) {
        try {
          return renderFrameImage(decodeOpenedFrame(opened, k), { format: 'jpeg', quality: VIEWER_JPEG_QUALITY }).bytes;
        } catch {
          return null;
        }
      },
    };
  } catch {
    return null;
  }
}

/** What a bundle needs from one instance: its series' preview and/or some of its frames for the viewer. */
export interface ImagesRequest {
  preview: boolean;
  frames: number[];
}

/** JPEGs for `request`; null where one cannot be rendered (the bundle writes a placeholder). Never throws. */
export interface RenderedImages {
  preview: Uint8Array | null;
  frames: (Uint8Array | null)[];
}

/** Decodes the instance once for both its preview and its viewer frames. */
export function renderInstanceImages(bytes: Uint8Array, request: ImagesRequest): RenderedImages {
  const preview = request.preview ? renderPreviewJpeg(bytes) : null;
  const all = request.frames.length > 0 ? viewerFrames(bytes) : null;
  return { preview, frames: request.frames.map((k) => (all && k < all.count ? all.render(k) : null)) };
}

// Draws the small picture of a record the core cannot draw (a PDF's first page, a photo), to hand
// back with records.storeThumbnail, which checks it. One at a time: a library full of PDFs must not
// load pdf.js for all of them at once.
import { THUMBNAIL_MAX_BYTES, THUMBNAIL_MAX_SIDE, type DossierBridge, type ThumbnailResult } from '../../../shared/api.js';
import { readWholeFile } from './file-bytes.js';
import { openPdf } from './pdf-engine.js';

const MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png' };

function canvasOf(width: number, height: number): HTMLCanvasElement {
  const scale = Math.min(1, THUMBNAIL_MAX_SIDE / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  return canvas;
}

async function jpegOf(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  for (const quality of [0.85, 0.6, 0.4]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= THUMBNAIL_MAX_BYTES) return new Uint8Array(await blob.arrayBuffer());
  }
  throw new Error('thumbnail too large');
}

async function pdfFirstPage(bytes: Uint8Array): Promise<HTMLCanvasElement> {
  const doc = await openPdf(bytes);
  try {
    const page = await doc.getPage(1);
    const size = page.getViewport({ scale: 1 });
    const canvas = canvasOf(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (ctx) (ctx.fillStyle = '#fff'), ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas, viewport: page.getViewport({ scale: canvas.width / size.width }) }).promise;
    return canvas;
  } finally {
    void doc.destroy();
  }
}

/** The photo turned as the camera meant (createImageBitmap applies the EXIF orientation). */
async function photo(bytes: Uint8Array, mime: string): Promise<HTMLCanvasElement> {
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), { imageOrientation: 'from-image' });
  const canvas = canvasOf(bitmap.width, bitmap.height);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas;
}

let queue: Promise<unknown> = Promise.resolve();

/** Draws and stores the picture; resolves with its data: URL, or null when it cannot be drawn. */
export function drawAndStoreThumbnail(bridge: DossierBridge, record: { id: string; format: string }, needs: NonNullable<ThumbnailResult['needs']>): Promise<string | null> {
  const job = queue.then(async () => {
    const { bytes } = await readWholeFile(bridge, record.id);
    const canvas = needs === 'pdf-page' ? await pdfFirstPage(bytes) : await photo(bytes, MIME[record.format] ?? 'image/jpeg');
    const { dataUrl } = await bridge.call('records.storeThumbnail', { id: record.id, image: await jpegOf(canvas) });
    return dataUrl;
  });
  queue = job.catch(() => undefined);
  return job.catch(() => null);
}

// Reads the pages of one request, reporting each as it goes. Runs in the OCR thread (or, where
// that thread cannot start, in the caller's thread).
import { decodePage } from './decode-image.js';
import type { Recognize } from './engine.js';
import { PageNotRead } from './not-read.js';
import { readUpright, type PageReading } from './orientation.js';
import { openPdfImages } from './pdf-page-image.js';
import type { OcrReply, OcrRequest } from './protocol.js';
import type { Raster } from './raster.js';

type Send = (reply: OcrReply) => void;

export async function runOcrRequest(req: OcrRequest, send: Send, recognize: Recognize): Promise<void> {
  if (req.kind === 'image') {
    await readPages(req.id, [1], () => decodePage(req.bytes), send, recognize);
    return send({ id: req.id, type: 'done' });
  }
  let pdf;
  try {
    pdf = await openPdfImages(req.bytes);
  } catch (err) {
    return send({ id: req.id, type: 'failed', reason: `the PDF could not be opened to read its pages' pictures (${messageOf(err)})` });
  }
  try {
    await readPages(req.id, req.pages, (n) => pdf.page(n), send, recognize);
  } finally {
    await pdf.close();
  }
  send({ id: req.id, type: 'done' });
}

/** A page with no picture has nothing to read: it is reported read, with no text. */
const NOTHING: PageReading = { text: '', confidence: 0, rotation: 0 };

async function readPages(id: number, pages: number[], load: (n: number) => Promise<Raster | null>, send: Send, recognize: Recognize): Promise<void> {
  for (const page of pages) {
    send({ id, type: 'page-start', page });
    try {
      const picture = await load(page);
      const reading = picture ? await readUpright(picture, recognize) : NOTHING;
      send({ id, type: 'page', page, reading });
    } catch (err) {
      const reason = err instanceof PageNotRead ? err.message : `the page could not be read (${messageOf(err)})`;
      send({ id, type: 'page-skipped', page, reason });
    }
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// Scanned PDF pages get their text from OCR. A page counts as scanned when its text layer has
// almost no letters (none, or a fax header or page number stamped on); its recognised text is
// added after that layer text, in the page's place, so "\f" still separates page N.
import type { AnalyzerInput } from '../base/analysis.js';
import { isConfident, readOptions, summarizeReading, type OcrSummary } from './ocr/reading-summary.js';
import { PDF_LIMITS, type PdfContent } from './pdf-extract.js';

/** Fewer letters than this in a page's text layer: the page's text is in its picture. */
const MIN_LAYER_LETTERS = 20;

export interface PdfText {
  /** All pages, "\f" between them. */
  text: string;
  /** The text a title may come from: the text layer and confidently recognised pages. */
  titleText: string;
  /** The text layer alone (an identity found only in recognised text is marked 'ocr'). */
  layerText: string;
  ocr?: OcrSummary;
}

export async function withScannedPages(input: AnalyzerInput, content: PdfContent): Promise<PdfText> {
  const plain: PdfText = { text: content.text, titleText: content.text, layerText: content.text };
  const layer = content.text.split('\f');
  const scanned = layer.flatMap((text, i) => ((text.match(/\p{L}/gu)?.length ?? 0) < MIN_LAYER_LETTERS ? [i + 1] : []));
  if (!input.ocr || !scanned.length) return plain;
  const reading = await input.ocr.readPdfPages(input.bytes, scanned, readOptions(input));
  const pages = [...layer];
  const titled = [...layer];
  for (const p of reading.pages) {
    const text = [layer[p.page - 1]!.trim(), p.text.trim()].filter(Boolean).join('\n');
    pages[p.page - 1] = text;
    if (isConfident(p.confidence)) titled[p.page - 1] = text;
  }
  const summary = summarizeReading(reading);
  // Pages with nothing to read (blank, or text-only) leave no trace of OCR on the record.
  if (!summary.pages.length && !summary.skippedPages) return plain;
  return { text: cap(pages.join('\f')), titleText: titled.join('\f'), layerText: content.text, ocr: summary };
}

function cap(text: string): string {
  return text.length > PDF_LIMITS.maxTextChars ? text.slice(0, PDF_LIMITS.maxTextChars) : text;
}

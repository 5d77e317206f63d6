// PDF analyzer: page count, Info dictionary, and the text of every page (pages joined by "\f"
// so a caller can find page N; scanned pages read by OCR), then a guessed type, date and title.
import { SkipFile, type Analysis, type Analyzer, type AnalyzerInput } from '../base/analysis.js';
import { guessRecordType } from './classify.js';
import { guessDocumentDate } from './dates.js';
import { compactDateToIso } from './compact-date.js';
import { type PdfContent } from './pdf-extract.js';
import { extractPdfIsolated } from './pdf-isolated.js';
import { fileStem, firstMeaningfulLine, meaningfulMetadataTitle } from './titles.js';
import { identityFromText } from './identity-text.js';
import { withScannedPages, type PdfText } from './pdf-scanned.js';

export const PASSWORD_NOTE = 'Password-protected PDF: text could not be extracted';

export const analyzePdf: Analyzer = async (input: AnalyzerInput): Promise<Analysis> => {
  checkEnvelope(input.bytes);
  const content = await extractPdfIsolated(input.bytes);
  if (content.kind === 'password') {
    return {
      format: 'pdf',
      kind: 'document',
      type: 'other',
      typeGuessed: true,
      title: fileStem(input.name),
      dateGuessed: true,
      metadata: { note: PASSWORD_NOTE },
    };
  }
  return describe(input.name, content, await withScannedPages(input, content));
};

function describe(name: string, c: PdfContent, t: PdfText): Analysis {
  const info = c.info;
  const title =
    meaningfulMetadataTitle(info['Title']) ?? firstMeaningfulLine(t.titleText) ?? fileStem(name);
  const creationDate = compactDateToIso(info['CreationDate']);
  const metadata: Record<string, unknown> = {
    pageCount: c.pageCount,
    pdfVersion: typeof info['PDFFormatVersion'] === 'string' ? info['PDFFormatVersion'] : undefined,
    title: typeof info['Title'] === 'string' ? info['Title'] : undefined,
    author: typeof info['Author'] === 'string' ? info['Author'] : undefined,
    creationDate,
    producer: typeof info['Producer'] === 'string' ? info['Producer'] : undefined,
  };
  if (c.truncatedReason) metadata['note'] = c.truncatedReason;
  if (c.failedPages > 0) metadata['unreadablePages'] = c.failedPages;
  if (t.ocr) metadata['ocr'] = t.ocr;
  if (t.text.trim() === '' && c.pageCount > 0) {
    metadata['note'] ??= 'No text layer (scanned pages?): nothing to search';
  }
  for (const k of Object.keys(metadata)) if (metadata[k] === undefined) delete metadata[k];
  return {
    format: 'pdf',
    kind: 'document',
    type: guessRecordType(t.text, title),
    typeGuessed: true,
    title,
    // The content's own date says what the document is about; the creation date is when a
    // file was made (often a later print or scan), so it is only the fallback.
    date: guessDocumentDate(t.text) ?? creationDate,
    dateGuessed: true,
    text: t.text,
    pageCount: c.pageCount,
    ...withIdentity(t),
    metadata,
  };
}

/** Cheap structural checks before handing bytes to pdfjs, for specific messages. */
function checkEnvelope(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw new SkipFile('damaged PDF: no "%PDF-" header in the first 1024 bytes');
  }
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 4096))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new SkipFile('damaged PDF: the file is truncated (no end-of-file marker); copy it again from its source');
  }
}

function withIdentity(t: PdfText): { identity?: ReturnType<typeof identityFromText> } {
  const fromLayer = identityFromText(t.layerText);
  if (fromLayer) return { identity: fromLayer };
  const recognised = t.ocr ? identityFromText(t.text) : undefined;
  return recognised ? { identity: { ...recognised, source: 'ocr' } } : {};
}

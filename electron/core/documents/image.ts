// Photos and scans of paper (JPEG, PNG, HEIC): stored as documents; the title comes from the
// file name and, for JPEG, the date from EXIF (when the photo was taken: a guess, shown as such).
// With OCR, the text on the paper is read: it makes the photo searchable and gives the type, the
// document's own date (it beats EXIF) and the labelled patient identity.
import { SkipFile, type Analysis, type Analyzer, type AnalyzerInput, type OcrCapability } from '../base/analysis.js';
import { guessRecordType } from './classify.js';
import { guessDocumentDate } from './dates.js';
import { identityFromText } from './identity-text.js';
import { jpegInfo, pngInfo, type ImageInfo } from './image-info.js';
import { isConfident, readOptions, summarizeReading } from './ocr/reading-summary.js';
import { imageFormat } from './sniff.js';
import { fileStem, firstMeaningfulLine } from './titles.js';

export const analyzeImage: Analyzer = async (input) => {
  const { name, bytes } = input;
  const format = imageFormat(bytes);
  if (!format) throw new SkipFile('not a JPEG, PNG or HEIC image (unrecognised file signature)');
  const info: ImageInfo = format === 'jpeg' ? jpegInfo(bytes) : format === 'png' ? pngInfo(bytes) : {};
  const metadata: Record<string, unknown> = {};
  if (info.width && info.height) {
    metadata['width'] = info.width;
    metadata['height'] = info.height;
  }
  if (info.takenDate) metadata['exifDate'] = info.takenDate;
  const analysis: Analysis = {
    format,
    kind: 'document',
    type: 'other',
    typeGuessed: true,
    title: fileStem(name),
    dateGuessed: true,
    pageCount: 1,
    metadata,
  };
  if (info.takenDate) analysis.date = info.takenDate;
  if (input.ocr) await addRecognisedText(analysis, input, input.ocr);
  return analysis;
};

async function addRecognisedText(analysis: Analysis, input: AnalyzerInput, ocr: OcrCapability): Promise<void> {
  const reading = await ocr.readImage(input.bytes, readOptions(input));
  analysis.metadata['ocr'] = summarizeReading(reading);
  const page = reading.pages[0];
  const text = page?.text.trim() ?? '';
  if (!page || !text) {
    analysis.metadata['note'] = reading.skipped[0] ? `Text not read: ${reading.skipped[0].reason}` : 'No text found in the image';
    return;
  }
  analysis.text = text;
  if (isConfident(page.confidence)) analysis.title = firstMeaningfulLine(text) ?? analysis.title;
  analysis.type = guessRecordType(text, analysis.title);
  analysis.date = guessDocumentDate(text) ?? analysis.date;
  const identity = identityFromText(text);
  if (identity) analysis.identity = { ...identity, source: 'ocr' };
}

// What the record keeps about recognised text (Analysis.metadata.ocr), so the record view can say
// "text read from an image — low confidence on page 2". Documented in docs/architecture.md.
import type { AnalyzerInput, OcrReadOptions, OcrReading } from '../../base/analysis.js';
import { OCR_LIMITS } from './limits.js';

export interface OcrSummary {
  engine: string;
  language: string;
  /** Pages (1-based) whose text was recognised in an image; a photo is page 1. */
  pages: number[];
  /** Mean of those pages' confidences, 0–100; absent when no page was read. */
  meanConfidence?: number;
  /** Pages read with confidence below OCR_LIMITS.lowConfidence: their text may be wrong. */
  lowConfidencePages: number[];
  /** Pages that were turned before reading (degrees clockwise, after EXIF), by page number. */
  rotatedPages?: Record<string, number>;
  /** Pages that were not read, with the reason. */
  skippedPages?: { page: number; reason: string }[];
}

export function summarizeReading(reading: OcrReading): OcrSummary {
  const read = reading.pages.filter((p) => p.text.trim() !== '');
  const summary: OcrSummary = {
    engine: reading.engine,
    language: reading.language,
    pages: read.map((p) => p.page),
    lowConfidencePages: read.filter((p) => p.confidence < OCR_LIMITS.lowConfidence).map((p) => p.page),
  };
  if (read.length) summary.meanConfidence = Math.round(read.reduce((sum, p) => sum + p.confidence, 0) / read.length);
  const rotated = read.filter((p) => p.rotation !== 0);
  if (rotated.length) summary.rotatedPages = Object.fromEntries(rotated.map((p) => [String(p.page), p.rotation]));
  if (reading.skipped.length) summary.skippedPages = reading.skipped;
  return summary;
}

/** True when a page's recognised text is trustworthy enough to title the record. */
export function isConfident(confidence: number): boolean {
  return confidence >= OCR_LIMITS.lowConfidence;
}

/** Progress and cancellation for a reading, from what the analyzer was given. */
export function readOptions(input: AnalyzerInput): OcrReadOptions {
  const options: OcrReadOptions = {};
  const report = input.onPageProgress;
  if (report) options.onPage = (done, total) => report({ activity: 'reading-text', done, total });
  if (input.signal) options.signal = input.signal;
  return options;
}

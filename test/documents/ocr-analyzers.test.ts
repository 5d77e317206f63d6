// What the image and PDF analyzers make of recognised text, with a stand-in OCR capability: the
// text feeds search, type, date, title and the labelled identity (marked 'ocr'); metadata.ocr
// says which pages were read, how confidently and turned how; only pages without a text layer
// are sent to OCR; progress is relayed.
import { describe, it, expect } from 'vitest';
import type { OcrCapability, OcrPage, OcrReading, PageProgress } from '../../electron/core/base/analysis.js';
import { analyzeImage } from '../../electron/core/documents/image.js';
import { analyzePdf } from '../../electron/core/documents/pdf.js';
import { OCR_LIMITS } from '../../electron/core/documents/ocr/limits.js';
import { makeJpeg } from '../fixtures/documents/images.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { SAMPLE_TEXTS } from '../fixtures/documents/sample-texts.js';

const ENGINE = { engine: 'test engine', language: 'eng' };

/** Answers every page with the given result; records what it was asked for. */
function fakeOcr(pages: (page: number) => Omit<OcrPage, 'page'> | { skip: string }) {
  const asked: { kind: string; pages: number[] }[] = [];
  const read = (list: number[], onPage?: (done: number, total: number) => void): OcrReading => {
    const reading: OcrReading = { ...ENGINE, pages: [], skipped: [] };
    list.forEach((page, i) => {
      const r = pages(page);
      if ('skip' in r) reading.skipped.push({ page, reason: r.skip });
      else reading.pages.push({ page, ...r });
      onPage?.(i + 1, list.length);
    });
    return reading;
  };
  const ocr: OcrCapability = {
    readImage: async (_bytes, o) => (asked.push({ kind: 'image', pages: [1] }), read([1], o?.onPage)),
    readPdfPages: async (_bytes, list, o) => (asked.push({ kind: 'pdf', pages: list }), read(list, o?.onPage)),
  };
  return { ocr, asked };
}

const PHOTO_TEXT = `DISCHARGE LETTER\nPatient: Roe, Richard   DOB: 1958-07-21   MRN: 77120\nDate of discharge: 2023-11-02\nDear Doctor, thank you for referring this patient.`;

describe('analyzeImage with OCR', () => {
  const photo = makeJpeg({ width: 3024, height: 4032, dateTimeOriginal: '2024:03:05 10:11:12' });

  it('makes the photo searchable, typed, dated and identified from the paper', async () => {
    const { ocr } = fakeOcr(() => ({ text: `${PHOTO_TEXT}\n`, confidence: 88, rotation: 90 }));
    const progress: PageProgress[] = [];
    const a = await analyzeImage({ name: 'IMG_0042.JPG', bytes: photo, ocr, onPageProgress: (p) => progress.push(p) });
    expect(a).toMatchObject({ text: PHOTO_TEXT, type: 'letter', title: 'DISCHARGE LETTER', pageCount: 1, dateGuessed: true });
    // The paper's own date beats the day the photo was taken.
    expect(a.date).toBe('2023-11-02');
    expect(a.metadata['exifDate']).toBe('2024-03-05');
    expect(a.identity).toEqual({ name: 'Roe^Richard', birthDate: '1958-07-21', id: '77120', source: 'ocr' });
    expect(a.metadata['ocr']).toEqual({ ...ENGINE, pages: [1], meanConfidence: 88, lowConfidencePages: [], rotatedPages: { 1: 90 } });
    expect(progress).toEqual([{ activity: 'reading-text', done: 1, total: 1 }]);
  });

  it('keeps the file name as title when the reading is not confident, and lists the page as low-confidence', async () => {
    const { ocr } = fakeOcr(() => ({ text: PHOTO_TEXT, confidence: OCR_LIMITS.lowConfidence - 1, rotation: 0 }));
    const a = await analyzeImage({ name: 'IMG_0042.JPG', bytes: photo, ocr });
    expect(a.title).toBe('IMG_0042');
    expect(a.text).toBe(PHOTO_TEXT);
    expect(a.metadata['ocr']).toMatchObject({ lowConfidencePages: [1], meanConfidence: OCR_LIMITS.lowConfidence - 1 });
  });

  it('says why there is no text when the photo was not read', async () => {
    const { ocr } = fakeOcr(() => ({ skip: 'the image is too large' }));
    const a = await analyzeImage({ name: 'huge.jpg', bytes: photo, ocr });
    expect(a.text).toBeUndefined();
    expect(a.date).toBe('2024-03-05');
    expect(a.metadata).toMatchObject({ note: 'Text not read: the image is too large', ocr: { pages: [], lowConfidencePages: [], skippedPages: [{ page: 1, reason: 'the image is too large' }] } });
  });

  it('reads nothing without the OCR capability (OCR switched off)', async () => {
    const a = await analyzeImage({ name: 'IMG_0042.JPG', bytes: photo });
    expect(a.text).toBeUndefined();
    expect(a.metadata['ocr']).toBeUndefined();
  });
});

describe('analyzePdf with OCR', () => {
  it('sends only the pages without a text layer, and puts their text in their place', async () => {
    const pdf = await makePdf({ pages: [SAMPLE_TEXTS.lab.split('\n'), [], ['Page 3']] });
    const { ocr, asked } = fakeOcr((page) => ({ text: page === 2 ? PHOTO_TEXT : '', confidence: 91, rotation: 0 }));
    const a = await analyzePdf({ name: 'mixed.pdf', bytes: pdf, ocr });
    expect(asked).toEqual([{ kind: 'pdf', pages: [2, 3] }]);
    const pages = a.text!.split('\f');
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Hemoglobin');
    expect(pages[1]).toBe(PHOTO_TEXT);
    expect(pages[2]).toBe('Page 3');
    // The text layer names no patient: the one found in the recognised page is marked as such.
    expect(a.identity).toMatchObject({ name: 'Roe^Richard', source: 'ocr' });
    expect(a.metadata['ocr']).toEqual({ ...ENGINE, pages: [2], meanConfidence: 91, lowConfidencePages: [] });
    expect(a.metadata['note']).toBeUndefined();
  });

  it('keeps the text layer identity as the PDF\'s own', async () => {
    const pdf = await makePdf({ pages: [SAMPLE_TEXTS.pathology.split('\n'), []] });
    const { ocr } = fakeOcr(() => ({ text: PHOTO_TEXT, confidence: 91, rotation: 0 }));
    const a = await analyzePdf({ name: 'p.pdf', bytes: pdf, ocr });
    expect(a.identity).toMatchObject({ name: 'TESTPERSON^JANE', source: 'pdf' });
  });

  it('leaves no trace of OCR when the scanned-looking pages hold no picture, and asks nothing of text PDFs', async () => {
    const blank = fakeOcr(() => ({ text: '', confidence: 0, rotation: 0 }));
    const a = await analyzePdf({ name: 'blank.pdf', bytes: await makePdf({ pages: [[]] }), ocr: blank.ocr });
    expect(a.metadata['ocr']).toBeUndefined();
    expect(a.metadata['note']).toBe('No text layer (scanned pages?): nothing to search');
    const text = fakeOcr(() => ({ text: 'x', confidence: 99, rotation: 0 }));
    await analyzePdf({ name: 'lab.pdf', bytes: await makePdf({ pages: [SAMPLE_TEXTS.lab.split('\n')] }), ocr: text.ocr });
    expect(text.asked).toEqual([]);
  });

  it('lists pages that could not be read, with the reason', async () => {
    const { ocr } = fakeOcr((page) => (page === 1 ? { skip: 'reading text on this page did not finish within 60 s' } : { text: PHOTO_TEXT, confidence: 50, rotation: 180 }));
    const a = await analyzePdf({ name: 'scan.pdf', bytes: await makePdf({ pages: [[], []] }), ocr });
    expect(a.metadata['ocr']).toEqual({
      ...ENGINE,
      pages: [2],
      meanConfidence: 50,
      lowConfidencePages: [2],
      rotatedPages: { 2: 180 },
      skippedPages: [{ page: 1, reason: 'reading text on this page did not finish within 60 s' }],
    });
    // A low-confidence page does not title the record.
    expect(a.title).toBe('scan');
  });
});

// The contract between the import pipeline and the format analyzers (DICOM, PDF, CDA, FHIR, …).
// An analyzer looks at one file's bytes and says what record it is; the pipeline stores the
// bytes and the record. Analyzers are pure: no vault, no disk writes.
import type { FileFormat, Identity, RecordKind, RecordType } from '../../../shared/domain.js';
import type { SkipReason } from '../../../shared/import-outcomes.js';
import { describeSkip } from '../../../shared/words/import.js';
import type { HealthFact } from '../../../shared/health.js';

/** What one DICOM instance contributes to its imaging record (grouped by studyInstanceUID). */
export interface DicomInstanceInfo {
  studyInstanceUID: string;
  seriesInstanceUID: string;
  sopInstanceUID: string;
  sopClassUID: string;
  transferSyntaxUID: string;
  modality: string;
  studyDate?: string; // YYYY-MM-DD
  studyTime?: string; // HHMMSS(.frac) as in DICOM
  studyDescription?: string;
  seriesDescription?: string;
  seriesNumber?: number;
  instanceNumber?: number;
  bodyPart?: string;
  institution?: string;
  referringPhysician?: string;
  accessionNumber?: string;
  studyId?: string;
  numberOfFrames?: number;
  /** False for a valid instance that holds no Pixel Data (a dataset of attributes only). */
  pixelData: boolean;
  rows?: number;
  columns?: number;
  patient: Identity;
  /** Full extracted header (JSON-safe), kept as file metadata. */
  tags: Record<string, unknown>;
}

/** An attachment or embedded document an analyzer found inside a file (FHIR attachment, XDM doc). */
export interface EmbeddedFile {
  name: string;
  bytes: Uint8Array;
}

export interface Analysis {
  format: FileFormat;
  kind: RecordKind;
  type: RecordType;
  typeGuessed: boolean;
  title: string;
  date?: string; // YYYY-MM-DD
  dateGuessed: boolean;
  institution?: string;
  identity?: Identity;
  /** Searchable text (PDF text, CDA section text, FHIR narrative). */
  text?: string;
  pageCount?: number;
  metadata: Record<string, unknown>;
  /** Set for DICOM instances: the pipeline groups them into one record per study. */
  dicom?: DicomInstanceInfo;
  /** Conditions, medications, allergies, procedures the document states (FHIR, C-CDA): suggested
   * to the person's health summary, linked to this record. */
  health?: HealthFact[];
  /** Further files to import as their own records (e.g. a FHIR DocumentReference's PDF). */
  embedded?: EmbeddedFile[];
}

/** Thrown by an analyzer for a file that must be skipped: the reason is a code with its fields. */
export class SkipFile extends Error {
  constructor(readonly reason: SkipReason) {
    super(describeSkip(reason)); // for logs and tests; outcomes carry `reason`
    this.name = 'SkipFile';
  }
}

/** Progress through the pages of one file, for "Reading text: 12 of 50 pages". */
export interface PageProgress {
  activity: 'reading-text';
  done: number;
  total: number;
}

/** One page whose text was recognised in an image (1-based; a photo is page 1). */
export interface OcrPage {
  page: number;
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
  /** Degrees the page was turned clockwise to read it (after any EXIF rotation). */
  rotation: 0 | 90 | 180 | 270;
}

export interface OcrReading {
  engine: string;
  language: string;
  pages: OcrPage[];
  /** Pages not read, each with the reason shown to the user. */
  skipped: { page: number; reason: string }[];
}

export interface OcrReadOptions {
  onPage?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Text recognition (OCR) as an analyzer receives it; absent when OCR is switched off. */
export interface OcrCapability {
  /** A photo or scan: JPEG, PNG or HEIC bytes. */
  readImage(bytes: Uint8Array, options?: OcrReadOptions): Promise<OcrReading>;
  /** The listed 1-based pages of a PDF (pages without a text layer). */
  readPdfPages(bytes: Uint8Array, pages: number[], options?: OcrReadOptions): Promise<OcrReading>;
}

export interface AnalyzerInput {
  /** File name as the user knows it (for titles). */
  name: string;
  bytes: Uint8Array;
  /** Reads text from pictures of paper; when absent, images and scanned pages get no text. */
  ocr?: OcrCapability;
  onPageProgress?: (progress: PageProgress) => void;
  signal?: AbortSignal;
}

export type Analyzer = (input: AnalyzerInput) => Promise<Analysis>;

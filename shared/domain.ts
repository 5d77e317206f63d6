// Domain model shared by core, UI and CLI. Pure types and constants: no imports outside shared/.

export const RECORD_KINDS = ['imaging', 'document', 'note'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What a record is, clinically. Guessed on import, editable by the user. */
export const RECORD_TYPES = [
  'imaging',
  'pathology',
  'radiology-report',
  'lab',
  'treatment-summary',
  'letter',
  'medication-list',
  'other',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const RECORD_TYPE_LABELS: Record<RecordType, string> = {
  imaging: 'Imaging study',
  pathology: 'Pathology report',
  'radiology-report': 'Radiology report',
  lab: 'Lab results',
  'treatment-summary': 'Treatment / discharge summary',
  letter: 'Letter / referral',
  'medication-list': 'Medication list',
  other: 'Other',
};

/** File formats recognised by content (never by extension). */
export const FILE_FORMATS = [
  'dicom',
  'dicomdir',
  'pdf',
  'jpeg',
  'png',
  'heic',
  'zip',
  'xml',
  'cda',
  'fhir-json',
  'json',
  'text',
  'other',
] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The identity a record carries (from DICOM tags, FHIR Patient, CDA header, PDF text). */
export interface Identity {
  /** DICOM PN form where it came from DICOM ("Family^Given"), else as written. */
  name?: string;
  id?: string;
  /** ISO date YYYY-MM-DD. */
  birthDate?: string;
  sex?: string;
  /** Where it was read; 'ocr' = labelled lines in text recognised in a photo or scanned page. */
  source: 'dicom' | 'fhir' | 'cda' | 'pdf' | 'text' | 'ocr' | 'xdm' | 'user';
}

export interface SeriesSummary {
  seriesInstanceUID: string;
  modality: string;
  seriesDescription: string;
  seriesNumber?: number;
  instanceCount: number;
}

export interface RecordSummary {
  id: string;
  kind: RecordKind;
  type: RecordType;
  title: string;
  /** ISO date YYYY-MM-DD, or null when unknown. */
  date: string | null;
  patientName: string | null;
  patientId: string | null;
  patientBirthDate: string | null;
  personId: string | null;
  institution: string | null;
  sourceFileCount: number;
  sizeBytes: number;
  format: FileFormat;
  tags: string[];
  typeGuessed: boolean;
  dateGuessed: boolean;
  importedAt: string;
  /** When it was moved to the trash; null for a live record. */
  deletedAt: string | null;
  /** Imaging only. */
  studyInstanceUID?: string;
  modalities?: string[];
  seriesCount?: number;
  instanceCount?: number;
  studyDescription?: string;
  /** Documents only. */
  pageCount?: number;
  textChars?: number;
  /** With a search: where the words matched, as text parts (hits marked), never HTML. */
  snippet?: SnippetPart[];
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SourceFileInfo {
  id: string;
  originalName: string;
  originalPath: string;
  sizeBytes: number;
  format: FileFormat;
  importedAt: string;
}

export interface RecordDetail extends RecordSummary {
  notes: string;
  series: SeriesSummary[];
  files: SourceFileInfo[];
  /** Importer-specific metadata (DICOM tags, PDF info, FHIR resource types…), JSON-safe. */
  metadata: Record<string, unknown>;
  /** First few thousand characters of extracted text, for the detail view. */
  textPreview: string;
}

export type ImportStatus = 'imported' | 'duplicate' | 'skipped';

export interface ImportOutcome {
  path: string;
  status: ImportStatus;
  recordId?: string;
  reason?: string;
}

export interface ImportSummary {
  outcomes: ImportOutcome[];
  imported: number;
  duplicates: number;
  skipped: number;
  recordIds: string[];
  /** Set when the import stopped before the end: what was committed is kept and listed. */
  stopped?: 'cancelled' | 'locked';
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number | null;
  bytesDone: number;
  currentFile: string;
  /** While text is read from the current file's pictures (OCR): pages done of total. */
  readingText?: { done: number; total: number };
}

export interface Person {
  id: string;
  name: string;
  birthDate: string | null;
  relation: string;
}

export interface IdentityGroup {
  identity: Identity;
  recordIds: string[];
}

export interface IdentityReport {
  groups: IdentityGroup[];
  /** Human-readable conflicts ("two birth dates for SMITH^JANE"). Empty when consistent. */
  conflicts: string[];
}

// Domain model shared by core, UI and CLI. Pure types and constants: no imports outside shared/.
import type { DuplicateOf, IndexFile, SkipReason } from './import-outcomes.js';

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
  /** Set when no instance of the series holds Pixel Data (attributes only): nothing to show. */
  noImageData?: true;
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
  /** The import that brought it (records imported together share it); null for older records. */
  importId: string | null;
  /** How many live records that import brought (1 when alone or unknown). */
  importSize: number;
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

/** imported / duplicate / skipped, or 'index': an index file read to find the records (a CD's DICOMDIR). */
export type ImportStatus = 'imported' | 'duplicate' | 'skipped' | 'index';

export interface ImportOutcome {
  path: string;
  status: ImportStatus;
  recordId?: string;
  /** Skipped: why, as a code with its fields (worded by shared/words/import.ts). */
  skip?: SkipReason;
  /** Index: which index file was read. */
  index?: IndexFile;
  /** Duplicate: of what. */
  duplicate?: DuplicateOf;
  /** Imported in place of a damaged stored copy of the same image. */
  replaced?: 'damaged-copy';
}

export interface ImportSummary {
  outcomes: ImportOutcome[];
  /** Files added (a study's many files make one record). */
  imported: number;
  duplicates: number;
  skipped: number;
  /** Index files read (a CD's DICOMDIR, an XDM package's METADATA.XML). */
  indexFiles: number;
  /** The records created or added to. */
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

/** One identity on one side of a conflict, with the records that carry it. */
export type IdentitySide = {
  /** As carried (DICOM PN form "Family^Given" where it came from DICOM); shown with formatPersonName. */
  name: string | null;
  /** YYYY-MM-DD. */
  birthDate: string | null;
  id: string | null;
  recordIds: string[];
};

/**
 * What differs: names; birth dates under one name; patient IDs under one name and birth date from
 * the same hospital; or, for a case, a record that does not match the person the case is for.
 */
export const IDENTITY_CONFLICT_KINDS = ['names', 'birth-dates', 'ids', 'person-name', 'person-birth-date'] as const;
export type IdentityConflictKind = (typeof IDENTITY_CONFLICT_KINDS)[number];

/** A likely wrong-patient situation, as data: worded at the edges (shared/words/identity.ts). */
export type IdentityConflict = {
  kind: IdentityConflictKind;
  /** The differing values, one per side (names in PN form, dates YYYY-MM-DD, IDs). */
  values: string[];
  /** Every record involved, on any side. */
  recordIds: string[];
  sides: IdentitySide[];
  /** For the person-* kinds: the person the case is for. */
  person: { name: string; birthDate: string | null } | null;
};

export interface IdentityReport {
  /** Records that carry the same identity (IDs included: one group per hospital record number). */
  groups: IdentityGroup[];
  /** The distinct patients the records seem to be about: groups that differ only by ID merged. */
  patients: IdentityGroup[];
  /** Empty when consistent. */
  conflicts: IdentityConflict[];
}

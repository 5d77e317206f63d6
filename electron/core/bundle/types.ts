// The input the export command fills from the vault, and the options/progress of writing a bundle.
import type { RecordType } from '../../../shared/domain.js';
import type { CaseItem } from '../../../shared/cases.js';
import type { HealthFact } from '../../../shared/health.js';

/** A file's bytes, streamed (e.g. decrypted from the vault) on demand; may be opened more than once. */
export interface BundleFileSource {
  size: number;
  open(): NodeJS.ReadableStream | AsyncIterable<Uint8Array>;
  /** The whole file with its hashes, worked out off the main thread (the vault's files have it). */
  whole?(options: { sha1: boolean; crc32: boolean }): Promise<WholeFile>;
}

export interface WholeFile {
  bytes: Uint8Array;
  sha256: string;
  sha1?: string;
  crc32?: number;
}

export interface BundleInstance {
  sopInstanceUID: string;
  sopClassUID: string;
  transferSyntaxUID: string;
  instanceNumber?: number;
  /** Number of Frames (1 when absent); with rows and columns, what the viewer images are planned from. */
  frames?: number;
  rows?: number;
  columns?: number;
  source: BundleFileSource;
}

export interface BundleSeries {
  seriesInstanceUID: string;
  modality: string;
  number?: number;
  description?: string;
  /** No instance holds Pixel Data (attributes only): listed in the DICOMDIR, no preview. */
  noImageData?: boolean;
  instances: BundleInstance[];
}

/** A patient as the bundle names them: `name` as carried (DICOM PN "Family^Given" or as written). */
export interface BundlePatient {
  name: string;
  /** The name in DICOM PN form, for DICOM and HL7 fields. */
  dicomName?: string;
  id?: string;
  /** YYYY-MM-DD (or DICOM YYYYMMDD). */
  birthDate?: string;
  sex?: string;
}

export interface BundleStudy {
  studyInstanceUID: string;
  /** Index into BundleInput.patients: whose study this is. */
  patientIndex?: number;
  /** The patient as this study's DICOM files state it (the DICOMDIR's patient record must match them). */
  dicomPatient?: BundlePatient;
  description?: string;
  /** YYYY-MM-DD (or DICOM YYYYMMDD). */
  date?: string;
  accessionNumber?: string;
  studyId?: string;
  studyTime?: string;
  institution?: string;
  series: BundleSeries[];
}

export interface BundleDocument {
  recordId: string;
  /** Index into BundleInput.patients: whose document this is. */
  patientIndex?: number;
  title: string;
  type: RecordType;
  /** YYYY-MM-DD. */
  date?: string;
  institution?: string;
  mimeType: string;
  /** Original name, shown to the reader; the bundle stores it under an 8.3 name. */
  fileName: string;
  /** A C-CDA or FHIR document: it also gets a rendered HTML copy for people. */
  viewFormat?: 'cda' | 'fhir-json';
  source: BundleFileSource;
}

export interface BundleProvider {
  name?: string;
  institution?: string;
  contact?: string;
  notes?: string;
}

/** One item of the patient's health summary, as the bundle states it. */
export interface BundleHealthItem extends HealthFact {
  /** False for an item read from a record that the patient has not confirmed yet (the summary says so). */
  confirmed: boolean;
}

export interface BundleHealth {
  /** In the order the bundle states them (within a kind: current ones first). */
  items: BundleHealthItem[];
  /** The patient's history in their own words. */
  history: string;
}

/** A physical item (slides, blocks, a disc) that travels apart from the bundle. */
export type BundleSentItem = Pick<CaseItem, 'what' | 'from' | 'status' | 'carrier' | 'tracking' | 'dates'>;

export interface BundleInput {
  appVersion: string;
  createdAt: Date;
  /** Who the bundle is for: the case's person, else the patient most records are about. */
  patient: BundlePatient;
  /**
   * Every distinct patient the records are about, the bundle's patient first. More than one only
   * after the person chose "Export anyway": the bundle then says so (bundle/patients.ts).
   * Absent: the records are all about `patient`.
   */
  patients?: BundlePatient[];
  case?: { title: string; question: string; questions: string[]; provider?: BundleProvider; sentSeparately?: BundleSentItem[] };
  /** The patient's health summary (SUMMARY.PDF, FHIR/IPS.JSN); none when nothing is noted. */
  health?: BundleHealth;
  /** Who put the bundle together and how to reach them. */
  preparedBy?: { name: string; contact: string };
  studies: BundleStudy[];
  documents: BundleDocument[];
}

export interface BundleOptions {
  /** Replace an existing bundle (DICOMDIR, INDEX.HTM, …) at a folder destination. */
  overwrite?: boolean;
  /** Zip destination only: encrypt every entry with AES-256. */
  password?: string;
  /** Also wrap each PDF as a DICOM Encapsulated PDF instance referenced from the DICOMDIR. */
  reportsAsDicom?: boolean;
  /** Every image of every series as a JPEG, scrollable in INDEX.HTM (default on; off for very large studies). */
  viewerImages?: boolean;
}

export interface BundleProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  currentFile: string;
}

export type ProgressCallback = (progress: BundleProgress) => void;

export interface WriteBundleResult {
  /** The folder holding the bundle, or the .zip file. */
  path: string;
  fileCount: number;
  bytesWritten: number;
}

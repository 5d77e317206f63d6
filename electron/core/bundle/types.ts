// The input the export command fills from the vault, and the options/progress of writing a bundle.
import type { RecordType } from '../../../shared/domain.js';

/** A file's bytes, streamed (e.g. decrypted from the vault) on demand; may be opened more than once. */
export interface BundleFileSource {
  size: number;
  open(): NodeJS.ReadableStream | AsyncIterable<Uint8Array>;
}

export interface BundleInstance {
  sopInstanceUID: string;
  sopClassUID: string;
  transferSyntaxUID: string;
  instanceNumber?: number;
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
  source: BundleFileSource;
}

export interface BundleProvider {
  name?: string;
  institution?: string;
  contact?: string;
  notes?: string;
}

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
  case?: { title: string; question: string; questions: string[]; provider?: BundleProvider };
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

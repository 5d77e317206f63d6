// Cases (second-opinion requests), export and share history: types shared by core and UI.

export interface Provider {
  name: string;
  institution: string;
  contact: string;
  notes: string;
}

export interface CaseSummary {
  id: string;
  title: string;
  question: string;
  personId: string | null;
  provider: Provider;
  recordCount: number;
  totalBytes: number;
  questionCount: number;
  createdAt: string;
  updatedAt: string;
  lastExportAt: string | null;
}

export interface CaseDetail extends CaseSummary {
  recordIds: string[];
  questions: string[];
  shares: ShareRecord[];
  /** Identity conflicts among the selected records; export refuses while non-empty unless allowed. */
  identityConflicts: string[];
}

export type ExportDestinationKind = 'folder' | 'zip';

export interface ShareRecord {
  id: string;
  caseId: string | null;
  exportedAt: string;
  providerName: string;
  destinationKind: ExportDestinationKind;
  destination: string;
  encrypted: boolean;
  fileCount: number;
  bytes: number;
  /** SHA-256 of the bundle's manifest file: identifies exactly what was handed over. */
  manifestSha256: string;
}

export interface ExportProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  currentFile: string;
  phase: 'writing' | 'verifying';
}

/** What a file in a bundle is: an original (DICOM, document), a preview image, an index page, metadata, the manifest. */
/** 'viewer': what INDEX.HTM shows the doctor (series images as JPEG, readable copies of documents). */
export type BundleFileKind = 'dicom' | 'document' | 'preview' | 'viewer' | 'index' | 'metadata' | 'manifest';

export interface BundlePreviewEntry {
  path: string;
  /** Exact for copied originals; null for what is made while writing (previews, indexes: small). */
  bytes: number | null;
  kind: BundleFileKind;
}

export interface BundlePreview {
  entries: BundlePreviewEntry[];
  /** The originals' bytes (the files made while writing add little). */
  totalBytes: number;
  studyCount: number;
  documentCount: number;
  identityConflicts: string[];
  /** The scrollable images INDEX.HTM would carry (whether or not they are asked for) and their estimated size. */
  viewerImages: { included: boolean; count: number; estimatedBytes: number };
}

export interface ExportResult {
  path: string;
  fileCount: number;
  bytes: number;
  manifestSha256: string;
  verified: VerifyResult;
}

export interface VerifyResult {
  ok: boolean;
  fileCount: number;
  problems: string[];
}

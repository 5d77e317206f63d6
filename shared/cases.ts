// Cases (second-opinion requests), export and share history: types shared by core and UI.
import type { IdentityConflict } from './domain.js';

export interface Provider {
  name: string;
  institution: string;
  contact: string;
  notes: string;
  specialty: string;
  /** Board certification, licence… as the person wrote them down. */
  credentials: string;
  /** When the person last checked the credentials (YYYY-MM-DD), or null. */
  credentialsCheckedOn: string | null;
}

/** Where a second-opinion request stands, in the order it usually goes. */
export const CASE_STATUSES = ['planning', 'records-sent', 'appointment', 'opinion-received', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** How the records reach the provider ('' while not decided). */
export const RECORDS_SENT_BY = ['portal', 'mail', 'in-person', 'email', 'other'] as const;
export type RecordsSentBy = (typeof RECORDS_SENT_BY)[number];

/** The practical side of a case: status, appointment, insurance and cost, who prepared it. */
export interface CaseJourney {
  status: CaseStatus;
  /** YYYY-MM-DD, or null. */
  appointmentDate: string | null;
  recordsSentBy: RecordsSentBy | '';
  /** What the insurance covers, as the person found out. */
  insurance: string;
  /** Pre-authorisation: needed? asked for? reference number. */
  preAuthorization: string;
  /** Expected cost, deposits, what is paid by whom. */
  cost: string;
  /** Who prepared the bundle, and how to reach them (printed in the summary for the doctor). */
  preparedBy: string;
  preparerContact: string;
}

/** Physical things that travel separately from the bundle: slides, blocks, discs, films. */
export const CASE_ITEM_STATUSES = ['requested', 'received', 'sent', 'returned'] as const;
export type CaseItemStatus = (typeof CASE_ITEM_STATUSES)[number];

export interface CaseItem {
  id: string;
  caseId: string;
  /** e.g. "Pathology slides (H&E, 12)", "Paraffin block A3", "CT disc". */
  what: string;
  /** Who it was requested from (a lab, a hospital's records office). */
  from: string;
  status: CaseItemStatus;
  carrier: string;
  tracking: string;
  /** When it reached each status (YYYY-MM-DD). */
  dates: Partial<Record<CaseItemStatus, string>>;
  notes: string;
  createdAt: string;
}

export interface CaseItemInput {
  what: string;
  from?: string;
  status?: CaseItemStatus;
  carrier?: string;
  tracking?: string;
  /** The date of `status` (default: today when the status is new). */
  date?: string;
  notes?: string;
}

/** What the person wants the opinions compared on, besides the case's own questions. */
export const OPINION_TOPICS = ['diagnosis', 'stage', 'treatment', 'urgency'] as const;
export type OpinionTopic = (typeof OPINION_TOPICS)[number];

/** The first opinion (the treating doctor's) or a second one. */
export const OPINION_ROLES = ['first', 'second'] as const;
export type OpinionRole = (typeof OPINION_ROLES)[number];

export interface OpinionAnswer {
  question: string;
  answer: string;
}

export interface Opinion {
  id: string;
  caseId: string;
  by: string;
  role: OpinionRole;
  /** YYYY-MM-DD, or null. */
  date: string | null;
  /** The letter or report, a record in the vault. */
  recordId: string | null;
  recordTitle: string | null;
  diagnosis: string;
  /** Stage or grade. */
  stage: string;
  treatment: string;
  urgency: string;
  /** Other recommendations and notes. */
  notes: string;
  /** Answers to the case's questions, by question text. */
  answers: OpinionAnswer[];
  createdAt: string;
}

export interface OpinionInput {
  by: string;
  role?: OpinionRole;
  date?: string | null;
  recordId?: string | null;
  diagnosis?: string;
  stage?: string;
  treatment?: string;
  urgency?: string;
  notes?: string;
  answers?: OpinionAnswer[];
}

export const AGREEMENTS = ['agree', 'differ', 'single'] as const;
export type Agreement = (typeof AGREEMENTS)[number];
/** What the person may set a topic to when the automatic mark is wrong. */
export type AgreementOverride = 'agree' | 'differ';

export interface ComparedTopic {
  /** 'diagnosis' | 'stage' | 'treatment' | 'urgency' | 'question N' (N counts from 1). */
  topic: string;
  /** Set for a question topic: the question's text. */
  question?: string;
  /** What each opinion says, by opinion id (opinions that say nothing are left out). */
  values: Record<string, string>;
  /** The mark shown: the person's override when there is one, else the automatic one. */
  agreement: Agreement;
  automatic: Agreement;
  overridden: boolean;
}

export interface OpinionComparison {
  opinions: { id: string; by: string; date: string | null; role: OpinionRole }[];
  topics: ComparedTopic[];
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
  journey: CaseJourney;
  createdAt: string;
  updatedAt: string;
  lastExportAt: string | null;
}

export interface CaseDetail extends CaseSummary {
  recordIds: string[];
  questions: string[];
  /** Slides, blocks, discs… sent separately from the bundle. */
  items: CaseItem[];
  shares: ShareRecord[];
  /** Identity conflicts among the selected records; export refuses while non-empty unless allowed. */
  identityConflicts: IdentityConflict[];
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
  identityConflicts: IdentityConflict[];
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

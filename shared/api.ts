// The one contract between the UI and the core. Both transports (Electron IPC via the preload,
// and the loopback WebSocket host used by tests and `npm run start:browser`) implement exactly
// this: a method name, its params, its result; and the events the UI can receive.
// The core validates every params object at the boundary (electron/core/service/api-schemas.ts).
import type {
  IdentityReport,
  ImportProgress,
  ImportSummary,
  Person,
  RecordDetail,
  RecordSummary,
  RecordType,
} from './domain.js';
import type {
  AgreementOverride,
  BundlePreview,
  CaseDetail,
  CaseItem,
  CaseItemInput,
  CaseJourney,
  CaseSummary,
  ExportDestinationKind,
  ExportProgress,
  ExportResult,
  Opinion,
  OpinionComparison,
  OpinionInput,
  Provider,
  ShareRecord,
  VerifyResult,
} from './cases.js';
import type { HealthItem, HealthItemInput, HealthItemPatch, HealthQuery } from './health.js';
import type { CheckReport, RebuildProgress, RebuildReport } from './vault.js';
import type { FrameResult, ImageSeries } from './imaging/series.js';
import type { DocumentView } from './document-view.js';
import type { ImportOutcome } from './domain.js';
import type { ChosenPath } from './path-params.js';
import type { FolderApi, FolderMethod } from './folders.js';

export interface VaultStatus {
  /** Where the vault lives (a folder). */
  path: string;
  exists: boolean;
  unlocked: boolean;
  autoLockMinutes: number;
}

/** Why the vault locked: the person, the idle timer, the screen locking, the computer sleeping, quitting. */
export const LOCK_REASONS = ['user', 'idle', 'screen-locked', 'suspend', 'quit'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

/** One stored file's bytes (a range of at most FILE_READ_MAX_BYTES). */
export interface FileChunk {
  name: string;
  size: number;
  start: number;
  bytes: Uint8Array;
}

/** The most bytes one files.read call returns. */
export const FILE_READ_MAX_BYTES = 4 * 1024 * 1024;

/** Thumbnails are at most this many pixels on their longer side… */
export const THUMBNAIL_MAX_SIDE = 256;
/** …and at most this many bytes (PNG or JPEG). */
export const THUMBNAIL_MAX_BYTES = 256 * 1024;

/**
 * A record's small picture as a data: URL, or null. `needs` says the core cannot draw it (a PDF's
 * first page, a photo): the app renders it and hands it back with records.storeThumbnail.
 */
export interface ThumbnailResult {
  dataUrl: string | null;
  needs?: 'pdf-page' | 'photo';
}

export interface RecordQuery {
  search?: string;
  type?: RecordType;
  personId?: string;
  dateFrom?: string;
  dateTo?: string;
  tag?: string;
  /** Only these records (e.g. the ones an identity conflict involves). */
  ids?: string[];
  /** Only the records one import brought (a whole CD). */
  importId?: string;
  sort?: 'date-desc' | 'date-asc' | 'title' | 'imported-desc' | 'relevance';
  /** Paging: at most RECORD_PAGE_MAX per call (default RECORD_PAGE_DEFAULT), from `offset`. */
  limit?: number;
  offset?: number;
}

export const RECORD_PAGE_DEFAULT = 100;
export const RECORD_PAGE_MAX = 1000;

/** One page of the library, and how many records match in all. */
export interface RecordPage {
  records: RecordSummary[];
  total: number;
}

export interface RecordPatch {
  title?: string;
  type?: RecordType;
  date?: string | null;
  tags?: string[];
  notes?: string;
  personId?: string | null;
}

/** What one action changes on several records at once. */
export interface RecordsPatch {
  personId?: string | null;
  /** Tags added to each record's own (none removed). */
  addTags?: string[];
}

export interface CaseInput {
  title: string;
  question?: string;
  personId?: string | null;
  provider?: Partial<Provider>;
  journey?: Partial<CaseJourney>;
}

export interface ExportRequest {
  caseId?: string;
  recordIds?: string[];
  /** Every live record (the CLI's --all). */
  all?: boolean;
  destination: { kind: ExportDestinationKind; path: string };
  /** Only for kind 'zip': AES-256 encrypts the entries. */
  zipPassword?: string;
  reportsAsDicom?: boolean;
  /** Every series' images as JPEGs the doctor can scroll in INDEX.HTM (default true; false for very large studies). */
  viewerImages?: boolean;
  allowIdentityMismatch?: boolean;
  /** Replace a bundle already at the destination (the person's other files there are kept). */
  replaceExisting?: boolean;
}

type M<P, R> = { params: P; result: R };

/** Every call the UI can make. */
export interface DossierApi {
  'vault.status': M<Record<string, never>, VaultStatus>;
  'vault.create': M<{ passphrase: string }, { recoveryKey: string }>;
  /** `remember` (Electron only): keep the passphrase sealed with the OS keychain (safeStorage). */
  'vault.unlock': M<{ passphrase: string; remember?: boolean }, VaultStatus>;
  'vault.lock': M<{ reason?: LockReason }, VaultStatus>;
  'vault.changePassphrase': M<{ current: string; next: string }, { ok: true }>;
  'vault.recover': M<{ recoveryKey: string; newPassphrase: string }, VaultStatus>;
  'vault.check': M<Record<string, never>, CheckReport>;
  /** Recreates the database from the stored files and the newest sound snapshot (the old one is kept aside); leaves the vault unlocked. */
  'vault.rebuildIndex': M<{ passphrase: string }, { status: VaultStatus; report: RebuildReport }>;
  /** The person is active (the shell reports input): postpones the idle lock. */
  'vault.activity': M<Record<string, never>, { ok: true }>;
  'vault.backup': M<{ destination: string }, { path: string; bytes: number }>;
  'settings.setAutoLock': M<{ minutes: number }, VaultStatus>;

  'people.list': M<Record<string, never>, Person[]>;
  'people.create': M<{ name: string; birthDate?: string | null; relation?: string }, Person>;
  'people.update': M<{ id: string; name?: string; birthDate?: string | null; relation?: string }, Person>;

  'records.list': M<RecordQuery, RecordPage>;
  'records.get': M<{ id: string }, RecordDetail>;
  'records.update': M<{ id: string; patch: RecordPatch }, RecordDetail>;
  /** Assigns and tags several records at once. */
  'records.updateMany': M<{ ids: string[]; patch: RecordsPatch }, { updated: number }>;
  /** Moves records to the trash. */
  'records.delete': M<{ ids: string[] }, { ok: true }>;
  /** Takes records back out of the trash. */
  'records.restore': M<{ ids: string[] | 'all' }, { restored: number }>;
  /** The records in the trash, most recently deleted first. */
  'records.trash': M<Record<string, never>, RecordSummary[]>;
  /** Deletes every record in the trash for good (its files too). Returns how many. */
  'records.emptyTrash': M<Record<string, never>, { purged: number }>;
  'records.identities': M<Record<string, never>, IdentityReport>;
  /** A record's small picture (cached in the vault), or what the app must draw for it. */
  'records.thumbnail': M<{ id: string }, ThumbnailResult>;
  /** Keeps the picture the app drew for a PDF or photo record (PNG or JPEG, checked). */
  'records.storeThumbnail': M<{ id: string; image: Uint8Array }, { dataUrl: string }>;

  /** An imaging record's series with their images, in scrolling order. */
  'images.series': M<{ recordId: string }, ImageSeries[]>;
  /** One decoded frame of a stored DICOM file, or why it cannot be shown. */
  'images.frame': M<{ fileId: string; frame: number }, FrameResult>;
  /** A C-CDA or FHIR record as sections of plain text. */
  'documents.view': M<{ recordId: string }, DocumentView>;

  /** `ocr: false` skips reading text from photos and scans for this import (default: the vault setting). */
  'import.paths': M<{ paths: string[]; ocr?: boolean }, ImportSummary>;
  /** Stops the running import after its current batch; what was committed stays. */
  'import.cancel': M<Record<string, never>, { ok: true }>;

  /** Bytes of one stored file (a file id, or the id of a record with one file). */
  'files.read': M<{ id: string; start?: number; length?: number }, FileChunk>;

  'cases.list': M<Record<string, never>, CaseSummary[]>;
  'cases.get': M<{ id: string }, CaseDetail>;
  'cases.create': M<CaseInput, CaseDetail>;
  'cases.update': M<{ id: string; patch: Partial<CaseInput> }, CaseDetail>;
  'cases.delete': M<{ id: string }, { ok: true }>;
  'cases.setRecords': M<{ id: string; recordIds: string[] }, CaseDetail>;
  /** Adds records after the case's own (those already in it stay where they are). */
  'cases.addRecords': M<{ id: string; recordIds: string[] }, CaseDetail>;
  'cases.setQuestions': M<{ id: string; questions: string[] }, CaseDetail>;
  'cases.shareHistory': M<{ id: string }, ShareRecord[]>;

  /** Slides, blocks, discs… that travel separately; the case's detail lists them. */
  'caseItems.add': M<{ caseId: string; item: CaseItemInput }, CaseItem>;
  'caseItems.update': M<{ id: string; patch: Partial<CaseItemInput> }, CaseItem>;
  'caseItems.delete': M<{ id: string }, { ok: true }>;

  'opinions.list': M<{ caseId: string }, Opinion[]>;
  'opinions.add': M<{ caseId: string; opinion: OpinionInput }, Opinion>;
  /** `answers`, when given, replaces all of the opinion's answers. */
  'opinions.update': M<{ id: string; patch: Partial<OpinionInput> }, Opinion>;
  'opinions.delete': M<{ id: string }, { ok: true }>;
  /** The opinions side by side, per topic, each marked agree / differ / single. */
  'opinions.compare': M<{ caseId: string }, OpinionComparison>;
  /** The person's own mark for a topic (null: back to the automatic one); returns the comparison. */
  'opinions.mark': M<{ caseId: string; topic: string; agreement: AgreementOverride | null }, OpinionComparison>;

  'health.list': M<HealthQuery, HealthItem[]>;
  /** Adds an item the person typed (confirmed); an item with the same text and kind is updated instead. */
  'health.add': M<HealthItemInput, HealthItem>;
  'health.update': M<{ id: string; patch: HealthItemPatch }, HealthItem>;
  'health.delete': M<{ id: string }, { ok: true }>;
  /** The person's free-text history (null: the history kept for nobody in particular). */
  'health.getHistory': M<{ personId: string | null }, { text: string }>;
  'health.setHistory': M<{ personId: string | null; text: string }, { text: string }>;

  'export.preview': M<Omit<ExportRequest, 'destination' | 'zipPassword'>, BundlePreview>;
  'export.run': M<ExportRequest, ExportResult>;
  'export.verify': M<{ path: string; zipPassword?: string }, VerifyResult>;
}

export type ApiMethod = keyof DossierApi;
export type ApiParams<K extends ApiMethod> = DossierApi[K]['params'];
export type ApiResult<K extends ApiMethod> = DossierApi[K]['result'];

/** Every event the UI can receive. */
export interface DossierEvents {
  'import.progress': ImportProgress;
  /** Files whose outcome is final (committed), as they become final. */
  'import.outcomes': ImportOutcome[];
  'export.progress': ExportProgress;
  'rebuild.progress': RebuildProgress;
  /** The vault's state changed (unlocked, locked — with why —, settings). The one source of truth. */
  'vault.status': VaultStatus & { lockReason?: LockReason };
}
export type ApiEvent = keyof DossierEvents;

/** Whether "remember on this computer" can be offered, and why not. */
export type RememberSupport = { available: true } | { available: false; reason: 'no-secret-store' | 'browser' };

/** The browser host's folder chooser, as the page calls it (shared/folders.ts). */
export interface FolderChooserBridge {
  call<K extends FolderMethod>(method: K, params: FolderApi[K]['params']): Promise<FolderApi[K]['result']>;
}

/**
 * What `window.dossier` offers the renderer, whatever the transport. The page never sends a path:
 * path params (shared/path-params.ts) carry the grant of a ChosenPath.
 */
export interface DossierBridge {
  call<K extends ApiMethod>(method: K, params: ApiParams<K>): Promise<ApiResult<K>>;
  on<E extends ApiEvent>(event: E, listener: (payload: DossierEvents[E]) => void): () => void;
  /** Import files the user dropped or picked: Electron grants their paths, the browser host uploads them. */
  importFiles(files: File[]): Promise<ImportSummary>;
  /** Native pickers (Electron); null when cancelled or unavailable (browser host: use `folders`). */
  pickImportSources(): Promise<ChosenPath[] | null>;
  pickExportDestination(kind: ExportDestinationKind): Promise<ChosenPath | null>;
  /** Browser mode only: the host's folder chooser; absent in Electron (native dialogs). */
  readonly folders: FolderChooserBridge | null;
  /** "Remember on this computer" needs the OS's secret store (Electron only). */
  rememberSupport(): Promise<RememberSupport>;
  readonly platform: 'electron' | 'browser';
}

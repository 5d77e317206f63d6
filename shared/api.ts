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
import type { CaseDetail, CaseSummary, ExportDestinationKind, ExportProgress, ExportResult, ShareRecord, VerifyResult, BundlePreview } from './cases.js';

export interface VaultStatus {
  /** Where the vault lives (a folder). */
  path: string;
  exists: boolean;
  unlocked: boolean;
  autoLockMinutes: number;
}

export interface RecordQuery {
  search?: string;
  type?: RecordType;
  personId?: string;
  dateFrom?: string;
  dateTo?: string;
  tag?: string;
  sort?: 'date-desc' | 'date-asc' | 'title' | 'imported-desc' | 'relevance';
  includeDeleted?: boolean;
}

export interface RecordPatch {
  title?: string;
  type?: RecordType;
  date?: string | null;
  tags?: string[];
  notes?: string;
  personId?: string | null;
}

export interface CaseInput {
  title: string;
  question?: string;
  personId?: string | null;
  provider?: { name?: string; institution?: string; contact?: string; notes?: string };
}

export interface ExportRequest {
  caseId?: string;
  recordIds?: string[];
  destination: { kind: ExportDestinationKind; path: string };
  /** Only for kind 'zip': AES-256 encrypts the entries. */
  zipPassword?: string;
  reportsAsDicom?: boolean;
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
  'vault.lock': M<Record<string, never>, VaultStatus>;
  'vault.changePassphrase': M<{ current: string; next: string }, { ok: true }>;
  'vault.recover': M<{ recoveryKey: string; newPassphrase: string }, VaultStatus>;
  'vault.check': M<Record<string, never>, { ok: boolean; problems: string[] }>;
  'vault.backup': M<{ destination: string }, { path: string; bytes: number }>;
  'settings.setAutoLock': M<{ minutes: number }, VaultStatus>;

  'people.list': M<Record<string, never>, Person[]>;
  'people.create': M<{ name: string; birthDate?: string | null; relation?: string }, Person>;
  'people.update': M<{ id: string; name?: string; birthDate?: string | null; relation?: string }, Person>;

  'records.list': M<RecordQuery, RecordSummary[]>;
  'records.get': M<{ id: string }, RecordDetail>;
  'records.update': M<{ id: string; patch: RecordPatch }, RecordDetail>;
  'records.delete': M<{ id: string }, { ok: true }>;
  'records.restore': M<{ id: string }, { ok: true }>;
  /** Deletes every record in the trash for good (its files too). Returns how many. */
  'records.emptyTrash': M<Record<string, never>, { purged: number }>;
  'records.identities': M<Record<string, never>, IdentityReport>;
  /** A small preview image of a record (first page/series), as a data: URL, or null. */
  'records.thumbnail': M<{ id: string }, { dataUrl: string | null }>;

  'import.paths': M<{ paths: string[] }, ImportSummary>;

  'cases.list': M<Record<string, never>, CaseSummary[]>;
  'cases.get': M<{ id: string }, CaseDetail>;
  'cases.create': M<CaseInput, CaseDetail>;
  'cases.update': M<{ id: string; patch: Partial<CaseInput> }, CaseDetail>;
  'cases.delete': M<{ id: string }, { ok: true }>;
  'cases.setRecords': M<{ id: string; recordIds: string[] }, CaseDetail>;
  'cases.setQuestions': M<{ id: string; questions: string[] }, CaseDetail>;
  'cases.shareHistory': M<{ id: string }, ShareRecord[]>;

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
  'export.progress': ExportProgress;
  /** The vault was locked (idle timeout, or by another window). */
  'vault.locked': { reason: 'user' | 'idle' };
}
export type ApiEvent = keyof DossierEvents;

/** What `window.dossier` offers the renderer, whatever the transport. */
export interface DossierBridge {
  call<K extends ApiMethod>(method: K, params: ApiParams<K>): Promise<ApiResult<K>>;
  on<E extends ApiEvent>(event: E, listener: (payload: DossierEvents[E]) => void): () => void;
  /** Import files the user dropped or picked: Electron resolves them to paths, the browser host uploads them. */
  importFiles(files: File[]): Promise<ImportSummary>;
  /** Native pickers where the platform has them; null when cancelled or unavailable (browser host). */
  pickImportSources(): Promise<string[] | null>;
  pickExportDestination(kind: ExportDestinationKind): Promise<string | null>;
  readonly platform: 'electron' | 'browser';
}

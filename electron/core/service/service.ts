// The one implementation of the API contract (shared/api.ts) over the core. Every caller — the
// Electron IPC relay, the loopback browser host and the CLI — goes through `call(method, params)`;
// params are validated here, whatever the caller claims, and failures leave as ApiError.
import type { ApiEvent, DossierEvents } from '../../../shared/api.js';
import type { ImportSummary } from '../../../shared/domain.js';
import { DossierError } from '../base/errors.js';
import { APP_VERSION } from '../base/app-version.js';
import { bytesSource } from '../import/source.js';
import { API_SCHEMAS, isApiMethod } from './api-schemas.js';
import { LOCK_FREE_METHODS } from '../../../shared/api-methods.js';
import { ApiError, toApiError, type ErrorLog } from './errors.js';
import { VaultSession } from './session.js';
import type { Handlers, HandlerContext } from './handlers/types.js';
import { vaultHandlers } from './handlers/vault-handlers.js';
import { recordHandlers, importSources } from './handlers/record-handlers.js';
import { caseHandlers } from './handlers/case-handlers.js';
import { viewerHandlers } from './handlers/viewer-handlers.js';
import { DatasetCache } from '../records/dataset-cache.js';
import { journeyHandlers } from './handlers/journey-handlers.js';

export interface DossierService {
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: ApiEvent, payload: unknown) => void): () => void;
  importUploaded(files: { name: string; bytes: Uint8Array }[]): Promise<ImportSummary>;
  close(): Promise<void>;
}

export interface ServiceOptions {
  vaultDir: string;
  appVersion?: string;
  /** For tests: a cheaper scrypt cost for vaults this service creates. */
  kdfCost?: { N: number; r: number; p: number };
  /** Where the detail of an unexpected error goes (the person only sees a plain message). */
  log?: ErrorLog;
}

/** Calls that manage the session itself: a lock must not wait for them (it may be one of them). */
const SESSION_METHODS: ReadonlySet<string> = new Set([...LOCK_FREE_METHODS].filter((m) => m !== 'export.verify'));

export function createDossierService(options: ServiceOptions): DossierService {
  const listeners = new Set<(event: ApiEvent, payload: unknown) => void>();
  const emit = <E extends ApiEvent>(event: E, payload: DossierEvents[E]) => listeners.forEach((l) => l(event, payload));
  const datasets = new DatasetCache();
  const onStatus = (s: DossierEvents['vault.status']): void => {
    if (!s.unlocked) datasets.clear(); // no plaintext of a locked vault stays in memory
    emit('vault.status', s);
  };
  const session = new VaultSession({ vaultDir: options.vaultDir, ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}), onStatus });
  const ctx: HandlerContext = { session, appVersion: options.appVersion ?? APP_VERSION, emit, datasets };
  const handlers: Handlers = { ...vaultHandlers(ctx), ...recordHandlers(ctx), ...caseHandlers(ctx), ...journeyHandlers(ctx), ...viewerHandlers(ctx) };
  const fail = (err: unknown): never => {
    throw new ApiError(toApiError(err, options.log));
  };

  async function run(method: string, params: unknown): Promise<unknown> {
    if (!isApiMethod(method)) throw new DossierError('invalid-params', `Unknown API method "${String(method).slice(0, 80)}".`);
    const parsed = API_SCHEMAS[method].parse(params ?? {});
    if (!LOCK_FREE_METHODS.has(method)) session.open(); // 'locked', before any handler runs
    return (handlers[method] as (p: unknown) => unknown)(parsed);
  }

  return {
    call(method, params) {
      const work = () => run(method, params);
      return (SESSION_METHODS.has(method) ? work() : session.track(work)).catch(fail);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    importUploaded(files) {
      return session.track(() => importSources(ctx, files.map((f) => bytesSource(f.name, f.name, f.bytes)))).catch(fail);
    },
    close: () => session.close(),
  };
}

// The one implementation of the API contract (shared/api.ts) over the core. Both transports — the
// Electron IPC relay and the loopback browser host — call `call(method, params)`; params are
// validated here, whatever the caller claims.
import type { ApiEvent, ApiMethod, ApiParams, ApiResult, DossierEvents, VaultStatus } from '../../../shared/api.js';
import type { ImportSummary } from '../../../shared/domain.js';
import { Vault } from '../vault/vault.js';
import { vaultExists } from '../vault/vault-file.js';
import { DossierError } from '../base/errors.js';
import { checkVault } from '../vault/check.js';
import { backupVault } from '../vault/backup.js';
import { Importer } from '../import/pipeline.js';
import { bytesSource } from '../import/source.js';
import { listRecords, getRecord, updateRecord, deleteRecord, restoreRecord, emptyTrash } from '../records/record-store.js';
import { carriedIdentities, identityReport } from '../records/identity.js';
import { listPeople, createPerson, updatePerson } from '../records/people-store.js';
import { recordThumbnail } from '../records/thumbnail.js';
import { listCases, getCase, createCase, updateCase, deleteCase, setCaseRecords, setCaseQuestions, listShares } from '../cases/case-store.js';
import { exportBundle } from '../export/export-bundle.js';
import { previewBundle } from '../export/bundle-preview.js';
import { verifyBundle } from '../bundle/verify.js';
import { API_SCHEMAS, isApiMethod } from './api-schemas.js';
import { ApiError, toApiError } from './errors.js';

export interface DossierService {
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: ApiEvent, payload: unknown) => void): () => void;
  importUploaded(files: { name: string; bytes: Uint8Array }[]): Promise<ImportSummary>;
  close(): Promise<void>;
}

export interface ServiceOptions {
  vaultDir: string;
  appVersion: string;
  /** For tests: a cheaper scrypt cost for vaults this service creates. */
  kdfCost?: { N: number; r: number; p: number };
}

type Handlers = { [K in ApiMethod]: (params: ApiParams<K>) => Promise<ApiResult<K>> | ApiResult<K> };

export function createDossierService(options: ServiceOptions): DossierService {
  let vault: Vault | null = null;
  let busy = 0;
  let idleTimer: NodeJS.Timeout | null = null;
  const listeners = new Set<(event: ApiEvent, payload: unknown) => void>();
  const emit = <E extends ApiEvent>(event: E, payload: DossierEvents[E]) => listeners.forEach((l) => l(event, payload));

  const open = (): Vault => {
    if (!vault) throw new DossierError('locked', 'The vault is locked. Unlock it with your passphrase.');
    return vault;
  };
  const status = (): VaultStatus => ({
    path: options.vaultDir,
    exists: vaultExists(options.vaultDir),
    unlocked: vault !== null,
    autoLockMinutes: vault?.settings.autoLockMinutes ?? 10,
  });
  const lock = (reason: 'user' | 'idle') => {
    if (!vault) return;
    vault.close();
    vault = null;
    emit('vault.locked', { reason });
  };
  // Auto-lock: after the chosen minutes without any call, unless work is still running.
  const armIdleTimer = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const minutes = vault?.settings.autoLockMinutes ?? 0;
    if (!vault || minutes <= 0) return;
    idleTimer = setTimeout(() => (busy > 0 ? armIdleTimer() : lock('idle')), minutes * 60_000);
    idleTimer.unref();
  };
  const importer = (v: Vault) => new Importer(v, { onProgress: (p) => emit('import.progress', p) });

  const handlers: Handlers = {
    'vault.status': () => status(),
    'vault.create': async ({ passphrase }) => {
      if (vault) throw new DossierError('vault-exists', 'A vault is already open.');
      const created = await Vault.create(options.vaultDir, passphrase, options.kdfCost ? { kdfCost: options.kdfCost } : {});
      vault = created.vault;
      return { recoveryKey: created.recoveryKey };
    },
    'vault.unlock': async ({ passphrase }) => {
      if (!vault) vault = await Vault.open(options.vaultDir, passphrase);
      return status();
    },
    'vault.lock': () => {
      lock('user');
      return status();
    },
    'vault.changePassphrase': async ({ current, next }) => {
      await open().changePassphrase(current, next);
      return { ok: true as const };
    },
    'vault.recover': async ({ recoveryKey, newPassphrase }) => {
      if (!vault) vault = await Vault.recover(options.vaultDir, recoveryKey, newPassphrase);
      return status();
    },
    'vault.check': async () => {
      const r = await checkVault(open());
      return { ok: r.ok, problems: r.problems };
    },
    'vault.backup': ({ destination }) => backupVault(open(), destination),
    'settings.setAutoLock': async ({ minutes }) => {
      await open().updateSettings({ autoLockMinutes: minutes });
      return status();
    },

    'people.list': () => listPeople(open().db),
    'people.create': (p) => createPerson(open().db, p),
    'people.update': ({ id, ...patch }) => updatePerson(open().db, id, patch),

    'records.list': (q) => listRecords(open().db, q),
    'records.get': ({ id }) => getRecord(open().db, id),
    'records.update': ({ id, patch }) => updateRecord(open().db, id, patch),
    'records.delete': ({ id }) => (deleteRecord(open().db, id), { ok: true as const }),
    'records.restore': ({ id }) => (restoreRecord(open().db, id), { ok: true as const }),
    'records.emptyTrash': () => {
      const v = open();
      const purged = emptyTrash(v.db);
      v.sweep();
      return { purged };
    },
    'records.identities': () => identityReport(carriedIdentities(open().db)),
    'records.thumbnail': async ({ id }) => ({ dataUrl: await recordThumbnail(open(), id) }),

    'import.paths': ({ paths }) => importer(open()).importPaths(paths),

    'cases.list': () => listCases(open().db),
    'cases.get': ({ id }) => getCase(open().db, id),
    'cases.create': (input) => createCase(open().db, input),
    'cases.update': ({ id, patch }) => updateCase(open().db, id, patch),
    'cases.delete': ({ id }) => (deleteCase(open().db, id), { ok: true as const }),
    'cases.setRecords': ({ id, recordIds }) => setCaseRecords(open().db, id, recordIds),
    'cases.setQuestions': ({ id, questions }) => setCaseQuestions(open().db, id, questions),
    'cases.shareHistory': ({ id }) => listShares(open().db, id),

    'export.preview': (p) => previewBundle(open(), p, options.appVersion),
    'export.run': (req) =>
      exportBundle(open(), {
        ...(req.caseId ? { caseId: req.caseId } : {}),
        ...(req.recordIds ? { recordIds: req.recordIds } : {}),
        destination: req.destination,
        ...(req.zipPassword ? { zipPassword: req.zipPassword } : {}),
        ...(req.reportsAsDicom ? { reportsAsDicom: true } : {}),
        ...(req.allowIdentityMismatch ? { allowIdentityMismatch: true } : {}),
        ...(req.replaceExisting ? { overwrite: true } : {}),
        appVersion: options.appVersion,
        onProgress: (p) => emit('export.progress', p),
      }),
    'export.verify': ({ path, zipPassword }) => verifyBundle(path, zipPassword ? { password: zipPassword } : {}),
  };

  async function run(method: string, params: unknown): Promise<unknown> {
    if (!isApiMethod(method)) throw new DossierError('invalid-params', `Unknown API method "${String(method).slice(0, 80)}".`);
    const parsed = API_SCHEMAS[method].parse(params ?? {});
    const handler = handlers[method] as (p: unknown) => unknown;
    return handler(parsed);
  }

  return {
    async call(method, params) {
      busy++;
      try {
        return await run(method, params);
      } catch (err) {
        throw new ApiError(toApiError(err));
      } finally {
        busy--;
        armIdleTimer();
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async importUploaded(files) {
      busy++;
      try {
        return await importer(open()).importSources(files.map((f) => bytesSource(f.name, f.name, f.bytes)));
      } catch (err) {
        throw new ApiError(toApiError(err));
      } finally {
        busy--;
        armIdleTimer();
      }
    },
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      if (vault) vault.close();
      vault = null;
    },
  };
}

export { toApiError } from './errors.js';

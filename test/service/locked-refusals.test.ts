// A locked vault refuses every method that needs it open with `locked` — with well-formed params,
// so the refusal is the lock and not the validation — and does nothing. The few methods that work
// without an open vault are listed below: the product has no single list of them (service.ts's
// SESSION_METHODS is a different set: calls a lock must not wait for), so this test states the
// contract, and a method added to the API is refused while locked unless it is added here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { API_METHODS, LOCK_FREE_METHODS } from '../../shared/api-methods.js';
import type { ApiMethod, ApiParams, RecordPage, VaultStatus } from '../../shared/api.js';
import type { ApiErrorShape } from '../../shared/errors.js';
import { createDossierService, type DossierService } from '../../electron/core/service/service.js';
import { FAST_KDF, TEST_PASSPHRASE, tempDir } from '../helpers/temp-vault.js';
import { VALID_PARAMS } from './valid-params.js';

/** What each method that works on a locked vault answers there (with VALID_PARAMS' wrong passphrases and keys). */
/** What each method the product lets through while locked (LOCK_FREE_METHODS) answers here. */
const WORKS_WHILE_LOCKED: Partial<Record<ApiMethod, 'ok' | ApiErrorShape['code']>> = {
  'vault.status': 'ok',
  'vault.create': 'vault-exists',
  'vault.unlock': 'wrong-passphrase',
  'vault.lock': 'ok',
  'vault.recover': 'wrong-recovery-key',
  'vault.rebuildIndex': 'wrong-passphrase',
  'vault.activity': 'ok',
  'import.cancel': 'ok',
  // Checks a bundle on disk; needs no vault (here: a path that does not exist).
  'export.verify': 'not-found',
};

async function outcome(service: DossierService, method: ApiMethod, params: unknown): Promise<'ok' | ApiErrorShape['code']> {
  try {
    await service.call(method, params);
    return 'ok';
  } catch (err) {
    return (err as { shape?: ApiErrorShape }).shape?.code ?? 'internal';
  }
}

let root: string;
let service: DossierService;
let recordId: string;
let events: [string, unknown][];

beforeAll(async () => {
  root = tempDir('dossier-locked-');
  service = createDossierService({ vaultDir: path.join(root, 'vault'), kdfCost: FAST_KDF });
  await service.call('vault.create', { passphrase: TEST_PASSPHRASE });
  // One record, so that a method which ignored the lock would have something to show or change.
  const note = path.join(root, 'note.txt');
  writeFileSync(note, 'Discharge summary\nDate: 2024-03-05\nAll well.\n');
  recordId = ((await service.call('import.paths', { paths: [note] })) as { recordIds: string[] }).recordIds[0]!;
  await service.call('vault.lock', {});
  events = [];
  service.onEvent((event, payload) => events.push([event, payload]));
});

afterAll(async () => {
  await service?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The valid example, pointed at the vault's real record where the method takes a record id. */
function paramsFor<K extends ApiMethod>(method: K): ApiParams<K> {
  const params = VALID_PARAMS[method] as Record<string, unknown>;
  if ('id' in params && method.startsWith('records.')) return { ...params, id: recordId } as ApiParams<K>;
  if ('recordId' in params) return { ...params, recordId } as ApiParams<K>;
  if ('ids' in params) return { ...params, ids: [recordId] } as ApiParams<K>;
  return params as ApiParams<K>;
}

describe('a locked vault', () => {
  it('lets through exactly the methods the product declares lock-free', () => {
    expect(Object.keys(WORKS_WHILE_LOCKED).sort()).toEqual([...LOCK_FREE_METHODS].sort());
  });

  it.each(API_METHODS.filter((m) => !LOCK_FREE_METHODS.has(m)))('refuses %s with "locked"', async (method) => {
    expect(await outcome(service, method, paramsFor(method))).toBe('locked');
  });

  it.each(Object.keys(WORKS_WHILE_LOCKED) as ApiMethod[])('answers %s without asking for the vault to be unlocked', async (method) => {
    expect(await outcome(service, method, paramsFor(method))).toBe(WORKS_WHILE_LOCKED[method]);
  });

  it('says "locked" in words the person can act on', async () => {
    await expect(service.call('records.list', {})).rejects.toMatchObject({ shape: { code: 'locked', message: 'The vault is locked. Unlock it with your passphrase.' } });
  });

  it('stayed locked and unchanged through all of it', async () => {
    expect(((await service.call('vault.status', {})) as VaultStatus).unlocked).toBe(false);
    expect(events.filter(([e]) => e === 'vault.status')).toEqual([]);
    expect(existsSync(VALID_PARAMS['vault.backup'].destination)).toBe(false);
    expect(existsSync(VALID_PARAMS['export.run'].destination.path)).toBe(false);
    await service.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const page = (await service.call('records.list', {})) as RecordPage;
    expect(page.records.map((r) => [r.id, r.title])).toEqual([[recordId, 'Discharge summary']]);
    expect(await service.call('records.trash', {})).toEqual([]);
    expect(await service.call('people.list', {})).toEqual([]);
    expect(await service.call('cases.list', {})).toEqual([]);
    expect(await service.call('health.list', {})).toEqual([]);
    expect(((await service.call('vault.status', {})) as VaultStatus).autoLockMinutes).toBe(10);
  });
});

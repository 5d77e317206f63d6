// The real service refuses malformed params to EVERY API method with `invalid-params`, before
// anything runs — whether the vault is open or locked (validation comes before the lock check).
// The methods come from the runtime list (shared/api-methods.ts), so a new method is covered as
// soon as it exists; test/service/valid-params.ts must then give it one well-formed example.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { API_METHODS } from '../../shared/api-methods.js';
import type { ApiMethod, RecordPage, VaultStatus } from '../../shared/api.js';
import type { ApiErrorShape } from '../../shared/errors.js';
import { API_SCHEMAS } from '../../electron/core/service/api-schemas.js';
import { createDossierService, type DossierService } from '../../electron/core/service/service.js';
import { FAST_KDF, TEST_PASSPHRASE, tempDir } from '../helpers/temp-vault.js';
import { VALID_PARAMS, wrongTypeFor } from './valid-params.js';

/** What the call was refused with, or null when it was not refused. */
async function refusal(service: DossierService, method: string, params: unknown): Promise<ApiErrorShape | null> {
  try {
    await service.call(method, params);
    return null;
  } catch (err) {
    return (err as { shape?: ApiErrorShape }).shape ?? { code: 'internal', message: `not an ApiError: ${String(err)}` };
  }
}

/** Malformed versions of a method's params: the wrong type for the whole object, an unknown key, each field's type wrong. */
function malformed(method: ApiMethod): { label: string; params: unknown }[] {
  const valid = VALID_PARAMS[method] as Record<string, unknown>;
  const cases: { label: string; params: unknown }[] = [
    { label: 'a number', params: 42 },
    { label: 'a string', params: 'params' },
    { label: 'a boolean', params: true },
    { label: 'an array', params: [valid] },
    { label: 'an unknown extra key', params: { ...valid, unexpectedKey: 1 } },
  ];
  for (const [key, value] of Object.entries(valid)) cases.push({ label: `"${key}" of the wrong type`, params: { ...valid, [key]: wrongTypeFor(value) } });
  return cases;
}

/** Methods whose schema has required fields: missing params ({} / null / undefined) are malformed too. */
const NEEDS_PARAMS = API_METHODS.filter((m) => !API_SCHEMAS[m].safeParse({}).success);

const UNKNOWN_METHODS = ['vault.format', 'records.drop', '', 'VAULT.STATUS', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'shell.pickImportSources', 'vault.status '];

let root: string;
let open: DossierService;
let locked: DossierService;

beforeAll(async () => {
  root = tempDir('dossier-api-validation-');
  open = createDossierService({ vaultDir: path.join(root, 'open'), kdfCost: FAST_KDF });
  await open.call('vault.create', { passphrase: TEST_PASSPHRASE });
  locked = createDossierService({ vaultDir: path.join(root, 'locked'), kdfCost: FAST_KDF });
  await locked.call('vault.create', { passphrase: TEST_PASSPHRASE });
  await locked.call('vault.lock', {});
});

afterAll(async () => {
  await open?.close();
  await locked?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the examples the malformed params are made from', () => {
  it('has one well-formed params object per API method, accepted by its schema', () => {
    expect(Object.keys(VALID_PARAMS).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(API_SCHEMAS[method].safeParse(VALID_PARAMS[method]).error?.issues ?? [], method).toEqual([]);
  });
});

describe.each([
  ['unlocked', () => open],
  ['locked', () => locked],
] as const)('malformed params, vault %s', (_state, service) => {
  it.each(API_METHODS)('%s refuses malformed params with invalid-params', async (method) => {
    for (const { label, params } of malformed(method)) {
      const error = await refusal(service(), method, params);
      expect(error?.code, `${method} with ${label}: ${JSON.stringify(error)}`).toBe('invalid-params');
      expect(error?.message, `${method} with ${label}`).toMatch(/^Invalid request \(.+\)\.$/);
    }
    if (NEEDS_PARAMS.includes(method)) {
      for (const params of [{}, null, undefined]) expect((await refusal(service(), method, params))?.code, `${method} with ${String(params)}`).toBe('invalid-params');
    }
  });

  it('refuses unknown method names with invalid-params, naming the method', async () => {
    for (const method of UNKNOWN_METHODS) {
      const error = await refusal(service(), method, {});
      expect(error, `"${method}"`).toMatchObject({ code: 'invalid-params', message: expect.stringContaining('Unknown API method') });
    }
    for (const method of [42, null, undefined, { toString: () => 'vault.status' }]) {
      expect((await refusal(service(), method as unknown as string, {}))?.code, String(method)).toBe('invalid-params');
    }
  });
});

describe('methods that take no params', () => {
  it('take missing params (null / undefined) as {}: the service reads `params ?? {}`, so an absent object is an empty one', async () => {
    for (const params of [undefined, null, {}]) expect(((await open.call('vault.status', params)) as VaultStatus).unlocked).toBe(true);
  });
});

describe('refused calls change nothing', () => {
  it('leaves the open vault open and empty, and the locked vault locked', async () => {
    expect(((await open.call('vault.status', {})) as VaultStatus).unlocked).toBe(true);
    expect(((await open.call('records.list', {})) as RecordPage).total).toBe(0);
    expect(await open.call('records.trash', {})).toEqual([]);
    expect(await open.call('people.list', {})).toEqual([]);
    expect(await open.call('cases.list', {})).toEqual([]);
    expect(await open.call('health.list', {})).toEqual([]);
    expect(((await open.call('vault.status', {})) as VaultStatus).autoLockMinutes).toBe(10);
    expect(((await locked.call('vault.status', {})) as VaultStatus).unlocked).toBe(false);
  });
});

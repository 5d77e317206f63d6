// "Remember on this computer" through the shell's IPC relay (electron/shell/ipc.ts), as the built
// main process (dist/electron/main.cjs) runs it under the electron STAND-IN (not Electron) with
// the real service worker: the passphrase is sealed with safeStorage only where the store is
// real and only when the box is ticked; unlocking without it forgets; a wrong passphrase writes
// nothing; a changed passphrase replaces the remembered one; at start-up a remembered passphrase
// unlocks, and one that no longer works is forgotten.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VaultStatus } from '../../shared/api.js';
import { Vault } from '../../electron/core/vault/vault.js';
import { CALL_CHANNEL } from '../../electron/shell/ipc-policy.js';
import type { CallReply } from '../../electron/shell/preload-bridge.js';
import { FAST_KDF, TEST_PASSPHRASE, tempDir } from '../helpers/temp-vault.js';
import { startMainUnderStandIn, type MainUnderStandIn } from './stand-in/harness.js';
import { STAND_IN_SEALED_PREFIX } from './stand-in/messages.js';

const root = path.resolve(__dirname, '../..');
const mainPath = path.join(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).main as string);
const REAL_STORE = 'gnome_libsecret';
const NEW_PASSPHRASE = 'a brand new passphrase';

let main: MainUnderStandIn | null = null;
let userData: string | null = null;

afterEach(async () => {
  await main?.close();
  main = null;
  if (userData) rmSync(userData, { recursive: true, force: true });
  userData = null;
});

/** A vault where the app keeps it (userData/vault), made with a cheap KDF; optionally a remembered passphrase. */
async function setUp(remembered?: string): Promise<{ file: string }> {
  userData = tempDir('dossier-remember-');
  const { vault } = await Vault.create(path.join(userData, 'vault'), TEST_PASSPHRASE, { kdfCost: FAST_KDF });
  vault.close();
  const file = path.join(userData, 'remembered-passphrase.bin');
  if (remembered !== undefined) writeFileSync(file, seal(remembered));
  return { file };
}

async function start(safeStorageBackend: string): Promise<MainUnderStandIn> {
  expect(existsSync(mainPath), 'the main bundle is built before the tests (npm test builds)').toBe(true);
  main = await startMainUnderStandIn({ mainPath, userData: userData!, version: '0.0.0-remember', safeStorageBackend });
  await main.ready(); // the main process unlocks with a remembered passphrase before its window opens
  return main;
}

const seal = (text: string) => Buffer.from(STAND_IN_SEALED_PREFIX + Buffer.from(text).toString('base64'));
const remembered = (file: string): string | null => {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith(STAND_IN_SEALED_PREFIX), 'written through safeStorage.encryptString').toBe(true);
  return Buffer.from(text.slice(STAND_IN_SEALED_PREFIX.length), 'base64').toString('utf8');
};

async function call(m: MainUnderStandIn, method: string, params: unknown): Promise<CallReply> {
  return (await m.invoke(CALL_CHANNEL, 'main-window', method, params)) as CallReply;
}

async function unlocked(m: MainUnderStandIn): Promise<boolean> {
  const reply = await call(m, 'vault.status', {});
  if (!reply.ok) throw new Error(JSON.stringify(reply));
  return (reply.value as VaultStatus).unlocked;
}

describe('remember the passphrase (IPC relay, built main process, electron stand-in)', () => {
  it('seals it on unlock with the box ticked; keeps it through an unlock that does not say; forgets it on one that unticks', async () => {
    const { file } = await setUp();
    const m = await start(REAL_STORE);
    expect(await call(m, 'shell.rememberSupport', {})).toEqual({ ok: true, value: { available: true } });

    expect(await call(m, 'vault.unlock', { passphrase: TEST_PASSPHRASE, remember: true })).toMatchObject({ ok: true, value: { unlocked: true } });
    expect(remembered(file)).toBe(TEST_PASSPHRASE);
    expect(readFileSync(file, 'utf8')).not.toContain(TEST_PASSPHRASE);

    await call(m, 'vault.lock', {});
    expect(await call(m, 'vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true });
    expect(remembered(file)).toBe(TEST_PASSPHRASE);

    await call(m, 'vault.lock', {});
    expect(await call(m, 'vault.unlock', { passphrase: TEST_PASSPHRASE, remember: false })).toMatchObject({ ok: true });
    expect(existsSync(file)).toBe(false);

    // Neither true nor false is refused before anything is written, deleted or unlocked.
    await call(m, 'vault.unlock', { passphrase: TEST_PASSPHRASE, remember: true });
    await call(m, 'vault.lock', {});
    expect(await call(m, 'vault.unlock', { passphrase: TEST_PASSPHRASE, remember: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    expect(remembered(file)).toBe(TEST_PASSPHRASE);
    expect(await call(m, 'vault.status', {})).toMatchObject({ ok: true, value: { unlocked: false } });
  });

  it('writes nothing for a wrong passphrase, even with the box ticked', async () => {
    const { file } = await setUp();
    const m = await start(REAL_STORE);
    expect(await call(m, 'vault.unlock', { passphrase: 'not the passphrase', remember: true })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(existsSync(file)).toBe(false);
    expect(await unlocked(m)).toBe(false);
  });

  it('never writes it where the secret store is the basic_text fallback, whatever the page sends', async () => {
    const { file } = await setUp();
    const m = await start('basic_text');
    expect(await call(m, 'shell.rememberSupport', {})).toEqual({ ok: true, value: { available: false, reason: 'no-secret-store' } });
    expect(await call(m, 'vault.unlock', { passphrase: TEST_PASSPHRASE, remember: true })).toMatchObject({ ok: true, value: { unlocked: true } });
    expect(existsSync(file)).toBe(false);
    expect((await m.calls()).filter((c) => c.api === 'safeStorage.encryptString')).toEqual([]);
  });

  it('replaces the remembered passphrase when it is changed, and remembers none when none was', async () => {
    const { file } = await setUp();
    const m = await start(REAL_STORE);
    await call(m, 'vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(await call(m, 'vault.changePassphrase', { current: TEST_PASSPHRASE, next: NEW_PASSPHRASE })).toEqual({ ok: true, value: { ok: true } });
    expect(existsSync(file)).toBe(false);

    await call(m, 'vault.lock', {});
    await call(m, 'vault.unlock', { passphrase: NEW_PASSPHRASE, remember: true });
    expect(remembered(file)).toBe(NEW_PASSPHRASE);
    expect(await call(m, 'vault.changePassphrase', { current: NEW_PASSPHRASE, next: TEST_PASSPHRASE })).toMatchObject({ ok: true });
    expect(remembered(file)).toBe(TEST_PASSPHRASE);
    // A refused change leaves it as it was.
    expect(await call(m, 'vault.changePassphrase', { current: 'wrong', next: NEW_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(remembered(file)).toBe(TEST_PASSPHRASE);
  });

  it('unlocks at start-up with a remembered passphrase that works', async () => {
    const { file } = await setUp(TEST_PASSPHRASE);
    const m = await start(REAL_STORE);
    expect(await unlocked(m)).toBe(true);
    expect(remembered(file)).toBe(TEST_PASSPHRASE);
  });

  it('forgets at start-up a remembered passphrase that no longer works, and stays locked', async () => {
    const { file } = await setUp('the passphrase before it was changed elsewhere');
    const m = await start(REAL_STORE);
    expect(await unlocked(m)).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it('does not use a remembered passphrase where the store is not real', async () => {
    const { file } = await setUp(TEST_PASSPHRASE);
    const m = await start('basic_text');
    expect(await unlocked(m)).toBe(false);
    expect((await m.calls()).filter((c) => c.api === 'safeStorage.decryptString')).toEqual([]);
    expect(existsSync(file)).toBe(true);
  });
});

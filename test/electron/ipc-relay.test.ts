// The rest of the shell's IPC relay (electron/shell/ipc.ts), in the built main process under the
// electron STAND-IN (not Electron) with the real service worker: the service's errors reach the
// page as their { code, message }, its events reach the window on the event channel, and a shell
// call with a bad argument is answered without opening any dialog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Vault } from '../../electron/core/vault/vault.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../electron/shell/ipc-policy.js';
import type { CallReply } from '../../electron/shell/preload-bridge.js';
import { FAST_KDF, TEST_PASSPHRASE, tempDir } from '../helpers/temp-vault.js';
import { startMainUnderStandIn, type MainUnderStandIn } from './stand-in/harness.js';

const root = path.resolve(__dirname, '../..');
const mainPath = path.join(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).main as string);

let main: MainUnderStandIn;
let userData: string;

beforeAll(async () => {
  userData = tempDir('dossier-ipc-relay-');
  const { vault } = await Vault.create(path.join(userData, 'vault'), TEST_PASSPHRASE, { kdfCost: FAST_KDF });
  vault.close();
  main = await startMainUnderStandIn({ mainPath, userData, version: '0.0.0-relay' });
  await main.ready();
});

afterAll(async () => {
  await main?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

const call = async (method: string, params: unknown) => (await main.invoke(CALL_CHANNEL, 'main-window', method, params)) as CallReply;

describe('IPC relay (built main process, electron stand-in)', () => {
  it("gives the page the service's own error code and words", async () => {
    expect(await call('records.list', {})).toEqual({ ok: false, error: { code: 'locked', message: 'The vault is locked. Unlock it with your passphrase.' } });
    expect(await call('records.list', { limit: 'all' })).toMatchObject({ ok: false, error: { code: 'invalid-params', message: expect.stringMatching(/^Invalid request \(limit: /) } });
    expect(await call('vault.unlock', { passphrase: 'wrong', remember: false })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
  });

  it("forwards the service's events to the window on the event channel", async () => {
    expect(await call('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true, value: { unlocked: true } });
    expect(await call('vault.lock', {})).toMatchObject({ ok: true, value: { unlocked: false } });
    const sent = (await main.calls()).filter((c) => c.api === 'webContents.send');
    expect(sent.map((c) => [c.args[0], c.args[1], (c.args[2] as { unlocked: boolean; lockReason?: string }).unlocked, (c.args[2] as { lockReason?: string }).lockReason])).toEqual([
      [EVENT_CHANNEL, 'vault.status', true, undefined],
      [EVENT_CHANNEL, 'vault.status', false, 'user'],
    ]);
  });

  it('answers a destination request of an unknown kind with nothing, opening no dialog', async () => {
    // The stand-in's dialogs throw if called: an { ok: true, value: null } reply means none was opened.
    for (const params of [{ kind: 'exe' }, {}, null, 'zip']) expect(await call('shell.pickExportDestination', params)).toEqual({ ok: true, value: null });
  });
});

// The built main process (dist/electron/main.cjs) loaded under plain Node with the electron
// STAND-IN: what it registers, the window it creates, and a real call through its IPC handler to
// the real service worker thread. This checks the wiring; it is not Electron running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_CSP } from '../../electron/shell/csp.js';
import { CALL_CHANNEL } from '../../electron/shell/ipc-policy.js';
import { APP_SCHEME, APP_START_URL } from '../../electron/shell/protocol-path.js';
import type { CallReply } from '../../electron/shell/preload-bridge.js';
import { startMainUnderStandIn, type MainUnderStandIn } from './stand-in/harness.js';
import { expectOneSecureWindow } from './stand-in/window-checks.js';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const mainPath = path.join(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).main as string);

let main: MainUnderStandIn;
let userData: string;

beforeAll(async () => {
  expect(existsSync(mainPath), 'the main bundle is built before the tests (npm test builds)').toBe(true);
  expect(existsSync(path.join(dist, 'renderer', 'index.html')), 'the renderer is built before the tests (npm test builds)').toBe(true);
  userData = mkdtempSync(path.join(os.tmpdir(), 'dossier-wiring-'));
  main = await startMainUnderStandIn({ mainPath, userData, version: '0.0.0-wiring' });
  await main.ready();
});

afterAll(async () => {
  await main?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

describe('main process under the electron stand-in (not Electron)', () => {
  it('takes the single-instance lock and registers app:// as privileged before ready', async () => {
    const calls = await main.calls();
    const lock = calls.findIndex((c) => c.api === 'app.requestSingleInstanceLock');
    expect(lock).toBeGreaterThanOrEqual(0);
    const privileged = calls.filter((c) => c.api === 'protocol.registerSchemesAsPrivileged');
    expect(privileged).toHaveLength(1);
    expect(privileged[0]!.afterReady).toBe(false);
    expect(privileged[0]!.args[0]).toEqual([expect.objectContaining({ scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(calls.filter((c) => c.api === 'protocol.handle').map((c) => c.args[0])).toEqual([APP_SCHEME]);
  });

  it('creates one hardened window with a preload from the build output, loading app://dossier/', async () => {
    await expectOneSecureWindow(main, path.join(dist, 'electron'));
    const calls = await main.calls();
    expect(calls.filter((c) => c.api === 'BrowserWindow.loadURL').map((c) => c.args[0])).toEqual([APP_START_URL]);
  });

  it("serves the renderer's index.html with the CSP header, and nothing outside it", async () => {
    const index = await main.request(APP_START_URL);
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(APP_CSP);
    expect(Buffer.from(index.body).toString('utf8')).toBe(readFileSync(path.join(dist, 'renderer', 'index.html'), 'utf8'));
    const escape = await main.request('app://dossier/..%2f..%2fpackage.json');
    expect(escape.status).toBe(404);
    expect(escape.headers['content-security-policy']).toBe(APP_CSP);
  });

  it('answers vault.status through the IPC handler from the real service worker thread', async () => {
    const calls = await main.calls();
    expect(calls.filter((c) => c.api === 'ipcMain.handle').map((c) => c.args[0])).toEqual([CALL_CHANNEL]);
    const reply = (await main.invoke(CALL_CHANNEL, 'main-window', 'vault.status', {})) as CallReply;
    expect(reply).toEqual({ ok: true, value: expect.objectContaining({ path: path.join(userData, 'vault'), exists: false, unlocked: false }) });
    expect(main.workers().map((w) => w.script)).toContain(path.join(dist, 'electron', 'service-worker.cjs'));
  });

  it('does not offer "remember on this computer" where the keyring is the basic_text fallback', async () => {
    // The stand-in reports encryption "available" through basic_text, as Linux without a keyring does.
    const reply = (await main.invoke(CALL_CHANNEL, 'main-window', 'shell.rememberSupport', {})) as CallReply;
    expect(reply).toEqual({ ok: true, value: { available: false, reason: 'no-secret-store' } });
  });

  it('refuses IPC calls from other frames and unknown methods', async () => {
    for (const from of ['sub-frame', 'other-contents'] as const) {
      expect(await main.invoke(CALL_CHANNEL, from, 'vault.status', {})).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    }
    expect(await main.invoke(CALL_CHANNEL, 'main-window', 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
  });

  it('denies navigation away from the app, new windows, permissions and <webview>', async () => {
    expect(await main.contentsEvent('will-navigate', 'https://evil.example/')).toEqual({ prevented: true });
    expect(await main.contentsEvent('will-redirect', 'file:///etc/passwd')).toEqual({ prevented: true });
    expect(await main.contentsEvent('will-navigate', 'app://dossier/index.html')).toEqual({ prevented: false });
    expect(await main.contentsEvent('will-attach-webview')).toEqual({ prevented: true });
    expect(await main.windowOpen('https://evil.example/')).toEqual({ action: 'deny' });
    expect(await main.windowOpen('app://dossier/index.html')).toEqual({ action: 'deny' });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      expect(await main.permissionRequest(permission)).toBe(false);
      expect(await main.permissionCheck(permission)).toBe(false);
    }
    expect(await main.devicePermission()).toBe(false);
    expect(await main.webRequest('https://tracker.example/pixel.gif')).toEqual({ cancel: true });
    expect(await main.webRequest('app://dossier/assets/app.js')).toEqual({ cancel: false });
    expect((await main.calls()).filter((c) => c.api === 'shell.openExternal')).toEqual([]);
  });
});

// Electron main process: wires the hardened window, the app:// protocol, the service worker,
// IPC, menu and idle lock. Each concern lives in electron/shell/.
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { handleAppProtocol, registerAppScheme } from './shell/app-protocol.js';
import { startActivityRelay } from './shell/activity-relay.js';
import { unlockWithRemembered, wireIpc } from './shell/ipc.js';
import { createMainWindow } from './shell/main-window.js';
import { installMenu } from './shell/menu.js';
import { startServiceHost } from './shell/service-host.js';
import { hardenSession, hardenWebContents } from './shell/session-security.js';

// Bundled to dist/electron/main.cjs: siblings are preload.cjs and service-worker.cjs; the
// renderer is in dist/renderer.
const here = __dirname;
const rendererDir = path.join(here, '..', 'renderer');

app.enableSandbox();
registerAppScheme();
hardenWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit(); // one writer per vault: a second instance just focuses the first
} else {
  let win: BrowserWindow | null = null;
  const service = startServiceHost({
    workerPath: path.join(here, 'service-worker.cjs'),
    vaultDir: path.join(app.getPath('userData'), 'vault'),
    appVersion: app.getVersion(),
  });
  // The service owns the lock state and announces it; the shell only asks it to lock.
  const lock = (): void => void service.call('vault.lock', { reason: 'user' }).catch(() => undefined);

  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  app.whenReady().then(async () => {
    hardenSession();
    handleAppProtocol(rendererDir);
    wireIpc(() => win, service);
    installMenu(lock);
    startActivityRelay(service);
    await unlockWithRemembered(service);
    win = createMainWindow(path.join(here, 'preload.cjs'));
    win.on('closed', () => (win = null));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void service.close());
}

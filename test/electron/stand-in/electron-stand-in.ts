// ============================== STAND-IN — THIS IS NOT ELECTRON ==============================
// No Electron binary can be downloaded on the build machines, so the built main process
// (dist/electron/main.cjs) is loaded under plain Node with this recording imitation of the few
// `electron` APIs it uses. The test harness bundles this file and preloads it with
// `node --require` into a child process. It then
//  - answers require('electron') with the objects below, recording every call in order;
//  - lets the test, over the fork IPC channel, do what Electron would do: emit 'ready', send a
//    request to the registered app:// handler, invoke the IPC handler, fire navigation events;
//  - logs every worker thread started in any thread (the preload runs in workers too).
// A passing test here says the main process is wired right. It never says "Electron ran".
// ==============================================================================================
import { appendFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { isMainThread, threadId, type WorkerOptions } from 'node:worker_threads';
import { STAND_IN_ENV, STAND_IN_SEALED_PREFIX, type CallRecord, type CallerFrame, type Command, type Envelope, type ProtocolReply, type Reply } from './messages.js';

type Listener = (...args: unknown[]) => unknown;

// ---- every thread: log worker starts ---------------------------------------------------------
type WorkerClass = new (script: string | URL, options?: WorkerOptions) => object;
const threads = createRequire(__filename)('node:worker_threads') as { Worker: WorkerClass };
const RealWorker = threads.Worker;
threads.Worker = class LoggedWorker extends RealWorker {
  constructor(script: string | URL, options?: WorkerOptions) {
    const log = process.env[STAND_IN_ENV.workerLog];
    if (log) appendFileSync(log, JSON.stringify({ threadId, script: script instanceof URL ? script.href : script }) + '\n');
    super(script, options);
  }
};
Module.syncBuiltinESMExports();

// ---- the recording ---------------------------------------------------------------------------
const calls: CallRecord[] = [];
let afterReady = false;

function plain(value: unknown): unknown {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'function' ? '[function]' : v));
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

function record(api: string, ...args: unknown[]): void {
  calls.push({ api, args: args.map(plain), afterReady });
}

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  constructor(private readonly name: string) {}
  on(event: string, fn: Listener): this {
    record(`${this.name}.on`, event);
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  off(event: string, fn: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== fn));
    return this;
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((l) => l(...args));
  }
}

// ---- the imitated API surface ----------------------------------------------------------------
let nextContentsId = 1;

class StandInWebContents extends Emitter {
  readonly id = nextContentsId++;
  readonly mainFrame = { url: '', name: 'main-frame' };
  windowOpenHandler: Listener | null = null;
  constructor() {
    super('webContents');
  }
  setWindowOpenHandler(fn: Listener): void {
    record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = fn;
  }
  send(channel: string, ...args: unknown[]): void {
    record('webContents.send', channel, ...args);
  }
}

class StandInApp extends Emitter {
  readonly isPackaged = false;
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  constructor() {
    super('app');
  }
  enableSandbox(): void {
    record('app.enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock');
    return true;
  }
  quit(): void {
    record('app.quit');
  }
  whenReady(): Promise<void> {
    record('app.whenReady');
    return this.readyPromise;
  }
  becomeReady(): void {
    afterReady = true;
    this.emit('ready');
    this.resolveReady();
  }
  getPath(name: string): string {
    record('app.getPath', name);
    const dir = process.env[STAND_IN_ENV.userData];
    if (name !== 'userData' || !dir) throw new Error(`stand-in: app.getPath('${name}') is not imitated`);
    return dir;
  }
  getVersion(): string {
    return process.env[STAND_IN_ENV.version] ?? '0.0.0-stand-in';
  }
}

const app = new StandInApp();
const windows: StandInBrowserWindow[] = [];
let windowCreated: (win: StandInBrowserWindow) => void = () => undefined;
const firstWindow = new Promise<StandInBrowserWindow>((resolve) => (windowCreated = resolve));

class StandInBrowserWindow extends Emitter {
  readonly webContents = new StandInWebContents();
  constructor(options: unknown) {
    super('BrowserWindow');
    record('new BrowserWindow', options);
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents); // as Electron does, during construction
    windowCreated(this);
  }
  loadURL(url: string): Promise<void> {
    record('BrowserWindow.loadURL', url);
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
const ipcHandlers = new Map<string, Listener>();
const sessionHandlers = new Map<string, Listener>();

function storing(map: Map<string, Listener>, api: string, key: string): (fn: Listener) => void {
  return (fn) => {
    record(api);
    map.set(key, fn);
  };
}

const notImitated = (api: string) => (): never => {
  throw new Error(`stand-in: ${api} is not imitated`);
};

const electron = {
  app,
  BrowserWindow: StandInBrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', schemes),
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
      record('protocol.handle', scheme);
      protocolHandlers.set(scheme, handler);
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: storing(sessionHandlers, 'session.setPermissionRequestHandler', 'permission-request'),
      setPermissionCheckHandler: storing(sessionHandlers, 'session.setPermissionCheckHandler', 'permission-check'),
      setDevicePermissionHandler: storing(sessionHandlers, 'session.setDevicePermissionHandler', 'device-permission'),
      webRequest: { onBeforeRequest: storing(sessionHandlers, 'session.webRequest.onBeforeRequest', 'web-request') },
    },
  },
  ipcMain: {
    handle: (channel: string, fn: Listener) => {
      record('ipcMain.handle', channel);
      ipcHandlers.set(channel, fn);
    },
    removeHandler: (channel: string) => {
      record('ipcMain.removeHandler', channel);
      ipcHandlers.delete(channel);
    },
  },
  Menu: {
    buildFromTemplate: (template: unknown) => {
      record('Menu.buildFromTemplate', template);
      return { template };
    },
    setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', menu),
  },
  powerMonitor: Object.assign(new Emitter('powerMonitor'), { getSystemIdleTime: () => 0 }),
  // By default like Linux without a keyring: encryption "available" through the basic_text
  // fallback, which is no secret store. A test may name a real store's backend instead. Sealing is
  // a marked base64 wrapping (STAND_IN_SEALED_PREFIX), not encryption: the test reads it back.
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => process.env[STAND_IN_ENV.safeStorageBackend] ?? 'basic_text',
    encryptString: (text: string): Buffer => {
      record('safeStorage.encryptString'); // never the text: a passphrase
      return Buffer.from(STAND_IN_SEALED_PREFIX + Buffer.from(text, 'utf8').toString('base64'));
    },
    decryptString: (sealed: Buffer): string => {
      record('safeStorage.decryptString');
      const text = sealed.toString('utf8');
      if (!text.startsWith(STAND_IN_SEALED_PREFIX)) throw new Error('stand-in: safeStorage.decryptString: not sealed by safeStorage');
      return Buffer.from(text.slice(STAND_IN_SEALED_PREFIX.length), 'base64').toString('utf8');
    },
  },
  dialog: { showOpenDialog: notImitated('dialog.showOpenDialog'), showSaveDialog: notImitated('dialog.showSaveDialog'), showMessageBox: notImitated('dialog.showMessageBox') },
  shell: {
    openExternal: (url: string) => {
      record('shell.openExternal', url);
      return Promise.resolve();
    },
  },
};

// require('electron') → a module, already loaded, whose exports are the imitation above.
const ELECTRON_ID = `${__filename}#electron-stand-in`;
const standInModule = new Module(ELECTRON_ID);
standInModule.filename = ELECTRON_ID;
standInModule.loaded = true;
standInModule.exports = electron;
require.cache[ELECTRON_ID] = standInModule;
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const realResolve = resolver._resolveFilename;
resolver._resolveFilename = (request, ...rest) => (request === 'electron' ? ELECTRON_ID : realResolve(request, ...rest));

// ---- the test's controls (main thread of the child only) --------------------------------------
function mainWindow(): StandInBrowserWindow {
  const win = windows[0];
  if (!win) throw new Error('stand-in: the main process has not created a window');
  return win;
}

function callerEvent(from: CallerFrame): { sender: StandInWebContents; senderFrame: { url: string } } {
  const win = mainWindow();
  if (from === 'main-window') return { sender: win.webContents, senderFrame: win.webContents.mainFrame };
  if (from === 'sub-frame') return { sender: win.webContents, senderFrame: { url: win.webContents.mainFrame.url } };
  const other = new StandInWebContents();
  other.mainFrame.url = win.webContents.mainFrame.url;
  return { sender: other, senderFrame: other.mainFrame };
}

function sessionHandler(key: string): Listener {
  const fn = sessionHandlers.get(key);
  if (!fn) throw new Error(`stand-in: no ${key} handler was registered`);
  return fn;
}

/** Calls a handler that answers through a callback, and returns what it passed to the callback. */
function viaCallback(fn: Listener, ...args: unknown[]): Promise<unknown> {
  return new Promise((resolve) => void fn(...args, resolve));
}

async function protocolRequest(url: string): Promise<ProtocolReply> {
  const handler = protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
  if (!handler) throw new Error(`stand-in: no protocol handler for ${url}`);
  const res = await handler(new Request(url));
  return { status: res.status, headers: Object.fromEntries(res.headers), body: new Uint8Array(await res.arrayBuffer()) };
}

function contentsEvent(event: string, url: string): { prevented: boolean } {
  let prevented = false;
  mainWindow().webContents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return { prevented };
}

async function run(cmd: Command): Promise<unknown> {
  switch (cmd.op) {
    case 'ready':
      app.becomeReady();
      await Promise.race([firstWindow, mainFailed]);
      return null;
    case 'record':
      return calls;
    case 'protocol-request':
      return protocolRequest(cmd.url);
    case 'ipc-invoke': {
      const handler = ipcHandlers.get(cmd.channel);
      if (!handler) throw new Error(`stand-in: no IPC handler on ${cmd.channel}`);
      return handler(callerEvent(cmd.from), ...cmd.args);
    }
    case 'contents-event':
      return contentsEvent(cmd.event, cmd.url);
    case 'window-open': {
      const fn = mainWindow().webContents.windowOpenHandler;
      if (!fn) throw new Error('stand-in: no window-open handler was set');
      return plain(fn({ url: cmd.url, frameName: '', features: '', disposition: 'new-window' }));
    }
    case 'permission-request':
      return viaCallback(sessionHandler('permission-request'), mainWindow().webContents, cmd.permission);
    case 'permission-check':
      return sessionHandler('permission-check')(mainWindow().webContents, cmd.permission, 'app://dossier', {});
    case 'device-permission':
      return sessionHandler('device-permission')({ deviceType: 'usb', origin: 'app://dossier' });
    case 'web-request':
      return viaCallback(sessionHandler('web-request'), { url: cmd.url, method: 'GET', resourceType: 'mainFrame' });
    case 'quit':
      app.emit('before-quit', { preventDefault: () => undefined });
      return null;
  }
}

let failure: string | null = null;
let failed: (err: Error) => void = () => undefined;
const mainFailed = new Promise<never>((_resolve, reject) => (failed = reject));
mainFailed.catch(() => undefined); // observed through `failure` and the race in 'ready'

if (isMainThread && process.send) {
  process.on('unhandledRejection', (reason) => {
    failure = `unhandled rejection in the main process: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`;
    console.error(failure);
    failed(new Error(failure));
  });
  process.on('message', (msg: Envelope) => {
    const reply = (r: Reply): void => void process.send?.(r);
    run(msg).then(
      (value) => reply(failure ? { id: msg.id, ok: false, error: failure } : { id: msg.id, ok: true, value }),
      (err: unknown) => reply({ id: msg.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
  });
}

// Runs a built Electron main bundle under plain Node in a child process, with the electron
// STAND-IN (electron-stand-in.ts) answering require('electron'). Not Electron: a way to exercise
// the real main-process wiring where no Electron binary exists.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleForNode } from '../../helpers/bundle-for-node.js';
import { STAND_IN_ENV, type CallRecord, type CallerFrame, type Command, type Envelope, type ProtocolReply, type Reply, type WorkerStart } from './messages.js';

export interface MainUnderStandIn {
  /** Emits 'ready' and resolves once the main process has created its window. */
  ready(): Promise<void>;
  calls(): Promise<CallRecord[]>;
  request(url: string): Promise<ProtocolReply>;
  invoke(channel: string, from: CallerFrame, ...args: unknown[]): Promise<unknown>;
  contentsEvent(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url?: string): Promise<{ prevented: boolean }>;
  windowOpen(url: string): Promise<unknown>;
  permissionRequest(permission: string): Promise<unknown>;
  permissionCheck(permission: string): Promise<unknown>;
  devicePermission(): Promise<unknown>;
  webRequest(url: string): Promise<unknown>;
  /** Worker threads started so far, in any thread of the child. */
  workers(): WorkerStart[];
  /** Emits 'before-quit', then ends the child process. */
  close(): Promise<void>;
}

export interface StandInOptions {
  mainPath: string;
  userData: string;
  version: string;
  /** What safeStorage says its Linux backend is (default 'basic_text': no real secret store). */
  safeStorageBackend?: string;
}

export async function startMainUnderStandIn(options: StandInOptions): Promise<MainUnderStandIn> {
  const standIn = await bundleForNode(path.join(__dirname, 'electron-stand-in.ts'));
  const workerLog = path.join(options.userData, 'stand-in-workers.jsonl');
  const child: ChildProcess = fork(options.mainPath, [], {
    execArgv: ['--require', standIn],
    env: {
      ...process.env,
      [STAND_IN_ENV.userData]: options.userData,
      [STAND_IN_ENV.version]: options.version,
      [STAND_IN_ENV.workerLog]: workerLog,
      ...(options.safeStorageBackend ? { [STAND_IN_ENV.safeStorageBackend]: options.safeStorageBackend } : {}),
    },
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  child.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) p?.resolve(reply.value);
    else p?.reject(new Error(`${reply.error}\n--- main process output ---\n${output}`));
  });
  child.on('exit', (code, signal) => {
    for (const p of pending.values()) p.reject(new Error(`the main process exited (${code ?? signal}) \n--- main process output ---\n${output}`));
    pending.clear();
  });

  function send(cmd: Command): Promise<unknown> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child.send({ ...cmd, id } satisfies Envelope);
    });
  }

  return {
    ready: async () => void (await send({ op: 'ready' })),
    calls: async () => (await send({ op: 'record' })) as CallRecord[],
    request: async (url) => (await send({ op: 'protocol-request', url })) as ProtocolReply,
    invoke: (channel, from, ...args) => send({ op: 'ipc-invoke', channel, from, args }),
    contentsEvent: async (event, url = '') => (await send({ op: 'contents-event', event, url })) as { prevented: boolean },
    windowOpen: (url) => send({ op: 'window-open', url }),
    permissionRequest: (permission) => send({ op: 'permission-request', permission }),
    permissionCheck: (permission) => send({ op: 'permission-check', permission }),
    devicePermission: () => send({ op: 'device-permission' }),
    webRequest: (url) => send({ op: 'web-request', url }),
    workers: () =>
      existsSync(workerLog)
        ? readFileSync(workerLog, 'utf8')
            .split('\n')
            .filter((l) => l.length > 0)
            .map((l) => JSON.parse(l) as WorkerStart)
        : [],
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await send({ op: 'quit' }).catch(() => undefined);
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
    },
  };
}

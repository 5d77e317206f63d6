// Main-side relay to the core service, which runs in a worker thread so that hashing, encryption
// and SQLite never block the window's event loop. Plain Node (no 'electron' import) so it is tested
// under vitest with the real built service worker (test/shell/service-host.test.ts).
import { Worker } from 'node:worker_threads';
import type { ApiEvent } from '../../shared/api.js';
import { isApiErrorShape, type ApiErrorShape } from '../../shared/errors.js';
import type { FromWorker, ServiceWorkerData, ToWorker } from '../core/service/worker-protocol.js';
import { releaseLockOfEndedThread } from '../core/vault/lock.js';

export interface ServiceHost {
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: ApiEvent, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: ApiErrorShape) => void;
}

const STOPPED: ApiErrorShape = {
  code: 'internal',
  message: 'The vault service stopped unexpectedly. Your records are safe; please try again.',
};

export function startServiceHost(options: { workerPath: string } & ServiceWorkerData): ServiceHost {
  const listeners = new Set<(event: ApiEvent, payload: unknown) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closing = false;
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();

  function spawn(): Worker {
    const data: ServiceWorkerData = { vaultDir: options.vaultDir, appVersion: options.appVersion };
    const w = new Worker(options.workerPath, { workerData: data });
    w.on('message', (msg: FromWorker) => {
      if (msg.kind === 'event') {
        for (const l of listeners) l(msg.event, msg.payload);
      } else if (msg.kind === 'result') {
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        if (msg.ok) p.resolve(msg.value);
        else p.reject(isApiErrorShape(msg.error) ? msg.error : STOPPED);
      }
    });
    const thread = w.threadId;
    exited = new Promise((resolve) => {
      w.once('exit', () => {
        // A crashed worker fails its in-flight calls; the next call starts a fresh one, which can
        // open the vault: the lock the ended thread held is taken back.
        if (worker === w) worker = null;
        try {
          releaseLockOfEndedThread(options.vaultDir, thread);
        } catch (err) {
          console.error('[dossier] could not release the vault lock of the ended service worker:', err);
        }
        for (const p of pending.values()) p.reject(STOPPED);
        pending.clear();
        resolve();
      });
    });
    w.on('error', (err) => {
      console.error('[dossier] service worker error:', err);
    });
    return w;
  }

  return {
    call(method, params) {
      if (closing) return Promise.reject(STOPPED);
      worker ??= spawn();
      const id = nextId++;
      const msg: ToWorker = { kind: 'call', id, method, params };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage(msg);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closing = true;
      const w = worker;
      if (!w) return;
      const msg: ToWorker = { kind: 'close' };
      w.postMessage(msg);
      // Give the worker time to close the database cleanly, then stop it regardless.
      const timer = setTimeout(() => void w.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

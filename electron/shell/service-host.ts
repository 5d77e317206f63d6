// Main-side relay to the core service, which runs in a worker thread so that hashing, encryption
// and SQLite never block the window's event loop. Plain Node (no 'electron' import) so it is tested
// under vitest with the real built service worker (test/shell/service-host.test.ts).
import { Worker } from 'node:worker_threads';
import type { ApiEvent } from '../../shared/api.js';
import { isApiErrorShape, type ApiErrorShape } from '../../shared/errors.js';
import type { FromWorker, ServiceWorkerData, ToWorker } from '../core/service/worker-protocol.js';
import { RequestChannel } from '../../shared/request-reply.js';
import { releaseLockOfEndedThread } from '../core/vault/lock.js';

export interface ServiceHost {
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: ApiEvent, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

const STOPPED: ApiErrorShape = {
  code: 'internal',
  message: 'The vault service stopped unexpectedly. Your records are safe; please try again.',
};

type Channel = RequestChannel<{ method: string; params: unknown }, unknown>;

export function startServiceHost(options: { workerPath: string } & ServiceWorkerData): ServiceHost {
  const listeners = new Set<(event: ApiEvent, payload: unknown) => void>();
  let closing = false;
  let running: { worker: Worker; channel: Channel; exited: Promise<void> } | null = null;

  function spawn(): NonNullable<typeof running> {
    const data: ServiceWorkerData = { vaultDir: options.vaultDir, appVersion: options.appVersion };
    const worker = new Worker(options.workerPath, { workerData: data });
    const channel: Channel = new RequestChannel((id, { method, params }) => worker.postMessage({ kind: 'call', id, method, params } satisfies ToWorker));
    worker.on('message', (msg: FromWorker) => {
      if (msg.kind === 'event') for (const l of listeners) l(msg.event, msg.payload);
      else if (msg.kind === 'result') channel.settle(msg.id, msg.ok ? msg : { id: msg.id, ok: false, error: isApiErrorShape(msg.error) ? msg.error : STOPPED });
    });
    worker.on('error', (err) => console.error('[dossier] service worker error:', err));
    const thread = worker.threadId;
    const exited = new Promise<void>((resolve) =>
      worker.once('exit', () => {
        // A crashed worker fails its in-flight calls; the next call starts a fresh one, which can
        // open the vault: the lock the ended thread held is taken back.
        if (running?.worker === worker) running = null;
        try {
          releaseLockOfEndedThread(options.vaultDir, thread);
        } catch (err) {
          console.error('[dossier] could not release the vault lock of the ended service worker:', err);
        }
        channel.failAll(STOPPED);
        resolve();
      }),
    );
    return { worker, channel, exited };
  }

  return {
    call(method, params) {
      if (closing) return Promise.reject(STOPPED);
      running ??= spawn();
      return running.channel.request({ method, params });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closing = true;
      if (!running) return;
      const { worker, exited } = running;
      worker.postMessage({ kind: 'close' } satisfies ToWorker);
      // Give the worker time to close the database cleanly, then stop it regardless.
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

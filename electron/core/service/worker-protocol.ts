// Messages between the Electron main process and the service worker thread.
// Structured-clone data only; the worker receives `ServiceWorkerData` as workerData.
import type { ApiEvent } from '../../../shared/api.js';
import type { ApiErrorShape } from '../../../shared/errors.js';

export interface ServiceWorkerData {
  vaultDir: string;
  appVersion: string;
}

export type ToWorker = { kind: 'call'; id: number; method: string; params: unknown } | { kind: 'close' };

export type FromWorker =
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: ApiErrorShape }
  | { kind: 'event'; event: ApiEvent; payload: unknown }
  | { kind: 'closed' };

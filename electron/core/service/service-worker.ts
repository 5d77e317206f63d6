// The service's home in the desktop app: a worker thread, so parsing, hashing, encryption and
// SQLite never block the main process (and with it the window).
import { parentPort, workerData } from 'node:worker_threads';
import { createDossierService } from './service.js';
import { ApiError, toApiError } from './errors.js';
import type { FromWorker, ServiceWorkerData, ToWorker } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('service-worker must run in a worker thread');
const data = workerData as ServiceWorkerData;
const service = createDossierService({ vaultDir: data.vaultDir, appVersion: data.appVersion });
const send = (msg: FromWorker) => port.postMessage(msg);

service.onEvent((event, payload) => send({ kind: 'event', event, payload }));

port.on('message', (msg: ToWorker) => {
  if (msg.kind === 'close') {
    void service.close().then(() => {
      send({ kind: 'closed' });
      port.close();
    });
    return;
  }
  service.call(msg.method, msg.params).then(
    (value) => send({ kind: 'result', id: msg.id, ok: true, value }),
    (err: unknown) => send({ kind: 'result', id: msg.id, ok: false, error: err instanceof ApiError ? err.shape : toApiError(err) }),
  );
});

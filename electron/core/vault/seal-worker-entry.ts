// A seal worker thread: encrypts whole files into staged blobs for the import (seal-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { sealFile, type SealKeys } from './seal-file.js';
import type { SealRequest, SealWorkerData } from './seal-protocol.js';

const port = parentPort;
if (!port) throw new Error('seal-worker must run in a worker thread');
const data = workerData as SealWorkerData;
const keys: SealKeys = { encryptionKey: Buffer.from(data.encryptionKey), namingKey: Buffer.from(data.namingKey) };

port.on('message', ({ id, request }: { id: number; request: SealRequest }) => {
  try {
    const sealed = sealFile(keys, data.tmpDir, new Uint8Array(request.bytes, request.offset, request.length), request.factsJson);
    port.postMessage({ id, ok: true, value: sealed });
  } catch (err) {
    port.postMessage({ id, ok: false, error: { code: (err as NodeJS.ErrnoException).code, message: (err as Error).message } });
  }
});

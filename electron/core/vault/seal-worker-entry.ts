// A seal worker thread: encrypts whole files into staged blobs for the import (seal-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { serveRequests } from '../base/worker-pool.js';
import { sealFile, type SealKeys } from './seal-file.js';
import type { SealRequest, SealWorkerData } from './seal-protocol.js';

if (!parentPort) throw new Error('seal-worker must run in a worker thread');
const data = workerData as SealWorkerData;
const keys: SealKeys = { encryptionKey: Buffer.from(data.encryptionKey), namingKey: Buffer.from(data.namingKey) };

serveRequests(parentPort, (request: SealRequest) => sealFile(keys, data.tmpDir, new Uint8Array(request.bytes, request.offset, request.length), request.factsJson));

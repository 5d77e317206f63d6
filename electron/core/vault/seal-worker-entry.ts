// A vault worker thread: seals whole files into staged blobs for the import, and unseals whole
// blobs (decrypted and hashed) for an export (seal-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { serveRequests } from '../base/worker-pool.js';
import { sealFile, type SealedFile, type SealKeys } from './seal-file.js';
import { unsealFile, type UnsealOutcome } from './unseal-file.js';
import type { SealWorkerData, VaultWorkerRequest } from './seal-protocol.js';

if (!parentPort) throw new Error('seal-worker must run in a worker thread');
const data = workerData as SealWorkerData;
const encryptionKey = Buffer.from(data.encryptionKey);
const keys: SealKeys = { encryptionKey, namingKey: Buffer.from(data.namingKey) };

serveRequests<VaultWorkerRequest, SealedFile | UnsealOutcome>(
  parentPort,
  (request: VaultWorkerRequest): SealedFile | Promise<UnsealOutcome> =>
    request.op === 'unseal'
      ? unsealFile(encryptionKey, request)
      : sealFile(keys, data.tmpDir, new Uint8Array(request.bytes, request.offset, request.length), request.factsJson),
  // A decrypted file goes to the main thread without a copy.
  (value) => ('ok' in value && value.ok ? [value.bytes] : []),
);

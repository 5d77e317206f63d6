// Worker threads that seal whole files for the import, so hashing and encryption run on every core
// while the main thread reads, analyses and commits. Where the worker script cannot start (tests
// running the sources), files are sealed in-thread with the same code.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { findBuiltWorker } from '../base/built-worker.js';
import { RequestChannel } from '../../../shared/request-reply.js';
import { sealFile, type SealedFile, type SealKeys } from './seal-file.js';
import type { SealRequest, SealWorkerData } from './seal-protocol.js';

interface Lane {
  worker: Worker;
  channel: RequestChannel<SealRequest, SealedFile>;
}

export class SealPool {
  private lanes: Lane[] | null = null;

  constructor(
    private readonly keys: SealKeys,
    private readonly tmpDir: string,
  ) {}

  /** Seals `bytes` into a staged blob; the bytes' buffer is handed to the worker and must not be used after. */
  async seal(bytes: Uint8Array, factsJson: string): Promise<SealedFile> {
    const lanes = this.start();
    if (!lanes.length) return sealFile(this.keys, this.tmpDir, bytes, factsJson);
    const lane = lanes.reduce((a, b) => (b.channel.pending < a.channel.pending ? b : a));
    // A private copy to transfer (a Buffer's slice() is a view, not a copy): the caller keeps its bytes.
    const own = new Uint8Array(bytes.byteLength);
    own.set(bytes);
    // A worker keeps the process alive only while it has work (an idle pool must not hold a CLI open).
    lane.worker.ref();
    try {
      return await lane.channel.request({ bytes: own.buffer as ArrayBuffer, offset: 0, length: own.byteLength, factsJson });
    } finally {
      if (!lane.channel.pending) lane.worker.unref();
    }
  }

  close(): void {
    for (const lane of this.lanes ?? []) void lane.worker.terminate();
    this.lanes = [];
  }

  private start(): Lane[] {
    if (this.lanes) return this.lanes;
    const script = findBuiltWorker('seal-worker.js');
    const data: SealWorkerData = { encryptionKey: this.keys.encryptionKey, namingKey: this.keys.namingKey, tmpDir: this.tmpDir };
    this.lanes = script ? Array.from({ length: Math.max(1, Math.min(2, availableParallelism())) }, () => lane(script, data)) : [];
    return this.lanes;
  }
}

function lane(script: string, workerData: SealWorkerData): Lane {
  const worker = new Worker(script, { workerData });
  const channel = new RequestChannel<SealRequest, SealedFile>((id, request) => worker.postMessage({ id, request }, [request.bytes]));
  worker.on('message', (reply: { id: number; ok: true; value: SealedFile } | { id: number; ok: false; error: unknown }) => channel.settle(reply.id, reply));
  worker.on('error', (err) => channel.failAll(err));
  worker.on('exit', () => channel.failAll(new Error('the seal worker stopped')));
  worker.unref();
  return { worker, channel };
}

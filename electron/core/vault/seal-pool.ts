// Worker threads that seal whole files for the import, so hashing and encryption run on every core
// while the main thread reads, analyses and commits. Where the worker script cannot start (tests
// running the sources), files are sealed in-thread with the same code.
import { WorkerPool } from '../base/worker-pool.js';
import { sealFile, type SealedFile, type SealKeys } from './seal-file.js';
import type { SealRequest, SealWorkerData } from './seal-protocol.js';

export class SealPool {
  private readonly pool: WorkerPool<SealRequest, SealedFile>;

  constructor(
    private readonly keys: SealKeys,
    private readonly tmpDir: string,
  ) {
    const workerData: SealWorkerData = { encryptionKey: keys.encryptionKey, namingKey: keys.namingKey, tmpDir };
    this.pool = new WorkerPool({ script: 'seal-worker.js', workerData, transfer: (r) => [r.bytes], label: 'seal' });
  }

  /** Seals `bytes` into a staged blob; the caller keeps its bytes (the worker gets a copy). */
  async seal(bytes: Uint8Array, factsJson: string): Promise<SealedFile> {
    if (!this.pool.available) return sealFile(this.keys, this.tmpDir, bytes, factsJson);
    // A private copy to transfer (a Buffer's slice() is a view, not a copy): the caller keeps its bytes.
    const own = new Uint8Array(bytes.byteLength);
    own.set(bytes);
    return this.pool.request({ bytes: own.buffer as ArrayBuffer, offset: 0, length: own.byteLength, factsJson });
  }

  close(): void {
    this.pool.close();
  }
}

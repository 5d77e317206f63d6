// Worker threads that seal whole files for the import and unseal whole blobs for an export, so
// hashing, encryption and decryption run on every core while the main thread does the I/O. Where
// the worker script cannot start (tests running the sources), the same code runs in-thread.
import { WorkerPool } from '../base/worker-pool.js';
import { sealFile, type SealedFile, type SealKeys } from './seal-file.js';
import { unsealFile, type UnsealOutcome } from './unseal-file.js';
import type { SealRequest, SealWorkerData, UnsealRequest } from './seal-protocol.js';

export class SealPool {
  private readonly sealing: WorkerPool<SealRequest, SealedFile>;
  /** The same worker script; a separate pool only because its replies have another type. */
  private readonly unsealing: WorkerPool<UnsealRequest, UnsealOutcome>;

  constructor(
    private readonly keys: SealKeys,
    private readonly tmpDir: string,
  ) {
    const workerData: SealWorkerData = { encryptionKey: keys.encryptionKey, namingKey: keys.namingKey, tmpDir };
    this.sealing = new WorkerPool({ script: 'seal-worker.js', workerData, transfer: (r) => [r.bytes], label: 'seal' });
    this.unsealing = new WorkerPool({ script: 'seal-worker.js', workerData, label: 'unseal' });
  }

  /** Seals `bytes` into a staged blob; the caller keeps its bytes (the worker gets a copy). */
  async seal(bytes: Uint8Array, factsJson: string): Promise<SealedFile> {
    if (!this.sealing.available) return sealFile(this.keys, this.tmpDir, bytes, factsJson);
    // A private copy to transfer (a Buffer's slice() is a view, not a copy): the caller keeps its bytes.
    const own = new Uint8Array(bytes.byteLength);
    own.set(bytes);
    return this.sealing.request({ op: 'seal', bytes: own.buffer as ArrayBuffer, offset: 0, length: own.byteLength, factsJson });
  }

  /** Decrypts a whole blob and hashes its plaintext (damage comes back as an outcome, not thrown). */
  async unseal(request: Omit<UnsealRequest, 'op'>): Promise<UnsealOutcome> {
    const full: UnsealRequest = { op: 'unseal', ...request };
    if (!this.unsealing.available) return unsealFile(Buffer.from(this.keys.encryptionKey), full);
    return this.unsealing.request(full);
  }

  close(): void {
    this.sealing.close();
    this.unsealing.close();
  }
}

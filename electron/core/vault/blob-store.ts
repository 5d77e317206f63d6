// Encrypted, content-addressed file storage under <vault>/blobs. A blob's name is the HMAC of its
// plaintext under a vault key: identical files are stored once, yet names reveal no file hash.
import { createHmac, randomBytes } from 'node:crypto';
import { promises as fsp, mkdirSync, readdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import {
  CHUNK_SIZE,
  HEADER_SIZE,
  SEALED_CHUNK,
  blobKey,
  layoutForFileSize,
  newHeader,
  openChunk,
  parseHeader,
  sealChunk,
  type BlobHeader,
} from '../crypto/blob-format.js';
import { DossierError, fsError } from '../base/errors.js';
import { fsyncDirSync } from './durable-fs.js';

export interface PutResult {
  blobId: string;
  size: number;
  /** True when an identical blob was already stored (the new copy was discarded). */
  existed: boolean;
}

const BLOB_ID = /^[0-9a-f]{64}$/;
const WRITE_BATCH = 16; // chunks per write() call: ~1 MiB, bounded memory

export class BlobStore {
  readonly dir: string;
  private readonly tmpDir: string;

  constructor(
    vaultDir: string,
    private readonly encryptionKey: Buffer,
    private readonly namingKey: Buffer,
  ) {
    this.dir = path.join(vaultDir, 'blobs');
    this.tmpDir = path.join(this.dir, 'tmp');
    mkdirSync(this.tmpDir, { recursive: true, mode: 0o700 });
  }

  pathOf(blobId: string): string {
    if (!BLOB_ID.test(blobId)) throw new DossierError('damaged', `Invalid blob name "${blobId}".`);
    return path.join(this.dir, blobId.slice(0, 2), blobId);
  }

  has(blobId: string): boolean {
    return existsSync(this.pathOf(blobId));
  }

  /** Streams plaintext in, encrypting chunk by chunk into a temp file; renames when durable. */
  async put(source: AsyncIterable<Uint8Array>): Promise<PutResult> {
    const header = newHeader();
    const key = blobKey(this.encryptionKey, header);
    const hmac = createHmac('sha256', this.namingKey);
    const tmp = path.join(this.tmpDir, `${randomBytes(12).toString('hex')}.tmp`);
    let handle: fsp.FileHandle | undefined;
    let size = 0;
    try {
      handle = await fsp.open(tmp, 'wx', 0o600);
      await handle.write(header.raw);
      let pending: Buffer[] = [];
      let index = 0;
      let carry = Buffer.alloc(0);
      let held: Buffer | null = null; // one full chunk held back until we know if it is the last
      const flush = async () => {
        if (pending.length) await handle!.write(Buffer.concat(pending));
        pending = [];
      };
      for await (const piece of source) {
        size += piece.length;
        hmac.update(piece);
        carry = carry.length ? Buffer.concat([carry, piece]) : Buffer.from(piece);
        while (carry.length >= CHUNK_SIZE) {
          if (held) pending.push(sealChunk(key, header, index++, false, held));
          held = carry.subarray(0, CHUNK_SIZE);
          carry = carry.subarray(CHUNK_SIZE);
          if (pending.length >= WRITE_BATCH) await flush();
        }
      }
      if (held && carry.length === 0) {
        pending.push(sealChunk(key, header, index++, true, held));
      } else {
        if (held) pending.push(sealChunk(key, header, index++, false, held));
        pending.push(sealChunk(key, header, index++, true, carry));
      }
      await flush();
      await handle.sync();
      await handle.close();
      handle = undefined;
      const blobId = hmac.digest('hex');
      const finalPath = this.pathOf(blobId);
      if (existsSync(finalPath)) {
        await fsp.rm(tmp, { force: true });
        return { blobId, size, existed: true };
      }
      await fsp.mkdir(path.dirname(finalPath), { recursive: true, mode: 0o700 });
      await fsp.rename(tmp, finalPath);
      fsyncDirSync(path.dirname(finalPath));
      return { blobId, size, existed: false };
    } catch (err) {
      await handle?.close().catch(() => undefined);
      await fsp.rm(tmp, { force: true }).catch(() => undefined);
      throw fsError(err, 'the encrypted file in the vault');
    }
  }

  async putBytes(bytes: Uint8Array): Promise<PutResult> {
    return this.put((async function* () {
      yield bytes;
    })());
  }

  async open(blobId: string): Promise<BlobReader> {
    const file = this.pathOf(blobId);
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw new DossierError('damaged', `Encrypted file ${blobId.slice(0, 12)}… is missing from the vault.`);
      throw fsError(err, `vault file ${blobId.slice(0, 12)}…`);
    }
    try {
      const { size } = await handle.stat();
      const raw = Buffer.alloc(HEADER_SIZE);
      await handle.read(raw, 0, HEADER_SIZE, 0);
      const header = parseHeader(raw);
      const layout = layoutForFileSize(size);
      return new BlobReader(blobId, handle, header, blobKey(this.encryptionKey, header), layout.chunkCount, layout.plaintextSize);
    } catch (err) {
      await handle.close();
      if (err instanceof DossierError) throw err;
      throw new DossierError('damaged', `Encrypted file ${blobId.slice(0, 12)}… is damaged: ${(err as Error).message}.`);
    }
  }

  /** Removes temp files (interrupted writes) and blobs no record references. */
  sweep(isReferenced: (blobId: string) => boolean): { tempFiles: number; orphans: number } {
    let tempFiles = 0;
    let orphans = 0;
    for (const name of readdirSync(this.tmpDir)) {
      rmSync(path.join(this.tmpDir, name), { force: true });
      tempFiles++;
    }
    for (const sub of readdirSync(this.dir)) {
      if (sub === 'tmp' || !/^[0-9a-f]{2}$/.test(sub)) continue;
      for (const name of readdirSync(path.join(this.dir, sub))) {
        if (BLOB_ID.test(name) && !isReferenced(name)) {
          rmSync(path.join(this.dir, sub, name), { force: true });
          orphans++;
        }
      }
    }
    return { tempFiles, orphans };
  }

  /** Every stored blob id (for the vault check). */
  listIds(): string[] {
    const ids: string[] = [];
    for (const sub of readdirSync(this.dir)) {
      if (!/^[0-9a-f]{2}$/.test(sub)) continue;
      for (const name of readdirSync(path.join(this.dir, sub))) if (BLOB_ID.test(name)) ids.push(name);
    }
    return ids;
  }
}

/** Random-access, authenticated reads of one blob; memory bounded by the chunk size. */
export class BlobReader {
  constructor(
    readonly blobId: string,
    private readonly handle: fsp.FileHandle,
    private readonly header: BlobHeader,
    private readonly key: Buffer,
    readonly chunkCount: number,
    readonly size: number,
  ) {}

  private async chunk(index: number): Promise<Buffer> {
    const last = index === this.chunkCount - 1;
    const position = HEADER_SIZE + index * SEALED_CHUNK;
    const buf = Buffer.alloc(SEALED_CHUNK);
    const { bytesRead } = await this.handle.read(buf, 0, SEALED_CHUNK, position);
    const plain = openChunk(this.key, this.header, index, last, buf.subarray(0, bytesRead));
    if (!plain)
      throw new DossierError('damaged', `Encrypted file ${this.blobId.slice(0, 12)}… is damaged: chunk ${index} of ${this.chunkCount} failed authentication.`);
    return plain;
  }

  /** Reads plaintext bytes [start, end). */
  async read(start: number, end: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.stream(start, end)) parts.push(part);
    return Buffer.concat(parts);
  }

  async readAll(): Promise<Buffer> {
    return this.read(0, this.size);
  }

  /** Yields plaintext of [start, end) chunk by chunk. */
  async *stream(start = 0, end = this.size): AsyncGenerator<Buffer> {
    start = Math.max(0, start);
    end = Math.min(this.size, end);
    if (this.size === 0) {
      await this.chunk(0); // still authenticate an empty blob
      return;
    }
    if (start >= end) return;
    for (let i = Math.floor(start / CHUNK_SIZE); i * CHUNK_SIZE < end; i++) {
      const plain = await this.chunk(i);
      const from = Math.max(0, start - i * CHUNK_SIZE);
      const to = Math.min(plain.length, end - i * CHUNK_SIZE);
      yield plain.subarray(from, to);
    }
  }

  /** Authenticates every chunk; throws a 'damaged' DossierError naming the first bad one. */
  async verify(): Promise<void> {
    for (let i = 0; i < this.chunkCount; i++) await this.chunk(i);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

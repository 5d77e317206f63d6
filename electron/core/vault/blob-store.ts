// Encrypted, content-addressed file storage under <vault>/blobs. A blob's name is the HMAC of its
// plaintext under a vault key: identical files are stored once, yet names reveal no file hash.
import { createHmac, randomBytes, type Hmac } from 'node:crypto';
import { close, fsync, open } from 'node:fs';
import { promisify } from 'node:util';
import { SealPool } from './seal-pool.js';
import type { SealedFile } from './seal-file.js';
import type { UnsealOutcome } from './unseal-file.js';
import { promises as fsp, mkdirSync, readdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import {
  CHUNK_SIZE,
  FOOTER_SIZE,
  HEADER_SIZE,
  SEALED_CHUNK,
  blobKey,
  layoutForFileSize,
  newHeader,
  openChunk,
  openTrailer,
  parseHeader,
  sealChunkParts,
  sealTrailer,
  trailerLength,
  type BlobHeader,
  type ChunkLayout,
} from '../crypto/blob-format.js';
import { DossierError, fsError } from '../base/errors.js';
import { fsyncDir } from './durable-fs.js';
import { asBlobDamage, BlobDamaged, openBlob, type BlobTrailer, type OpenedBlob } from './blob-open.js';
import { writeFully } from '../base/write-fully.js';
import { inLanes } from '../base/in-flight.js';

export { BlobDamaged, type BlobDamage, type BlobTrailer } from './blob-open.js';

/** A blob's plaintext with its hashes (readWhole). */
export interface WholeBlob {
  bytes: Buffer;
  sha256: string;
  sha1?: string;
  crc32?: number;
}

export interface PutResult {
  blobId: string;
  size: number;
  /** True when an identical blob was already stored and kept (the new copy was discarded). */
  existed: boolean;
}

/** A blob written under a temporary name and not yet durable (see BlobStore.stage / settle). */
export interface StagedBlob {
  tmp: string;
  blobId: string;
  size: number;
  /** The file is still open, so making it durable needs no second open. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

function stagedFromHandle(tmp: string, blobId: string, size: number, handle: fsp.FileHandle): StagedBlob {
  return { tmp, blobId, size, sync: () => handle.sync(), close: () => handle.close() };
}

/** A file a seal worker wrote and closed: synced by opening it again (raw descriptors, no FileHandle). */
function stagedFromSealed({ tmp, blobId, size }: SealedFile): StagedBlob {
  return {
    tmp,
    blobId,
    size,
    async sync() {
      const fd = await promisify(open)(tmp, 'r+');
      try {
        await promisify(fsync)(fd);
      } finally {
        await promisify(close)(fd);
      }
    },
    close: async () => undefined,
  };
}

/** Moves a staged blob to its name; its folder (blobs/<first two hex digits>) is made the first time it is needed. */
async function renameIntoFolder(tmp: string, final: string): Promise<void> {
  try {
    await fsp.rename(tmp, final);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await fsp.mkdir(path.dirname(final), { recursive: true, mode: 0o700 });
    await fsp.rename(tmp, final);
  }
}

/** How many staged files are fsynced at once (the I/O thread pool has four threads). */
const SYNC_PARALLELISM = 8;

export interface PutOptions {
  /** The facts sealed into the blob's trailer (JSON-safe), given the content's name and size. */
  facts?: (blobId: string, size: number) => Record<string, unknown>;
  /** An identical blob exists: true keeps it (default); false replaces it with this copy, whose
   * trailer describes the record being created (the old one was not referenced). */
  keepExisting?: (blobId: string) => boolean;
}

const BLOB_ID = /^[0-9a-f]{64}$/;
const WRITE_BATCH = 16; // chunks per write() call: ~1 MiB, bounded memory
/** Chunks per file read in BlobReader.read and .stream: ~1 MiB, so memory stays bounded. */
export const READ_BATCH = 16;

export class BlobStore {
  readonly dir: string;
  private readonly tmpDir: string;
  private pool: SealPool | null = null;

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
  async put(source: AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<PutResult> {
    const staged = await this.stage(source, options.facts);
    const keep = existsSync(this.pathOf(staged.blobId)) && (options.keepExisting?.(staged.blobId) ?? true);
    await this.settle([{ staged, action: keep ? 'discard' : 'store' }]);
    return { blobId: staged.blobId, size: staged.size, existed: keep };
  }

  /**
   * Writes a blob under a temporary name, not yet durable: the import stages a batch of files and
   * then makes them all durable together (settle), instead of waiting on one fsync after another.
   */
  async stage(source: AsyncIterable<Uint8Array>, facts?: PutOptions['facts']): Promise<StagedBlob> {
    const header = newHeader();
    const key = blobKey(this.encryptionKey, header);
    const hmac = createHmac('sha256', this.namingKey);
    const tmp = path.join(this.tmpDir, `${randomBytes(12).toString('hex')}.tmp`);
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(tmp, 'wx', 0o600);
      await handle.write(header.raw);
      const size = await writeChunks(handle, key, header, source, hmac);
      const blobId = hmac.digest('hex');
      const trailer = { blobId, size, facts: facts?.(blobId, size) ?? {} };
      await handle.write(sealTrailer(key, header, Buffer.from(JSON.stringify(trailer), 'utf8')));
      return stagedFromHandle(tmp, blobId, size, handle);
    } catch (err) {
      await handle?.close().catch(() => undefined);
      await fsp.rm(tmp, { force: true }).catch(() => undefined);
      throw fsError(err, 'the encrypted file in the vault');
    }
  }

  /**
   * Stages a whole file already in memory, sealed in a worker thread (both cores work during an
   * import). The bytes' buffer is copied for the worker; the caller may keep using it.
   */
  async stageBytes(bytes: Uint8Array, facts?: PutOptions['facts']): Promise<StagedBlob> {
    try {
      // The facts never depend on the name (the trailer carries name and size beside them).
      return stagedFromSealed(await this.workers().seal(bytes, JSON.stringify(facts?.('', bytes.byteLength) ?? {})));
    } catch (err) {
      throw fsError(err, 'the encrypted file in the vault');
    }
  }

  /** Whether a blob of this name is stored. */
  exists(blobId: string): boolean {
    return existsSync(this.pathOf(blobId));
  }

  /**
   * Makes staged blobs durable under their names, all together: their data synced in parallel, then
   * renamed, then each blob folder synced once. 'discard' drops a staged copy (its content was stored
   * already); 'store' puts it in place, over an earlier copy of the same content if there is one.
   */
  async settle(items: { staged: StagedBlob; action: 'store' | 'discard' }[]): Promise<void> {
    const kept = items.filter((i) => i.action === 'store').map((i) => i.staged);
    try {
      await inLanes(kept, SYNC_PARALLELISM, async (b) => {
        await b.sync();
        await b.close();
      });
      // Renamed several at once (a first import makes most blob folders as it goes); synced after.
      const dirs = new Set<string>();
      await inLanes(kept, SYNC_PARALLELISM, async (b) => {
        const final = this.pathOf(b.blobId);
        await renameIntoFolder(b.tmp, final);
        dirs.add(path.dirname(final));
      });
      await inLanes([...dirs], SYNC_PARALLELISM, (dir) => fsyncDir(dir));
    } catch (err) {
      await this.discard(kept);
      throw fsError(err, 'the encrypted file in the vault');
    } finally {
      await this.discard(items.filter((i) => i.action === 'discard').map((i) => i.staged));
    }
  }

  /** Removes staged copies that will not be kept (a duplicate, an import that stopped). */
  async discard(staged: StagedBlob[]): Promise<void> {
    for (const b of staged) {
      await b.close().catch(() => undefined);
      await fsp.rm(b.tmp, { force: true }).catch(() => undefined);
    }
  }

  async putBytes(bytes: Uint8Array, options: PutOptions = {}): Promise<PutResult> {
    return this.put(
      (async function* () {
        yield bytes;
      })(),
      options,
    );
  }

  /**
   * A whole blob decrypted, with the SHA-256 (and SHA-1, CRC-32 if asked) of its plaintext, worked out in a
   * worker thread: an export writes files while the next ones are decrypted and hashed on the
   * other core. Damage throws BlobDamaged, as open() does.
   */
  async readWhole(blobId: string, options: { sha1?: boolean; crc32?: boolean } = {}): Promise<WholeBlob> {
    const file = this.pathOf(blobId);
    let outcome: UnsealOutcome;
    try {
      outcome = await this.workers().unseal({ file, blobId, sha1: options.sha1 ?? false, crc32: options.crc32 ?? false });
    } catch (err) {
      throw fsError(err, `vault file ${blobId.slice(0, 12)}…`);
    }
    if (!outcome.ok) throw new BlobDamaged(blobId, outcome.damage, outcome.detail);
    const { bytes, sha256, sha1, crc32 } = outcome;
    return { bytes: Buffer.from(bytes), sha256, ...(sha1 ? { sha1 } : {}), ...(crc32 !== undefined ? { crc32 } : {}) };
  }

  /** Started at the first import or export that needs it; stopped when the vault locks. */
  private workers(): SealPool {
    this.pool ??= new SealPool({ encryptionKey: this.encryptionKey, namingKey: this.namingKey }, this.tmpDir);
    return this.pool;
  }

  async open(blobId: string): Promise<BlobReader> {
    const file = this.pathOf(blobId);
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobDamaged(blobId, 'missing', 'missing');
      throw fsError(err, `vault file ${blobId.slice(0, 12)}…`);
    }
    try {
      return await openReader(handle, blobId, this.encryptionKey);
    } catch (err) {
      await handle.close();
      throw asBlobDamage(blobId, err);
    }
  }

  /**
   * Removes temp files of interrupted writes (positive evidence: they never became blobs). Blobs
   * no row references are never deleted here: they are counted, and rebuild-index adopts them.
   */
  sweepTemp(): number {
    let tempFiles = 0;
    for (const name of readdirSync(this.tmpDir)) {
      rmSync(path.join(this.tmpDir, name), { force: true });
      tempFiles++;
    }
    return tempFiles;
  }

  /** Deletes one blob for good: only on positive evidence (its record was purged from the trash). */
  removeSync(blobId: string): void {
    rmSync(this.pathOf(blobId), { force: true });
  }

  /** Zeroes the keys when the vault locks: a later call fails instead of using stale key material. */
  forgetKeys(): void {
    this.pool?.close();
    this.pool = null;
    this.encryptionKey.fill(0);
    this.namingKey.fill(0);
  }

  /** A fresh HMAC under the naming key: fed a file's bytes, it gives the name put() gives it. */
  contentHmac(): Hmac {
    return createHmac('sha256', this.namingKey);
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

/** A reader over an open file, once its header and trailer are checked against its name. */
async function openReader(handle: fsp.FileHandle, blobId: string, encryptionKey: Buffer): Promise<BlobReader> {
  const { size: fileSize } = await handle.stat();
  const opened = await openBlob(blobId, encryptionKey, fileSize, (position, length) => readAt(handle, position, length));
  return new BlobReader(blobId, handle, opened);
}

async function readAt(handle: fsp.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  if (bytesRead !== length) throw new Error('blob is truncated');
  return buf;
}

/** Streams plaintext into sealed chunks (one full chunk held back until we know it is not the last). */
async function writeChunks(handle: fsp.FileHandle, key: Buffer, header: BlobHeader, source: AsyncIterable<Uint8Array>, hmac: Hmac): Promise<number> {
  let pending: Buffer[] = [];
  let index = 0;
  let size = 0;
  let carry: Buffer = Buffer.alloc(0);
  let held: Buffer | null = null;
  const seal = (plain: Buffer, last: boolean) => pending.push(...sealChunkParts(key, header, index++, last, plain));
  const flush = async () => {
    if (pending.length) await writeFully(handle, pending);
    pending = [];
  };
  for await (const piece of source) {
    size += piece.length;
    hmac.update(piece);
    // Views, not copies: a whole file read for analysis is sealed straight from its buffer.
    const view: Buffer = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    carry = carry.length ? Buffer.concat([carry, view]) : view;
    while (carry.length >= CHUNK_SIZE) {
      if (held) seal(held, false);
      held = carry.subarray(0, CHUNK_SIZE);
      carry = carry.subarray(CHUNK_SIZE);
      if (pending.length >= 2 * WRITE_BATCH) await flush();
    }
  }
  if (held && carry.length === 0) seal(held, true);
  else {
    if (held) seal(held, false);
    seal(carry, true);
  }
  await flush();
  return size;
}

/** Random-access, authenticated reads of one blob; memory bounded by the chunk size. */
export class BlobReader {
  constructor(
    readonly blobId: string,
    private readonly handle: fsp.FileHandle,
    { header, key, layout, chunksEnd, trailer }: OpenedBlob,
  ) {
    this.header = header;
    this.key = key;
    this.chunksEnd = chunksEnd;
    this.trailer = trailer;
    this.chunkCount = layout.chunkCount;
    this.size = layout.plaintextSize;
  }

  private readonly header: BlobHeader;
  private readonly key: Buffer;
  /** Where the chunks end (the trailer starts there in format 2). */
  private readonly chunksEnd: number;
  /** Format 2 blobs: what the blob says about itself; null for format 1. */
  readonly trailer: BlobTrailer | null;
  readonly chunkCount: number;
  readonly size: number;

  private async chunk(index: number): Promise<Buffer> {
    const last = index === this.chunkCount - 1;
    const position = HEADER_SIZE + index * SEALED_CHUNK;
    const length = Math.min(SEALED_CHUNK, this.chunksEnd - position);
    const buf = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(buf, 0, length, position);
    const plain = openChunk(this.key, this.header, index, last, buf.subarray(0, bytesRead));
    if (!plain) throw new BlobDamaged(this.blobId, 'corrupt', `chunk ${index} of ${this.chunkCount} failed authentication`);
    return plain;
  }

  /**
   * Reads plaintext bytes [start, end). The sealed chunks are read a batch at a time with one file
   * read each (the viewer reads a frame's file per image: a read per chunk was most of its cost).
   */
  async read(start: number, end: number): Promise<Buffer> {
    start = Math.max(0, start);
    end = Math.min(this.size, end);
    if (this.size === 0) {
      await this.chunk(0); // still authenticate an empty blob
      return Buffer.alloc(0);
    }
    if (start >= end) return Buffer.alloc(0);
    const parts: Buffer[] = [];
    const last = Math.floor((end - 1) / CHUNK_SIZE);
    for (let first = Math.floor(start / CHUNK_SIZE); first <= last; first += READ_BATCH) {
      const plain = await this.chunks(first, Math.min(last, first + READ_BATCH - 1));
      const from = Math.max(0, start - first * CHUNK_SIZE);
      parts.push(plain.subarray(from, Math.min(plain.length, end - first * CHUNK_SIZE)));
    }
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }

  /** Chunks first…last (inclusive) with one read, each authenticated; their plaintext joined. */
  private async chunks(first: number, last: number): Promise<Buffer> {
    const position = HEADER_SIZE + first * SEALED_CHUNK;
    const length = Math.min((last - first + 1) * SEALED_CHUNK, this.chunksEnd - position);
    const sealed = Buffer.alloc(Math.max(0, length));
    let got = 0;
    while (got < sealed.length) {
      const { bytesRead } = await this.handle.read(sealed, got, sealed.length - got, position + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    const plain: Buffer[] = [];
    for (let i = first; i <= last; i++) {
      const at = (i - first) * SEALED_CHUNK;
      const opened = openChunk(this.key, this.header, i, i === this.chunkCount - 1, sealed.subarray(at, Math.min(got, at + SEALED_CHUNK)));
      if (!opened) throw new BlobDamaged(this.blobId, 'corrupt', `chunk ${i} of ${this.chunkCount} failed authentication`);
      plain.push(opened);
    }
    return plain.length === 1 ? (plain[0] as Buffer) : Buffer.concat(plain);
  }

  async readAll(): Promise<Buffer> {
    return this.read(0, this.size);
  }

  /**
   * Yields plaintext of [start, end) a batch of chunks at a time, reading the next batch while the
   * caller handles this one (an export writes one file while the next bytes are read and decrypted).
   */
  async *stream(start = 0, end = this.size): AsyncGenerator<Buffer> {
    start = Math.max(0, start);
    end = Math.min(this.size, end);
    if (this.size === 0) {
      await this.chunk(0); // still authenticate an empty blob
      return;
    }
    if (start >= end) return;
    const last = Math.floor((end - 1) / CHUNK_SIZE);
    const batch = (first: number) => {
      const read = this.chunks(first, Math.min(last, first + READ_BATCH - 1));
      read.catch(() => undefined); // awaited below; a caller that stops early must not leave it unhandled
      return read;
    };
    let first = Math.floor(start / CHUNK_SIZE);
    let next = batch(first);
    for (;;) {
      const plain = await next;
      const following = first + READ_BATCH;
      if (following <= last) next = batch(following);
      yield plain.subarray(Math.max(0, start - first * CHUNK_SIZE), Math.min(plain.length, end - first * CHUNK_SIZE));
      if (following > last) return;
      first = following;
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

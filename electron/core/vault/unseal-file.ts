// Decrypting one whole blob into memory, with the SHA-256 (and, when asked, SHA-1) of its
// plaintext: what an export needs to write a file and list it in the manifest. Run in a vault
// worker thread (seal-pool.ts) so an export decrypts and hashes on every core while the main
// thread writes; in-thread with the same code where no worker can start.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { HEADER_SIZE, SEALED_CHUNK, openChunk } from '../crypto/blob-format.js';
import { BlobDamaged, openBlob, type BlobDamage, type OpenedBlob } from './blob-open.js';
import type { UnsealRequest } from './seal-protocol.js';

export type UnsealOutcome =
  | { ok: true; bytes: ArrayBuffer; sha256: string; sha1?: string; crc32?: number }
  /** Damage is an answer, not a failure of the worker: the caller raises BlobDamaged with it. */
  | { ok: false; damage: BlobDamage; detail: string };

export async function unsealFile(encryptionKey: Buffer, { file, blobId, ...wanted }: UnsealRequest): Promise<UnsealOutcome> {
  let sealed: Buffer;
  try {
    sealed = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, damage: 'missing', detail: 'missing' };
    throw err; // permissions, I/O: the caller words it as a file-system error
  }
  try {
    return decryptWhole(await openWhole(blobId, encryptionKey, sealed), sealed, wanted);
  } catch (err) {
    if (err instanceof BlobDamaged) return { ok: false, damage: err.damage, detail: err.detail };
    return { ok: false, damage: 'corrupt', detail: (err as Error).message };
  }
}

function openWhole(blobId: string, encryptionKey: Buffer, sealed: Buffer): Promise<OpenedBlob> {
  return openBlob(blobId, encryptionKey, sealed.length, (position, length) => {
    if (position < 0 || position + length > sealed.length) throw new Error('blob is truncated');
    return sealed.subarray(position, position + length);
  });
}

function decryptWhole(opened: OpenedBlob, sealed: Buffer, wanted: Pick<UnsealRequest, 'sha1' | 'crc32'>): UnsealOutcome {
  const { header, key, layout, chunksEnd } = opened;
  // Its own ArrayBuffer (never a pooled slab), so it can be handed to the main thread without a copy.
  const plain = new Uint8Array(layout.plaintextSize);
  const sha256 = createHash('sha256');
  const sha1 = wanted.sha1 ? createHash('sha1') : null;
  let at = 0;
  for (let i = 0; i < layout.chunkCount; i++) {
    const start = HEADER_SIZE + i * SEALED_CHUNK;
    const chunk = openChunk(key, header, i, i === layout.chunkCount - 1, sealed.subarray(start, Math.min(chunksEnd, start + SEALED_CHUNK)));
    if (!chunk) throw new Error(`chunk ${i} of ${layout.chunkCount} failed authentication`);
    sha256.update(chunk);
    sha1?.update(chunk);
    plain.set(chunk, at);
    at += chunk.length;
  }
  return {
    ok: true,
    bytes: plain.buffer,
    sha256: sha256.digest('hex'),
    ...(sha1 ? { sha1: sha1.digest('hex') } : {}),
    ...(wanted.crc32 ? { crc32: crc32(plain) } : {}),
  };
}

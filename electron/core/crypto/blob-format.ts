// The encrypted blob format (docs/vault-format.md): a 64-byte header, then chunks of up to 64 KiB
// plaintext, each sealed with AES-256-GCM under a per-blob key. The nonce carries the chunk index
// and a last-chunk flag, and the header is every chunk's AAD: truncation, reordering, chunk
// swapping between blobs and any flipped bit fail authentication. Version 2 adds a sealed trailer
// (what the blob is and which record it belongs to) and an 8-byte footer giving its length.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export const MAGIC = Buffer.from('DOSSIERB', 'ascii');
/** Written by this version; version 1 blobs (no trailer) are still read. */
export const FORMAT_VERSION = 2;
export const READABLE_VERSIONS: readonly number[] = [1, 2];
export const CHUNK_LOG2 = 16;
export const CHUNK_SIZE = 1 << CHUNK_LOG2; // 65,536 bytes of plaintext
export const TAG_SIZE = 16;
export const SEALED_CHUNK = CHUNK_SIZE + TAG_SIZE;
export const HEADER_SIZE = 64;
export const FOOTER_SIZE = 8;
const FOOTER_MAGIC = Buffer.from('DTRL', 'ascii');
/** A trailer describes one file; anything larger is damage, not data. */
export const MAX_TRAILER_BYTES = 64 * 2 ** 20;
const TRAILER_INDEX = 0xffffffff;
const TRAILER_FLAG = 2;
const TRAILER_AAD = Buffer.from('dossier/blob-trailer/v1', 'ascii');
const SALT_OFFSET = 12;
const PREFIX_OFFSET = 44;

export interface BlobHeader {
  raw: Buffer;
  salt: Buffer;
  noncePrefix: Buffer;
  version: number;
}

export function newHeader(): BlobHeader {
  const raw = Buffer.alloc(HEADER_SIZE);
  MAGIC.copy(raw, 0);
  raw[8] = FORMAT_VERSION;
  raw[9] = CHUNK_LOG2;
  randomBytes(32).copy(raw, SALT_OFFSET);
  randomBytes(7).copy(raw, PREFIX_OFFSET);
  return parseHeader(raw);
}

/** Throws a plain Error with the reason; callers turn it into a "damaged blob" error. */
export function parseHeader(raw: Buffer): BlobHeader {
  if (raw.length < HEADER_SIZE) throw new Error('header is truncated');
  if (!raw.subarray(0, 8).equals(MAGIC)) throw new Error('not a Dossier blob (bad magic)');
  if (!READABLE_VERSIONS.includes(raw[8]!)) throw new Error(`unsupported blob version ${raw[8]}`);
  if (raw[9] !== CHUNK_LOG2) throw new Error(`unsupported chunk size 2^${raw[9]}`);
  const header = raw.subarray(0, HEADER_SIZE);
  return { raw: Buffer.from(header), salt: header.subarray(SALT_OFFSET, SALT_OFFSET + 32), noncePrefix: header.subarray(PREFIX_OFFSET, PREFIX_OFFSET + 7), version: raw[8]! };
}

export function blobKey(blobEncryptionKey: Uint8Array, header: BlobHeader): Buffer {
  return Buffer.from(hkdfSync('sha256', blobEncryptionKey, header.salt, 'dossier/blob-chunk/v1', 32));
}

function nonce(header: BlobHeader, index: number, flag: number): Buffer {
  if (index > 0xffffffff) throw new Error('blob too large');
  const n = Buffer.alloc(12);
  header.noncePrefix.copy(n, 0);
  n.writeUInt32BE(index, 7);
  n[11] = flag;
  return n;
}

export function sealChunk(key: Buffer, header: BlobHeader, index: number, last: boolean, plain: Uint8Array): Buffer {
  return Buffer.concat(sealChunkParts(key, header, index, last, plain));
}

/** The sealed chunk as [ciphertext, tag], for writing without a copy (writev). */
export function sealChunkParts(key: Buffer, header: BlobHeader, index: number, last: boolean, plain: Uint8Array): [Buffer, Buffer] {
  const c = createCipheriv('aes-256-gcm', key, nonce(header, index, last ? 1 : 0));
  c.setAAD(header.raw);
  const ciphertext = c.update(plain);
  c.final(); // GCM produces no bytes here, only the tag
  return [ciphertext, c.getAuthTag()];
}

/** Returns the plaintext, or null when authentication fails. */
export function openChunk(key: Buffer, header: BlobHeader, index: number, last: boolean, sealed: Uint8Array): Buffer | null {
  if (sealed.length < TAG_SIZE) return null;
  const d = createDecipheriv('aes-256-gcm', key, nonce(header, index, last ? 1 : 0));
  d.setAAD(header.raw);
  d.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
  try {
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - TAG_SIZE)), d.final()]);
  } catch {
    return null;
  }
}

/** The trailer: sealed like a chunk, with its own nonce (flag 2) and AAD, then the footer. */
export function sealTrailer(key: Buffer, header: BlobHeader, plain: Uint8Array): Buffer {
  const c = createCipheriv('aes-256-gcm', key, nonce(header, TRAILER_INDEX, TRAILER_FLAG));
  c.setAAD(Buffer.concat([header.raw, TRAILER_AAD]));
  const sealed = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  const footer = Buffer.alloc(FOOTER_SIZE);
  FOOTER_MAGIC.copy(footer, 0);
  footer.writeUInt32BE(sealed.length, 4);
  return Buffer.concat([sealed, footer]);
}

/** Length of the sealed trailer named by a footer; throws if the footer is not one. */
export function trailerLength(footer: Uint8Array): number {
  const f = Buffer.from(footer.buffer, footer.byteOffset, footer.byteLength);
  if (f.length !== FOOTER_SIZE || !f.subarray(0, 4).equals(FOOTER_MAGIC)) throw new Error('blob has no valid trailer footer');
  const n = f.readUInt32BE(4);
  if (n < TAG_SIZE || n > MAX_TRAILER_BYTES + TAG_SIZE) throw new Error('blob trailer length is invalid');
  return n;
}

export function openTrailer(key: Buffer, header: BlobHeader, sealed: Uint8Array): Buffer | null {
  if (sealed.length < TAG_SIZE) return null;
  const d = createDecipheriv('aes-256-gcm', key, nonce(header, TRAILER_INDEX, TRAILER_FLAG));
  d.setAAD(Buffer.concat([header.raw, TRAILER_AAD]));
  d.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
  try {
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - TAG_SIZE)), d.final()]);
  } catch {
    return null;
  }
}

export interface ChunkLayout {
  chunkCount: number;
  plaintextSize: number;
}

/** Derives the chunk count and plaintext size from the size of header + chunks, or throws if impossible. */
export function layoutForFileSize(fileSize: number): ChunkLayout {
  const body = fileSize - HEADER_SIZE;
  if (body < TAG_SIZE) throw new Error('blob is truncated (no final chunk)');
  const full = Math.floor(body / SEALED_CHUNK);
  const rest = body % SEALED_CHUNK;
  if (rest === 0) return { chunkCount: full, plaintextSize: full * CHUNK_SIZE };
  if (rest < TAG_SIZE) throw new Error('blob is truncated (partial chunk)');
  // A short final chunk that is empty is only valid for an empty blob.
  if (rest === TAG_SIZE && full > 0) throw new Error('blob has an invalid empty final chunk');
  return { chunkCount: full + 1, plaintextSize: full * CHUNK_SIZE + (rest - TAG_SIZE) };
}

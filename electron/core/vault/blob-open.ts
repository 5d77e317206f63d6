// Opening a blob: its header parsed, its trailer (format 2) authenticated and checked against the
// name it is stored under. Shared by the streaming reader (BlobReader) and the whole-file reader a
// worker thread runs for an export (unseal-file.ts), so both refuse the same damage the same way.
import { DossierError } from '../base/errors.js';
import {
  FOOTER_SIZE,
  HEADER_SIZE,
  blobKey,
  layoutForFileSize,
  openTrailer,
  parseHeader,
  trailerLength,
  type BlobHeader,
  type ChunkLayout,
} from '../crypto/blob-format.js';

/** What a blob says about itself inside its encryption (format 2): its own name and size, and
 * the facts its record is rebuilt from. */
export interface BlobTrailer {
  blobId: string;
  size: number;
  facts: Record<string, unknown>;
}

/** The kinds of damage a blob can have; `check` and the error model speak in these codes. */
export type BlobDamage = 'missing' | 'unreadable' | 'corrupt' | 'swapped';

export class BlobDamaged extends DossierError {
  constructor(
    readonly blobId: string,
    readonly damage: BlobDamage,
    readonly detail: string,
  ) {
    super('damaged', `Encrypted file ${blobId.slice(0, 12)}… is ${damage === 'missing' ? 'missing from the vault' : `damaged: ${detail}`}.`, { details: { blobId, damage } });
  }
}

export interface OpenedBlob {
  header: BlobHeader;
  key: Buffer;
  layout: ChunkLayout;
  /** Where the chunks end (the trailer starts there in format 2). */
  chunksEnd: number;
  /** Format 2 blobs: what the blob says about itself; null for format 1. */
  trailer: BlobTrailer | null;
}

/** Reads `length` bytes at `position`, or throws 'blob is truncated'. */
export type ReadAt = (position: number, length: number) => Promise<Buffer> | Buffer;

/**
 * Reads the header and (format 2) the trailer, and checks the blob is the one its name says.
 * Throws BlobDamaged('swapped') for another blob's content, a plain Error for any other damage.
 */
export async function openBlob(blobId: string, encryptionKey: Buffer, fileSize: number, readAt: ReadAt): Promise<OpenedBlob> {
  const header = parseHeader(await readAt(0, HEADER_SIZE));
  const key = blobKey(encryptionKey, header);
  let chunksEnd = fileSize;
  let trailer: BlobTrailer | null = null;
  if (header.version >= 2) {
    if (fileSize < HEADER_SIZE + FOOTER_SIZE) throw new Error('blob is truncated (no footer)');
    const sealedLength = trailerLength(await readAt(fileSize - FOOTER_SIZE, FOOTER_SIZE));
    chunksEnd = fileSize - FOOTER_SIZE - sealedLength;
    if (chunksEnd < HEADER_SIZE) throw new Error('blob trailer length is invalid');
    const plain = openTrailer(key, header, await readAt(chunksEnd, sealedLength));
    if (!plain) throw new Error('its trailer failed authentication');
    trailer = parseTrailer(plain);
  }
  const layout = layoutForFileSize(chunksEnd);
  if (trailer && trailer.blobId !== blobId) throw new BlobDamaged(blobId, 'swapped', `it holds the content of ${trailer.blobId.slice(0, 12)}… (files swapped or renamed)`);
  if (trailer && trailer.size !== layout.plaintextSize) throw new Error(`its size (${layout.plaintextSize}) differs from its trailer (${trailer.size})`);
  return { header, key, layout, chunksEnd, trailer };
}

function parseTrailer(plain: Buffer): BlobTrailer {
  const t = JSON.parse(plain.toString('utf8')) as Partial<BlobTrailer>;
  if (typeof t.blobId !== 'string' || typeof t.size !== 'number' || typeof t.facts !== 'object' || t.facts === null) throw new Error('its trailer is malformed');
  return { blobId: t.blobId, size: t.size, facts: t.facts };
}

/** Any failure while opening or reading a blob, as the damage it means. */
export function asBlobDamage(blobId: string, err: unknown): DossierError {
  if (err instanceof DossierError) return err;
  return new BlobDamaged(blobId, 'corrupt', (err as Error).message);
}

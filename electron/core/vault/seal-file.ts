// Encrypting one whole file (already in memory) into a staged blob: its name (HMAC), its sealed
// chunks and trailer, written under a temporary name with plain synchronous calls. Run in a seal
// worker thread (seal-pool.ts) so both cores work during an import; in-thread where none can start.
import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, openSync, writevSync } from 'node:fs';
import path from 'node:path';
import { CHUNK_SIZE, blobKey, newHeader, sealChunkParts, sealTrailer } from '../crypto/blob-format.js';

export interface SealKeys {
  encryptionKey: Uint8Array;
  namingKey: Uint8Array;
}

/** What a sealed file left: its temporary path (written, closed, not yet synced), its name and size. */
export interface SealedFile {
  tmp: string;
  blobId: string;
  size: number;
}

export function sealFile(keys: SealKeys, tmpDir: string, bytes: Uint8Array, factsJson: string): SealedFile {
  const header = newHeader();
  const key = blobKey(keys.encryptionKey, header);
  const blobId = createHmac('sha256', keys.namingKey).update(bytes).digest('hex');
  const parts: Buffer[] = [header.raw];
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = Math.max(1, Math.ceil(view.length / CHUNK_SIZE));
  for (let i = 0; i < chunks; i++) parts.push(...sealChunkParts(key, header, i, i === chunks - 1, view.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE)));
  const trailer = `{"blobId":${JSON.stringify(blobId)},"size":${view.length},"facts":${factsJson}}`;
  parts.push(sealTrailer(key, header, Buffer.from(trailer, 'utf8')));
  const tmp = path.join(tmpDir, `${randomBytes(12).toString('hex')}.tmp`);
  // Closed here: a descriptor must not outlive the thread that opened it (Node closes a worker's on exit).
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeAllSync(fd, parts);
  } finally {
    closeSync(fd);
  }
  return { tmp, blobId, size: view.length };
}

function writeAllSync(fd: number, buffers: Buffer[]): void {
  let left = buffers;
  while (left.length) {
    let written = writevSync(fd, left);
    const rest: Buffer[] = [];
    for (const b of left) {
      if (written >= b.length) written -= b.length;
      else {
        rest.push(b.subarray(written));
        written = 0;
      }
    }
    left = rest;
  }
}

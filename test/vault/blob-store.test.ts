import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, truncateSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CHUNK_SIZE, HEADER_SIZE, SEALED_CHUNK } from '../../electron/core/crypto/blob-format.js';
import { makeVault } from '../helpers/temp-vault.js';
import type { Vault } from '../../electron/core/vault/vault.js';
import { READ_BATCH } from '../../electron/core/vault/blob-store.js';

let vault: Vault;
let cleanup: () => void;
beforeAll(async () => ({ vault, cleanup } = await makeVault()));
afterAll(() => cleanup());

async function roundTrip(data: Buffer): Promise<Buffer> {
  const put = await vault.blobs.putBytes(data);
  const reader = await vault.blobs.open(put.blobId);
  try {
    expect(reader.size).toBe(data.length);
    return await reader.readAll();
  } finally {
    await reader.close();
  }
}

describe('blob store', () => {
  it.each([0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE + 17])('round-trips %i bytes', async (size) => {
    const data = randomBytes(size);
    expect((await roundTrip(data)).equals(data)).toBe(true);
  });

  it('reads any byte range without reading the whole blob', async () => {
    const data = randomBytes(5 * CHUNK_SIZE + 123);
    const { blobId } = await vault.blobs.putBytes(data);
    const reader = await vault.blobs.open(blobId);
    for (const [s, e] of [[0, 1], [CHUNK_SIZE - 5, CHUNK_SIZE + 5], [2 * CHUNK_SIZE, 4 * CHUNK_SIZE + 1], [data.length - 3, data.length], [10, 10]] as const)
      expect((await reader.read(s, e)).equals(data.subarray(s, e))).toBe(true);
    await reader.close();
  });

  it('streams in pieces of at most one read batch (memory bounded), the whole content in order', async () => {
    const data = randomBytes((2 * READ_BATCH + 3) * CHUNK_SIZE + 17);
    const { blobId } = await vault.blobs.putBytes(data);
    const reader = await vault.blobs.open(blobId);
    const sizes: number[] = [];
    for await (const piece of reader.stream()) sizes.push(piece.length);
    await reader.close();
    expect(Math.max(...sizes)).toBeLessThanOrEqual(READ_BATCH * CHUNK_SIZE);
    expect(sizes.length).toBe(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(data.length);
    const again = await vault.blobs.open(blobId);
    const parts: Buffer[] = [];
    for await (const piece of again.stream(CHUNK_SIZE - 1, data.length - 5)) parts.push(piece);
    await again.close();
    expect(Buffer.concat(parts).equals(data.subarray(CHUNK_SIZE - 1, data.length - 5))).toBe(true);
  });

  it('stores identical content once, under a name that is not the file hash', async () => {
    const data = Buffer.from('the same report, twice');
    const a = await vault.blobs.putBytes(data);
    const b = await vault.blobs.putBytes(data);
    expect(b.blobId).toBe(a.blobId);
    expect(b.existed).toBe(true);
    const { createHash } = await import('node:crypto');
    expect(a.blobId).not.toBe(createHash('sha256').update(data).digest('hex'));
    expect(readFileSync(vault.blobs.pathOf(a.blobId)).includes(data)).toBe(false);
  });

  it('leaves no temp files behind', async () => {
    await vault.blobs.putBytes(randomBytes(1000));
    expect(readdirSync(path.join(vault.blobs.dir, 'tmp'))).toEqual([]);
  });

  describe('tamper detection', () => {
    async function stored(size: number): Promise<{ id: string; file: string }> {
      const { blobId } = await vault.blobs.putBytes(randomBytes(size));
      return { id: blobId, file: vault.blobs.pathOf(blobId) };
    }
    async function verifyError(id: string): Promise<string> {
      try {
        const r = await vault.blobs.open(id);
        try {
          await r.verify();
        } finally {
          await r.close();
        }
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    }

    it('detects a flipped bit in any chunk, and names the chunk', async () => {
      const { id, file } = await stored(3 * CHUNK_SIZE);
      const bytes = readFileSync(file);
      bytes[HEADER_SIZE + SEALED_CHUNK + 100]! ^= 0x01;
      writeFileSync(file, bytes);
      expect(await verifyError(id)).toMatch(/damaged: chunk 1 of 3 failed authentication/);
    });

    it('detects a flipped bit in the header', async () => {
      const { id, file } = await stored(100);
      const bytes = readFileSync(file);
      bytes[20]! ^= 0x80; // inside the salt
      writeFileSync(file, bytes);
      expect(await verifyError(id)).toMatch(/damaged/);
    });

    it('detects truncation at a chunk boundary', async () => {
      const { id, file } = await stored(3 * CHUNK_SIZE + 10);
      const whole = readFileSync(file);
      // Cut the file short: the footer and trailer are gone.
      truncateSync(file, HEADER_SIZE + 2 * SEALED_CHUNK);
      expect(await verifyError(id)).toMatch(/damaged/);
      // Cut the chunks but keep the trailer and footer: the trailer's size and the last-chunk flag both catch it.
      const tail = whole.subarray(HEADER_SIZE + 3 * SEALED_CHUNK + 26);
      writeFileSync(file, Buffer.concat([whole.subarray(0, HEADER_SIZE + 2 * SEALED_CHUNK), tail]));
      expect(await verifyError(id)).toMatch(/damaged/);
    });

    it('detects a blob stored under another blob\'s name (files swapped on disk)', async () => {
      const a = await stored(1000);
      const b = await stored(1000);
      const bytesA = readFileSync(a.file);
      writeFileSync(a.file, readFileSync(b.file));
      writeFileSync(b.file, bytesA);
      expect(await verifyError(a.id)).toMatch(/holds the content of/);
    });

    it('detects truncation inside a chunk', async () => {
      const { id, file } = await stored(2 * CHUNK_SIZE);
      truncateSync(file, statSync(file).size - 5);
      expect(await verifyError(id)).toMatch(/damaged/);
    });

    it('detects reordered chunks', async () => {
      const { id, file } = await stored(3 * CHUNK_SIZE);
      const b = readFileSync(file);
      const c0 = Buffer.from(b.subarray(HEADER_SIZE, HEADER_SIZE + SEALED_CHUNK));
      const c1 = Buffer.from(b.subarray(HEADER_SIZE + SEALED_CHUNK, HEADER_SIZE + 2 * SEALED_CHUNK));
      c1.copy(b, HEADER_SIZE);
      c0.copy(b, HEADER_SIZE + SEALED_CHUNK);
      writeFileSync(file, b);
      expect(await verifyError(id)).toMatch(/chunk 0 of 3 failed/);
    });

    it('detects a chunk swapped in from another blob', async () => {
      const a = await stored(2 * CHUNK_SIZE);
      const b = await stored(2 * CHUNK_SIZE);
      const ab = readFileSync(a.file);
      const bb = readFileSync(b.file);
      bb.subarray(HEADER_SIZE, HEADER_SIZE + SEALED_CHUNK).copy(ab, HEADER_SIZE);
      writeFileSync(a.file, ab);
      expect(await verifyError(a.id)).toMatch(/chunk 0 of 2 failed/);
    });

    it('detects an appended chunk', async () => {
      const { id, file } = await stored(CHUNK_SIZE);
      const b = readFileSync(file);
      writeFileSync(file, Buffer.concat([b, b.subarray(HEADER_SIZE)]));
      expect(await verifyError(id)).toMatch(/damaged/);
    });

    it('reports a missing blob clearly', async () => {
      expect(await verifyError('ab'.repeat(32))).toMatch(/missing from the vault/);
    });
  });
});

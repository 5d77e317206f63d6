// Sealing (and unsealing) in worker threads: the caller's bytes are copied for the worker, never taken away (a
// Buffer's slice() is a view, and a transferred buffer is detached), and what the worker wrote
// is the same blob the in-thread writer would make: it opens, names itself, and carries its facts.
import { describe, it, expect, afterAll } from 'vitest';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { BlobDamaged } from '../../electron/core/vault/blob-store.js';
import path from 'node:path';
import { findBuiltWorker } from '../../electron/core/base/built-worker.js';
import { makeVault } from '../helpers/temp-vault.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

describe('sealing in worker threads', () => {
  it('runs the built worker (npm test builds it first)', () => {
    expect(findBuiltWorker('seal-worker.js')).not.toBeNull();
  });

  it('leaves the caller its bytes, and stores what a blob must be', async () => {
    const { vault, cleanup } = await makeVault();
    cleanups.push(cleanup);
    const whole = Buffer.alloc(300_000);
    for (let i = 0; i < whole.length; i++) whole[i] = (i * 7) & 0xff;
    const view = whole.subarray(1000, 201_000); // a view into a larger buffer, as file reads and zip entries give
    const staged = await vault.blobs.stageBytes(view, () => ({ note: 'facts' }));
    expect(view.byteLength).toBe(200_000);
    expect(whole.byteLength).toBe(300_000);
    expect(whole[1234]).toBe((1234 * 7) & 0xff);
    await vault.blobs.settle([{ staged, action: 'store' }]);
    expect(existsSync(path.join(vault.blobs.dir, 'tmp', path.basename(staged.tmp)))).toBe(false);
    const reader = await vault.blobs.open(staged.blobId);
    expect((await reader.readAll()).equals(view)).toBe(true);
    expect(reader.trailer).toEqual({ blobId: staged.blobId, size: 200_000, facts: { note: 'facts' } });
    await reader.close();
  });
});

describe('unsealing whole blobs in worker threads (an export)', () => {
  async function stored(bytes: Buffer) {
    const { vault, cleanup } = await makeVault();
    cleanups.push(cleanup);
    const { blobId } = await vault.blobs.putBytes(bytes);
    return { vault, blobId };
  }

  it('gives the bytes the streaming reader gives, with their SHA-256, SHA-1 and CRC-32', async () => {
    const bytes = Buffer.alloc(3 * 65_536 + 123);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    const { vault, blobId } = await stored(bytes);
    const whole = await vault.blobs.readWhole(blobId, { sha1: true, crc32: true });
    expect(whole.bytes.equals(bytes)).toBe(true);
    expect(whole.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(whole.sha1).toBe(createHash('sha1').update(bytes).digest('hex'));
    expect(whole.crc32).toBe(crc32(bytes));
    const plain = await vault.blobs.readWhole(blobId);
    expect(plain.sha1).toBeUndefined();
    expect(plain.crc32).toBeUndefined();
  });

  it('an empty file comes back empty', async () => {
    const { vault, blobId } = await stored(Buffer.alloc(0));
    const whole = await vault.blobs.readWhole(blobId);
    expect(whole.bytes.byteLength).toBe(0);
    expect(whole.sha256).toBe(createHash('sha256').digest('hex'));
  });

  it('names a missing, a damaged and a swapped blob as the streaming reader does', async () => {
    const { vault, blobId } = await stored(Buffer.from('first file '.repeat(10_000)));
    const other = (await vault.blobs.putBytes(Buffer.from('second file '.repeat(10_000)))).blobId;
    const file = vault.blobs.pathOf(blobId);
    const original = readFileSync(file);

    const damage = async () => {
      const whole = await vault.blobs.readWhole(blobId).then(() => null, (e: unknown) => e as BlobDamaged);
      const streamed = async () => {
        const reader = await vault.blobs.open(blobId);
        await reader.readAll().finally(() => reader.close());
      };
      const opened = await streamed().then(() => null, (e: unknown) => e as BlobDamaged);
      expect(whole).toBeInstanceOf(BlobDamaged);
      expect(whole?.damage).toBe(opened?.damage);
      return whole!;
    };

    const flipped = Buffer.from(original);
    flipped[200] = flipped[200]! ^ 1;
    writeFileSync(file, flipped);
    expect((await damage()).damage).toBe('corrupt');

    copyFileSync(vault.blobs.pathOf(other), file);
    const swapped = await damage();
    expect(swapped.damage).toBe('swapped');
    expect(swapped.message).toMatch(/swapped or renamed/);

    rmSync(file);
    expect((await damage()).damage).toBe('missing');
  });
});

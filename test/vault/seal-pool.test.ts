// Sealing in worker threads: the caller's bytes are copied for the worker, never taken away (a
// Buffer's slice() is a view, and a transferred buffer is detached), and what the worker wrote
// is the same blob the in-thread writer would make: it opens, names itself, and carries its facts.
import { describe, it, expect, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
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

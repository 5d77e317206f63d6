// Auto-lock, owned by the service's session (session.ts): after the configured minutes without
// activity the vault locks and one 'vault.status' event says so; activity (vault.activity, or any
// call) starts the wait again; work in flight — a long import — is never locked under it: the
// lock waits until the work is done, then the full idle time. Time is vitest's fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiEvent, LockReason, VaultStatus } from '../../shared/api.js';
import type { ImportSummary } from '../../shared/domain.js';
import { createDossierService, type DossierService } from '../../electron/core/service/service.js';
import { FAST_KDF, TEST_PASSPHRASE, tempDir } from '../helpers/temp-vault.js';

const MINUTE = 60_000;

let root: string;
let service: DossierService;
let events: [ApiEvent, unknown][];

/** The 'vault.status' events that announced a lock. */
const lockEvents = () => events.filter(([e, p]) => e === 'vault.status' && !(p as VaultStatus).unlocked).map(([, p]) => p as VaultStatus & { lockReason?: LockReason });
const unlocked = async () => ((await service.call('vault.status', {})) as VaultStatus).unlocked;

beforeEach(async () => {
  // Only the timers are fake: scrypt, SQLite and the seal threads run as usual.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  root = tempDir('dossier-auto-lock-');
  service = createDossierService({ vaultDir: path.join(root, 'vault'), kdfCost: FAST_KDF });
  await service.call('vault.create', { passphrase: TEST_PASSPHRASE });
  events = [];
  service.onEvent((event, payload) => events.push([event, payload]));
});

afterEach(async () => {
  vi.useRealTimers();
  await service?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('auto-lock', () => {
  it('locks after the configured minutes without activity, announcing it once', async () => {
    expect(await service.call('settings.setAutoLock', { minutes: 2 })).toMatchObject({ unlocked: true, autoLockMinutes: 2 });
    await vi.advanceTimersByTimeAsync(2 * MINUTE - 1);
    expect(await unlocked()).toBe(true);
    expect(lockEvents()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await unlocked()).toBe(false);
    expect(lockEvents()).toEqual([expect.objectContaining({ unlocked: false, lockReason: 'idle' })]);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(lockEvents()).toHaveLength(1);
    await expect(service.call('records.list', {})).rejects.toMatchObject({ shape: { code: 'locked' } });
  });

  it('uses the default of 10 minutes until it is set, and keeps the setting across unlocks', async () => {
    await vi.advanceTimersByTimeAsync(10 * MINUTE - 1);
    expect(await unlocked()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(lockEvents()).toHaveLength(1);
    await service.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    await service.call('settings.setAutoLock', { minutes: 3 });
    await service.call('vault.lock', {});
    expect(await service.call('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ unlocked: true, autoLockMinutes: 3 });
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(lockEvents().map((s) => s.lockReason)).toEqual(['idle', 'user', 'idle']);
  });

  it('starts the wait again on vault.activity and on any call', async () => {
    await service.call('settings.setAutoLock', { minutes: 1 });
    await vi.advanceTimersByTimeAsync(50_000);
    expect(await service.call('vault.activity', {})).toEqual({ ok: true });
    await vi.advanceTimersByTimeAsync(50_000); // 100 s since the setting, 50 s since the activity
    expect(await unlocked()).toBe(true);
    await service.call('records.list', {});
    await vi.advanceTimersByTimeAsync(MINUTE - 1);
    expect(await unlocked()).toBe(true);
    expect(lockEvents()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(lockEvents()).toEqual([expect.objectContaining({ lockReason: 'idle' })]);
  });

  it('never locks when set to 0 (off)', async () => {
    await service.call('settings.setAutoLock', { minutes: 0 });
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect(await unlocked()).toBe(true);
    expect(lockEvents()).toEqual([]);
  });

  it('does not lock under an import in flight; locks the full idle time after it ends', async () => {
    await service.call('settings.setAutoLock', { minutes: 1 });
    const folder = path.join(root, 'notes');
    mkdirSync(folder);
    for (let i = 1; i <= 12; i++) writeFileSync(path.join(folder, `note-${i}.txt`), `Clinic note ${i}\nDate: 2024-01-${String(i).padStart(2, '0')}\nSeen today.\n`);
    // While the import runs (its first progress report), five idle periods go by.
    let advanced = false;
    const stop = service.onEvent((event) => {
      if (event !== 'import.progress' || advanced) return;
      advanced = true;
      vi.advanceTimersByTime(5 * MINUTE);
    });
    const summary = (await service.call('import.paths', { paths: [folder] })) as ImportSummary;
    stop();
    expect(advanced).toBe(true);
    expect(summary.stopped).toBeUndefined();
    expect(summary.imported).toBe(12);
    expect(lockEvents()).toEqual([]);
    await vi.advanceTimersByTimeAsync(MINUTE - 1);
    expect(await unlocked()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(lockEvents()).toEqual([expect.objectContaining({ lockReason: 'idle' })]);
    await service.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(((await service.call('records.list', {})) as { total: number }).total).toBe(12);
  });
});

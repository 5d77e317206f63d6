// The Electron shell's relay to the service (service-host.ts), running the REAL built service
// worker (dist/electron/service-worker.cjs, what main.ts spawns) on a temp vault: create, lock,
// unlock, an import, the records and their bytes back, errors and events relayed as the service
// gives them; a worker that exits fails the calls waiting on it with a clear code, and the next
// call starts a fresh worker that can open the vault again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ApiEvent, FileChunk, RecordPage, VaultStatus } from '../../shared/api.js';
import type { ImportSummary, RecordDetail } from '../../shared/domain.js';
import { startServiceHost, type ServiceHost } from '../../electron/shell/service-host.js';
import { TEST_PASSPHRASE, tempDir } from '../helpers/temp-vault.js';

// Every worker the host starts, so the test can end one the way a crash would.
const { started } = vi.hoisted(() => ({ started: [] as Worker[] }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class RecordedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      started.push(this);
    }
  }
  return { ...real, Worker: RecordedWorker, default: { ...real, Worker: RecordedWorker } };
});

const WORKER = path.resolve(__dirname, '../../dist/electron/service-worker.cjs');
const STOPPED = { code: 'internal', message: 'The vault service stopped unexpectedly. Your records are safe; please try again.' };

let host: ServiceHost | null = null;
let root: string | null = null;

afterEach(async () => {
  await host?.close();
  host = null;
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
  started.length = 0;
});

function start(): { host: ServiceHost; vaultDir: string; events: [ApiEvent, unknown][] } {
  expect(existsSync(WORKER), 'the service worker is built before the tests (npm test builds)').toBe(true);
  root = tempDir('dossier-service-host-');
  const vaultDir = path.join(root, 'vault');
  host = startServiceHost({ workerPath: WORKER, vaultDir, appVersion: '9.9.9-host-test' });
  const events: [ApiEvent, unknown][] = [];
  host.onEvent((event, payload) => events.push([event, payload]));
  return { host, vaultDir, events };
}

function notes(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `note-${String(i + 1).padStart(3, '0')}.txt`);
    writeFileSync(file, `Clinic note ${i + 1}\nDate: 2024-02-${String((i % 28) + 1).padStart(2, '0')}\nSeen today, number ${i + 1}.\n`);
    return file;
  });
}

describe('service host with the real service worker', () => {
  it('creates, locks and unlocks a vault, imports, and reads the records and their bytes back', async () => {
    const { host: h, vaultDir, events } = start();
    expect(await h.call('vault.status', {})).toEqual({ path: vaultDir, exists: false, unlocked: false, autoLockMinutes: 10 });
    expect(started).toHaveLength(1);
    const { recoveryKey } = (await h.call('vault.create', { passphrase: TEST_PASSPHRASE })) as { recoveryKey: string };
    expect(recoveryKey).toMatch(/[A-Z0-9]{4}/);
    expect(existsSync(path.join(vaultDir, 'vault.json'))).toBe(true);

    const [file] = notes(path.join(root!, 'inputs'), 1);
    const summary = (await h.call('import.paths', { paths: [file!] })) as ImportSummary;
    expect(summary).toMatchObject({ imported: 1, skipped: 0 });
    const page = (await h.call('records.list', {})) as RecordPage;
    expect(page.records.map((r) => r.title)).toEqual(['Clinic note 1']);
    const detail = (await h.call('records.get', { id: page.records[0]!.id })) as RecordDetail;
    const chunk = (await h.call('files.read', { id: detail.files[0]!.id })) as FileChunk;
    expect(chunk.bytes).toBeInstanceOf(Uint8Array); // structured clone keeps the bytes as bytes
    expect(Buffer.from(chunk.bytes).equals(readFileSync(file!))).toBe(true);

    expect(await h.call('vault.lock', {})).toMatchObject({ unlocked: false });
    await expect(h.call('records.list', {})).rejects.toEqual({ code: 'locked', message: 'The vault is locked. Unlock it with your passphrase.' });
    await expect(h.call('vault.unlock', { passphrase: 'not the passphrase' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(h.call('records.list', { limit: 'ten' })).rejects.toMatchObject({ code: 'invalid-params' });
    await expect(h.call('no.such.method', {})).rejects.toMatchObject({ code: 'invalid-params' });
    expect(await h.call('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ unlocked: true });
    expect(((await h.call('records.list', {})) as RecordPage).total).toBe(1);
    expect(started).toHaveLength(1); // one worker served all of it

    // The service's events crossed the thread: lock state, import progress and outcomes.
    const statuses = events.filter(([e]) => e === 'vault.status').map(([, p]) => (p as VaultStatus & { lockReason?: string }).unlocked);
    expect(statuses).toEqual([true, false, true]);
    expect(events.some(([e]) => e === 'import.progress')).toBe(true);
    expect(events.filter(([e]) => e === 'import.outcomes').flatMap(([, p]) => p as unknown[])).toEqual([expect.objectContaining({ path: file, status: 'imported' })]);
  });

  it('fails the calls waiting on a worker that exits with a clear code; the next call starts a fresh worker that opens the vault', async () => {
    const { host: h } = start();
    await h.call('vault.create', { passphrase: TEST_PASSPHRASE });
    const inputs = notes(path.join(root!, 'many'), 300);
    // The worker ends (as a crash would) while an import is on its way: at its first progress report.
    const stop = h.onEvent((event) => {
      if (event === 'import.progress') void started[0]!.terminate();
    });
    const importing = h.call('import.paths', { paths: inputs });
    await expect(importing).rejects.toEqual(STOPPED);
    stop();
    expect(started).toHaveLength(1);

    const status = (await h.call('vault.status', {})) as VaultStatus;
    expect(started).toHaveLength(2);
    expect(status).toMatchObject({ exists: true, unlocked: false });
    expect(await h.call('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ unlocked: true });
    const again = (await h.call('import.paths', { paths: inputs })) as ImportSummary;
    expect(again.imported + again.duplicates).toBe(300);
    expect(((await h.call('records.list', {})) as RecordPage).total).toBe(300);
  });

  it('refuses calls after close, and the worker is gone', async () => {
    const { host: h } = start();
    await h.call('vault.create', { passphrase: TEST_PASSPHRASE });
    const worker = started[0]!;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await h.close();
    await exited;
    await expect(h.call('vault.status', {})).rejects.toEqual(STOPPED);
    expect(started).toHaveLength(1);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServiceHost, type ServiceHost } from '../../electron/shell/service-host.js';

// A stand-in worker speaking the service-protocol messages (plain JS: the real one is bundled).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.kind === 'close') { parentPort.postMessage({ kind: 'closed' }); process.exit(0); }
  if (m.method === 'echo') parentPort.postMessage({ kind: 'result', id: m.id, ok: true, value: { params: m.params, vaultDir: workerData.vaultDir } });
  else if (m.method === 'boom') parentPort.postMessage({ kind: 'result', id: m.id, ok: false, error: { code: 'damaged', message: 'Vault damaged.' } });
  else if (m.method === 'event') { parentPort.postMessage({ kind: 'event', event: 'import.progress', payload: { filesDone: 1 } }); parentPort.postMessage({ kind: 'result', id: m.id, ok: true, value: null }); }
  else if (m.method === 'crash') process.exit(3);
});
`;

let host: ServiceHost | null = null;
afterEach(async () => host?.close());

function start(): ServiceHost {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-sh-'));
  const workerPath = path.join(dir, 'worker.cjs');
  writeFileSync(workerPath, WORKER);
  host = startServiceHost({ workerPath, vaultDir: '/v', appVersion: '1' });
  return host;
}

describe('service host relay', () => {
  it('relays calls, errors and events', async () => {
    const h = start();
    expect(await h.call('echo', { a: 1 })).toEqual({ params: { a: 1 }, vaultDir: '/v' });
    await expect(h.call('boom', {})).rejects.toEqual({ code: 'damaged', message: 'Vault damaged.' });
    const events: unknown[] = [];
    h.onEvent((e, p) => events.push([e, p]));
    await h.call('event', {});
    expect(events).toEqual([['import.progress', { filesDone: 1 }]]);
  });

  it('fails in-flight calls when the worker dies, then starts a fresh one', async () => {
    const h = start();
    await expect(h.call('crash', {})).rejects.toMatchObject({ code: 'internal' });
    expect(await h.call('echo', 2)).toMatchObject({ params: 2 });
  });
});

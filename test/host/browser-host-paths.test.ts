// Browser mode with the REAL service: the page can send no path the person did not choose. The
// host's folder chooser lists removable drives and the home folder, opens typed absolute paths
// (refusing relative ones, and saying why a folder cannot be opened), makes folders, and issues a
// grant for the chosen one; the relay swaps grants for paths and refuses raw paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host.js';
import { FAST_KDF } from '../helpers/temp-vault.js';
import type { FolderListing, FolderPlace } from '../../shared/folders.js';
import type { ChosenPath } from '../../shared/path-params.js';

let host: BrowserHost;
let root: string;
let ws: WebSocket;
let nextId = 1;

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

function call(method: string, params: unknown): Promise<Reply> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: unknown) => {
      const msg = JSON.parse(String(data)) as Reply & { id?: number };
      if (msg.id !== id) return;
      ws.off('message', onMessage);
      resolve(msg);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ token: host.token, id, method, params }));
  });
}

async function value<T>(method: string, params: unknown): Promise<T> {
  const r = await call(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

async function problem(method: string, params: unknown): Promise<unknown> {
  const r = await call(method, params);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error.details?.['problem'];
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'dossier-host-paths-'));
  const dist = path.join(root, 'dist');
  mkdirSync(dist);
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Dossier</title>');
  host = await startBrowserHost({ vaultDir: path.join(root, 'vault'), distDir: dist, kdfCost: FAST_KDF });
  ws = await new Promise<WebSocket>((resolve, reject) => {
    const s = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { headers: { Origin: `http://127.0.0.1:${host.port}` } });
    s.once('open', () => resolve(s));
    s.once('error', reject);
  });
  await value('vault.create', { passphrase: 'correct horse battery staple' });
});
afterAll(async () => {
  ws?.close();
  await host?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('paths in browser mode', () => {
  it('refuses a raw path in any path param', async () => {
    expect(await problem('export.run', { all: true, destination: { kind: 'folder', path: 'my usb stick' } })).toBe('raw-path');
    expect(await problem('export.run', { all: true, destination: { kind: 'folder', path: '/proc/forbidden' } })).toBe('raw-path');
    expect(await problem('import.paths', { paths: ['/etc/hostname'] })).toBe('raw-path');
    expect(await problem('vault.backup', { destination: root })).toBe('raw-path');
    expect(await problem('export.verify', { path: root })).toBe('raw-path');
  });

  it('offers the home folder among the places', async () => {
    const places = await value<FolderPlace[]>('folders.places', {});
    expect(places.at(-1)).toMatchObject({ kind: 'home', label: expect.any(String) });
    expect(JSON.stringify(places)).not.toContain('"path"');
  });

  it('opens only absolute typed paths, and says why a folder cannot be opened', async () => {
    writeFileSync(path.join(root, 'a-file.txt'), 'x');
    expect(await problem('folders.open', { typed: 'my usb stick' })).toBe('relative-path');
    expect(await problem('folders.open', { typed: path.join(root, 'no-such-folder') })).toBe('missing-folder');
    expect(await problem('folders.open', { typed: path.join(root, 'a-file.txt') })).toBe('not-a-folder');
    expect(await problem('folders.list', { handle: 'made-up' })).toBe('unknown-folder');
  });

  it('moves into folders, makes one, and grants the chosen one; the service writes there', async () => {
    mkdirSync(path.join(root, 'stick'));
    const top = await value<FolderListing>('folders.open', { typed: root });
    expect(top.path).toBe(root);
    const stick = top.folders.find((f) => f.name === 'stick')!;
    const inside = await value<FolderListing>('folders.list', { handle: stick.handle });
    expect(inside.parent).toBe(top.handle);
    expect(await problem('folders.create', { handle: inside.handle, name: '../escape' })).toBe('bad-name');
    const made = await value<FolderListing>('folders.create', { handle: inside.handle, name: 'For Dr Meyer' });
    expect(made.path).toBe(path.join(root, 'stick', 'For Dr Meyer'));
    const chosen = await value<ChosenPath>('folders.choose', { handle: made.handle, purpose: 'write' });
    expect(chosen.label).toBe(made.path);
    await value('vault.backup', { destination: chosen.grant });
    expect(readdirSync(made.path).length).toBeGreaterThan(0);
  });

  it('grants a new zip file inside a chosen folder, and refuses a folder nothing can be written to', async () => {
    const top = await value<FolderListing>('folders.open', { typed: root });
    const chosen = await value<ChosenPath>('folders.choose', { handle: top.handle, purpose: 'write', fileName: 'second-opinion.zip' });
    expect(chosen.label).toBe(path.join(root, 'second-opinion.zip'));
    expect(await problem('folders.choose', { handle: top.handle, purpose: 'write', fileName: '../x.zip' })).toBe('bad-name');
    const proc = await value<FolderListing>('folders.open', { typed: '/proc' });
    expect(await problem('folders.choose', { handle: proc.handle, purpose: 'write' })).toBe('not-writable');
    expect(existsSync(path.join(root, 'second-opinion.zip'))).toBe(false);
  });
});

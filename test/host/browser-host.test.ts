import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, startBrowserHost, type BrowserHost } from '../../electron/host/browser-host.js';
import { encodeUploadHeader } from '../../electron/host/upload-format.js';
import { FAST_KDF } from '../helpers/temp-vault.js';
import { packBinary, unpackBinary } from '../../shared/binary-message.js';
import type { FrameResult, ImageSeries } from '../../shared/imaging/series.js';
import { decodeFrameSync } from '../../electron/core/dicom/pixels/index.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';

let host: BrowserHost;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'dossier-host-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Dossier</title>');
  writeFileSync(path.join(os.tmpdir(), 'dossier-secret.txt'), 'secret');
  // The real service on a temp vault: no stand-in behind the host.
  host = await startBrowserHost({ vaultDir: path.join(dist, 'vault'), distDir: dist, kdfCost: FAST_KDF });
});
afterAll(async () => {
  await host.close();
  rmSync(dist, { recursive: true, force: true });
});

function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: pathname, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(query: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

const goodHeaders = (): Record<string, string> => ({ Origin: `http://127.0.0.1:${host.port}` });

function ask(ws: WebSocket, msg: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.once('close', (code, reason) => resolve({ closed: code, reason: String(reason) }));
    ws.send(JSON.stringify(msg));
  });
}

describe('browser host', () => {
  it('prints a loopback URL carrying the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
  });

  it('serves the renderer with the CSP (allowing only its own WebSocket)', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Dossier</title>');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('refuses a wrong Host header (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${host.port}` })).status).toBe(421);
  });

  it('refuses path traversal', async () => {
    for (const p of ['/../dossier-secret.txt', '/..%2fdossier-secret.txt', '/%2e%2e/dossier-secret.txt']) {
      const res = await get(p);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('secret');
    }
  });

  it('refuses WebSocket upgrades without the token, with a foreign Origin, or a wrong Host', async () => {
    await expect(connect('', goodHeaders())).rejects.toThrow(/403/);
    await expect(connect('?token=wrong', goodHeaders())).rejects.toThrow(/403/);
    await expect(connect(`?token=${host.token}`, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(connect(`?token=${host.token}`, {})).rejects.toThrow(/403/);
    await expect(connect(`?token=${host.token}`, { ...goodHeaders(), Host: `attacker.test:${host.port}` })).rejects.toThrow(/421|403/);
  });

  it('relays calls that carry the token and closes on messages that do not', async () => {
    const ws = await connect(`?token=${host.token}`, goodHeaders());
    expect(await ask(ws, { token: host.token, id: 1, method: 'vault.status', params: {} })).toMatchObject({ id: 1, ok: true, value: { exists: false } });
    expect(await ask(ws, { token: host.token, id: 2, method: 'fs.readFile', params: {} })).toMatchObject({ id: 2, ok: false, error: { code: 'invalid-params' } });
    expect(await ask(ws, { token: host.token, id: 3, method: 'vault.unlock', params: { passphrase: 'x' } })).toMatchObject({ id: 3, ok: false, error: { code: 'not-a-vault' } });
    expect(await ask(ws, { id: 4, method: 'vault.status', params: {} })).toEqual({ closed: 1008, reason: 'missing or wrong token' });
  });

  it('survives bad frames: invalid UTF-8, a binary frame, a message over the limit — and keeps serving', async () => {
    const closedWith = (ws: WebSocket): Promise<number> => new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    const invalidUtf8 = await connect(`?token=${host.token}`, goodHeaders());
    const c1 = closedWith(invalidUtf8);
    invalidUtf8.send(Buffer.from([0xc3, 0x28, 0xa0]), { binary: false });
    expect(await c1).toBe(1007);
    const binary = await connect(`?token=${host.token}`, goodHeaders());
    const c2 = closedWith(binary);
    binary.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await c2).toBe(1008);
    const huge = await connect(`?token=${host.token}`, goodHeaders());
    const c3 = closedWith(huge);
    huge.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await c3).toBe(1009);
    // The host is still there and answers the next valid request.
    const ws = await connect(`?token=${host.token}`, goodHeaders());
    expect(await ask(ws, { token: host.token, id: 9, method: 'vault.status', params: {} })).toMatchObject({ id: 9, ok: true });
    ws.close();
  });

  it('pushes service events to connected pages', async () => {
    const ws = await connect(`?token=${host.token}`, goodHeaders());
    const events: unknown[] = [];
    ws.on('message', (d) => events.push(JSON.parse(String(d))));
    await ask(ws, { token: host.token, id: 1, method: 'vault.create', params: { passphrase: 'correct horse battery' } });
    await expect.poll(() => events).toContainEqual({ event: 'vault.status', payload: expect.objectContaining({ unlocked: true, exists: true }) });
    ws.close();
  });

  it('accepts uploads only with token and own Origin, and imports them', async () => {
    const body = Buffer.concat([encodeUploadHeader([{ name: 'scan.pdf', size: 4 }]), Buffer.from('%PDF')]);
    const post = (headers: Record<string, string>): Promise<Response> =>
      fetch(`http://127.0.0.1:${host.port}/upload`, { method: 'POST', body, headers });
    expect((await post({ Origin: `http://127.0.0.1:${host.port}` })).status).toBe(403);
    expect((await post({ Origin: 'http://evil.example', 'X-Dossier-Token': host.token })).status).toBe(403);
    const ok = await post({ Origin: `http://127.0.0.1:${host.port}`, 'X-Dossier-Token': host.token });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ imported: 1, outcomes: [{ path: 'scan.pdf', status: 'imported' }] });
  });
});

describe('binary frames (typed arrays) through the host', () => {
  /** Sends a message and resolves with the reply decoded from text or binary, or how the socket closed. */
  function askBinary(ws: WebSocket, msg: unknown): Promise<unknown> {
    return new Promise((resolve) => {
      ws.once('message', (data, isBinary) => resolve(isBinary ? unpackBinary(data as Buffer) : JSON.parse(String(data))));
      ws.once('close', (code, reason) => resolve({ closed: code, reason: String(reason) }));
      const packed = packBinary(msg);
      ws.send(packed ?? JSON.stringify(msg), { binary: packed !== null });
    });
  }

  it('relays a decoded frame as one binary reply, and takes typed arrays in calls', async () => {
    const ws = await connect(`?token=${host.token}`, goodHeaders());
    const ct = makeDicomInstance({ rows: 16, columns: 12, seriesDescription: 'binary path' });
    const body = Buffer.concat([encodeUploadHeader([{ name: 'ct.dcm', size: ct.length }]), ct]);
    const up = await fetch(`http://127.0.0.1:${host.port}/upload`, { method: 'POST', body, headers: { Origin: `http://127.0.0.1:${host.port}`, 'X-Dossier-Token': host.token } });
    const recordId = ((await up.json()) as { recordIds: string[] }).recordIds[0];
    const series = (await ask(ws, { token: host.token, id: 1, method: 'images.series', params: { recordId } })) as { value: ImageSeries[] };
    const fileId = series.value[0]!.instances[0]!.fileId;
    const reply = (await askBinary(ws, { token: host.token, id: 2, method: 'images.frame', params: { fileId, frame: 0 } })) as { id: number; value: FrameResult };
    expect(reply.id).toBe(2);
    expect(reply.value.ok && reply.value.frame.samples).toBeInstanceOf(Uint16Array);
    expect(reply.value.ok && Array.from(reply.value.frame.samples)).toEqual(Array.from(decodeFrameSync(ct, 0).samples));
    // A call carrying bytes arrives as a Uint8Array and is validated like any other.
    const refused = await askBinary(ws, { token: host.token, id: 3, method: 'records.storeThumbnail', params: { id: recordId, image: new Uint8Array([1, 2, 3]) } });
    expect(refused).toMatchObject({ id: 3, ok: false, error: { code: 'invalid-params' } });
    ws.close();
  });

  it('closes on binary frames without the token or malformed, and keeps serving', async () => {
    const bad = [
      packBinary({ id: 1, method: 'vault.status', params: { x: new Uint8Array(1) } }),
      packBinary({ token: 'wrong', id: 1, method: 'vault.status', params: { x: new Uint8Array(1) } }),
      Buffer.from('DSB1\xff\xff\xff\xff', 'latin1'),
      (() => {
        const p = packBinary({ token: host.token, id: 1, method: 'vault.status', params: { x: new Uint8Array(8) } })!;
        return p.subarray(0, p.length - 4); // the segment cut short
      })(),
    ];
    for (const frame of bad) {
      const ws = await connect(`?token=${host.token}`, goodHeaders());
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      ws.send(frame!, { binary: true });
      expect(await closed).toBe(1008);
    }
    const ws = await connect(`?token=${host.token}`, goodHeaders());
    expect(await ask(ws, { token: host.token, id: 9, method: 'vault.status', params: {} })).toMatchObject({ id: 9, ok: true });
    ws.close();
  });
});

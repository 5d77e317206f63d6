// The browser transport over a scripted socket: replies settle their own call, unknown event names
// are dropped, and a closed connection fails every waiting call with one plain message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserBridge } from '../../renderer/src/bridge/browser-bridge.js';

class ScriptedSocket {
  static last: ScriptedSocket | null = null;
  binaryType = 'blob';
  sent: { id: number; method: string; params: unknown }[] = [];
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  constructor(readonly url: string) {
    ScriptedSocket.last = this;
    queueMicrotask(() => this.onopen?.());
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; method: string; params: unknown });
  }
  receive(frame: unknown): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const loc = { host: '127.0.0.1:1', hash: '#token=t0k', pathname: '/', search: '' } as Location;

beforeEach(() => {
  const store = new Map<string, string>();
  vi.stubGlobal('WebSocket', ScriptedSocket);
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) });
  vi.stubGlobal('history', { replaceState: () => undefined });
});
afterEach(() => vi.unstubAllGlobals());

async function sentCalls(n: number): Promise<ScriptedSocket> {
  await vi.waitFor(() => expect(ScriptedSocket.last?.sent.length).toBe(n));
  return ScriptedSocket.last!;
}

describe('browser bridge', () => {
  it('settles each call with its own reply, whatever the order', async () => {
    const bridge = createBrowserBridge(loc);
    const a = bridge.call('records.list', {} as never);
    const b = bridge.call('cases.list', {} as never);
    const ws = await sentCalls(2);
    expect(ws.url).toContain('token=t0k');
    const [first, second] = ws.sent;
    ws.receive({ id: second!.id, ok: true, value: 'B' });
    ws.receive({ id: first!.id, ok: false, error: { code: 'locked', message: 'The vault is locked.' } });
    await expect(b).resolves.toBe('B');
    await expect(a).rejects.toEqual({ code: 'locked', message: 'The vault is locked.' });
  });

  it('passes known events to their listeners and drops unknown names', async () => {
    const bridge = createBrowserBridge(loc);
    const seen: unknown[] = [];
    bridge.on('import.progress', (p) => seen.push(p));
    await vi.waitFor(() => expect(ScriptedSocket.last).not.toBeNull());
    const ws = ScriptedSocket.last!;
    await new Promise((r) => setTimeout(r, 0));
    ws.receive({ event: 'import.progress', payload: { done: 1 } });
    ws.receive({ event: 'constructor', payload: 'x' });
    expect(seen).toEqual([{ done: 1 }]);
  });

  it('fails every waiting call when the connection closes', async () => {
    const bridge = createBrowserBridge(loc);
    const a = bridge.call('records.list', {} as never);
    const ws = await sentCalls(1);
    ws.onclose?.();
    await expect(a).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/connection/i) });
  });

  it('a malformed error reply is shown as a lost connection, not passed on', async () => {
    const bridge = createBrowserBridge(loc);
    const a = bridge.call('records.list', {} as never);
    const ws = await sentCalls(1);
    ws.receive({ id: ws.sent[0]!.id, ok: false, error: 'raw text' });
    await expect(a).rejects.toMatchObject({ code: 'internal' });
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { DossierBridge } from '../../shared/api.js';
import { BRIDGE_KEYS, createPreloadBridge, type IpcLike } from '../../electron/shell/preload-bridge.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../electron/shell/ipc-policy.js';

// Compile-time: BRIDGE_KEYS lists exactly DossierBridge's keys.
type Missing = Exclude<keyof DossierBridge, (typeof BRIDGE_KEYS)[number]>;
type Extra = Exclude<(typeof BRIDGE_KEYS)[number], keyof DossierBridge>;
const exact: [Missing, Extra] extends [never, never] ? true : false = true;

function fakeIpc(reply: unknown): IpcLike & { handlers: Map<string, (e: unknown, ...a: unknown[]) => void> } {
  const handlers = new Map<string, (e: unknown, ...a: unknown[]) => void>();
  return {
    handlers,
    invoke: vi.fn(async () => reply),
    on: (c, l) => handlers.set(c, l),
    removeListener: (c) => handlers.delete(c),
  };
}

describe('preload bridge', () => {
  it('exposes exactly the DossierBridge keys', () => {
    expect(exact).toBe(true);
    const bridge = createPreloadBridge(fakeIpc({ ok: true, value: null }), () => '');
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_KEYS].sort());
    expect(bridge.platform).toBe('electron');
  });

  it('calls over the one channel and rejects with the service error shape', async () => {
    const ok = fakeIpc({ ok: true, value: { exists: true } });
    await expect(createPreloadBridge(ok, () => '').call('vault.status', {})).resolves.toEqual({ exists: true });
    expect(ok.invoke).toHaveBeenCalledWith(CALL_CHANNEL, 'vault.status', {});
    const bad = fakeIpc({ ok: false, error: { code: 'wrong-passphrase', message: 'Not right.' } });
    await expect(createPreloadBridge(bad, () => '').call('vault.unlock', { passphrase: 'x' })).rejects.toEqual({ code: 'wrong-passphrase', message: 'Not right.' });
  });

  it('resolves dropped files to paths and imports them', async () => {
    const ipc = fakeIpc({ ok: true, value: { imported: 2 } });
    const files = [{ name: 'a' }, { name: 'b' }] as unknown as File[];
    await createPreloadBridge(ipc, (f) => `/drop/${f.name}`).importFiles(files);
    expect(ipc.invoke).toHaveBeenCalledWith(CALL_CHANNEL, 'import.paths', { paths: ['/drop/a', '/drop/b'] });
  });

  it('delivers only the subscribed event and unsubscribes', () => {
    const ipc = fakeIpc(null);
    const seen: unknown[] = [];
    const off = createPreloadBridge(ipc, () => '').on('vault.status', (p) => seen.push(p));
    const handler = ipc.handlers.get(EVENT_CHANNEL)!;
    handler({}, 'import.progress', { filesDone: 1 });
    handler({}, 'vault.status', { unlocked: false, lockReason: 'idle' });
    expect(seen).toEqual([{ unlocked: false, lockReason: 'idle' }]);
    off();
    expect(ipc.handlers.has(EVENT_CHANNEL)).toBe(false);
  });
});

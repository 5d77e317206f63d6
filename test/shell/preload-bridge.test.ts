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

  it('has dropped files\' paths granted by the shell, then imports the grants (never the paths)', async () => {
    const ipc = fakeIpc(null);
    const grants = [{ grant: 'grant:A', label: '/drop/a' }, { grant: 'grant:B', label: '/drop/b' }];
    ipc.invoke = vi.fn(async (_c: string, method: unknown) => ({ ok: true, value: method === 'shell.grantDropped' ? grants : { imported: 2 } }));
    const files = [{ name: 'a' }, { name: 'b' }, { name: 'made-by-the-page' }] as unknown as File[];
    await createPreloadBridge(ipc, (f) => (f.name === 'made-by-the-page' ? '' : `/drop/${f.name}`)).importFiles(files);
    expect(ipc.invoke).toHaveBeenNthCalledWith(1, CALL_CHANNEL, 'shell.grantDropped', { paths: ['/drop/a', '/drop/b'] });
    expect(ipc.invoke).toHaveBeenNthCalledWith(2, CALL_CHANNEL, 'import.paths', { paths: ['grant:A', 'grant:B'] });
  });

  it('lets the page call API methods only, not the shell\'s own', async () => {
    const ipc = fakeIpc({ ok: true, value: [] });
    const bridge = createPreloadBridge(ipc, () => '');
    await expect(bridge.call('shell.grantDropped' as 'vault.status', { paths: ['/etc/passwd'] } as never)).rejects.toMatchObject({ code: 'invalid-params' });
    expect(ipc.invoke).not.toHaveBeenCalled();
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

// Builds the object the preload exposes as window.dossier. Electron-free (the preload passes in
// ipcRenderer and webUtils) so its exact shape is unit-tested.
import type { DossierBridge, RememberSupport } from '../../shared/api.js';
import type { ExportDestinationKind } from '../../shared/cases.js';
import type { ImportSummary } from '../../shared/domain.js';
import type { ApiErrorShape } from '../../shared/errors.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-policy.js';

/** Exactly the keys of window.dossier. Nothing else is exposed. */
export const BRIDGE_KEYS = ['call', 'on', 'importFiles', 'pickImportSources', 'pickExportDestination', 'rememberSupport', 'platform'] as const;

/** The subset of ipcRenderer the bridge uses. */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Replies over IPC are { ok, value } | { ok: false, error } so the error's code survives the trip. */
export type CallReply = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

async function invoke(ipc: IpcLike, method: string, params: unknown): Promise<unknown> {
  const reply = (await ipc.invoke(CALL_CHANNEL, method, params)) as CallReply;
  if (reply.ok) return reply.value;
  // A plain object (not an Error) so `code` and `message` reach the page's code intact.
  throw { code: reply.error.code, message: reply.error.message };
}

export function createPreloadBridge(ipc: IpcLike, getPathForFile: (file: File) => string): DossierBridge {
  const bridge: DossierBridge = {
    call: (method, params) => invoke(ipc, method, params) as never,
    on: (event, listener) => {
      const wrapped = (_e: unknown, ...args: unknown[]): void => {
        if (args[0] === event) (listener as (p: unknown) => void)(args[1]);
      };
      ipc.on(EVENT_CHANNEL, wrapped);
      return () => void ipc.removeListener(EVENT_CHANNEL, wrapped);
    },
    importFiles: async (files) => {
      const paths = files.map((f) => getPathForFile(f)).filter((p) => p.length > 0);
      return (await invoke(ipc, 'import.paths', { paths })) as ImportSummary;
    },
    pickImportSources: async () => (await invoke(ipc, 'shell.pickImportSources', {})) as string[] | null,
    pickExportDestination: async (kind: ExportDestinationKind) =>
      (await invoke(ipc, 'shell.pickExportDestination', { kind })) as string | null,
    rememberSupport: async () => (await invoke(ipc, 'shell.rememberSupport', {})) as RememberSupport,
    platform: 'electron',
  };
  return bridge;
}


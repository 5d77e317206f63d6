// Builds the object the preload exposes as window.dossier. Electron-free (the preload passes in
// ipcRenderer and webUtils) so its exact shape is unit-tested.
import type { DossierBridge, RememberSupport } from '../../shared/api.js';
import type { ExportDestinationKind } from '../../shared/cases.js';
import type { ImportSummary } from '../../shared/domain.js';
import type { ApiErrorShape } from '../../shared/errors.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-policy.js';
import { isApiMethod } from '../../shared/api-methods.js';
import type { ChosenPath } from '../../shared/path-params.js';

/** Exactly the keys of window.dossier. Nothing else is exposed. */
export const BRIDGE_KEYS = ['call', 'on', 'importFiles', 'pickImportSources', 'pickExportDestination', 'folders', 'rememberSupport', 'platform'] as const;

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
  throw { code: reply.error.code, message: reply.error.message, ...(reply.error.details ? { details: reply.error.details } : {}) };
}

const NOT_AN_API_CALL = { code: 'invalid-params', message: 'This request was refused.' } as const;

export function createPreloadBridge(ipc: IpcLike, getPathForFile: (file: File) => string): DossierBridge {
  const bridge: DossierBridge = {
    // The page calls the API only: the shell's own calls (grants for dropped files) stay in here.
    call: (method, params) => (isApiMethod(method) ? (invoke(ipc, method, params) as never) : Promise.reject(NOT_AN_API_CALL)),
    on: (event, listener) => {
      const wrapped = (_e: unknown, ...args: unknown[]): void => {
        if (args[0] === event) (listener as (p: unknown) => void)(args[1]);
      };
      ipc.on(EVENT_CHANNEL, wrapped);
      return () => void ipc.removeListener(EVENT_CHANNEL, wrapped);
    },
    importFiles: async (files) => {
      // Only real dropped or picked files have a path (a File the page made has none).
      const paths = files.map((f) => getPathForFile(f)).filter((p) => p.length > 0);
      const granted = (await invoke(ipc, 'shell.grantDropped', { paths })) as ChosenPath[];
      return (await invoke(ipc, 'import.paths', { paths: granted.map((g) => g.grant) })) as ImportSummary;
    },
    pickImportSources: async () => (await invoke(ipc, 'shell.pickImportSources', {})) as ChosenPath[] | null,
    pickExportDestination: async (kind: ExportDestinationKind) => (await invoke(ipc, 'shell.pickExportDestination', { kind })) as ChosenPath | null,
    folders: null,
    rememberSupport: async () => (await invoke(ipc, 'shell.rememberSupport', {})) as RememberSupport,
    platform: 'electron',
  };
  return bridge;
}


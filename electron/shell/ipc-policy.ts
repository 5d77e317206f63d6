// Who may call over IPC, and which names they may call. Pure: the Electron handler passes in what
// it knows about the sending frame.
import { isApiMethod } from '../../shared/api-methods.js';
import { isAppUrl } from './request-policy.js';
import type { ApiMethod } from '../../shared/api.js';

/** The one IPC channel the renderer may invoke, and the one it receives events on. */
export const CALL_CHANNEL = 'dossier:call';
export const EVENT_CHANNEL = 'dossier:event';

/** Calls answered by the shell itself (native dialogs) rather than the core service. */
export const SHELL_METHODS = ['shell.pickImportSources', 'shell.pickExportDestination', 'shell.grantDropped', 'shell.rememberSupport'] as const;
export type ShellMethod = (typeof SHELL_METHODS)[number];

export function isShellMethod(name: unknown): name is ShellMethod {
  return typeof name === 'string' && (SHELL_METHODS as readonly string[]).includes(name);
}

export interface SenderInfo {
  /** The sending frame is the top frame of the main window's webContents. */
  isMainWindowTopFrame: boolean;
  frameUrl: string;
}

export type CallCheck = { ok: true; method: ApiMethod | ShellMethod } | { ok: false; reason: string };

export function checkIpcCall(sender: SenderInfo | null, method: unknown): CallCheck {
  if (!sender || !sender.isMainWindowTopFrame) return { ok: false, reason: 'call from an unknown frame' };
  if (!isAppUrl(sender.frameUrl)) return { ok: false, reason: 'call from a page that is not the app' };
  if (!isApiMethod(method) && !isShellMethod(method)) return { ok: false, reason: `unknown method "${String(method)}"` };
  return { ok: true, method };
}

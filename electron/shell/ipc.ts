// The single IPC entry point: checks who is calling and what, relays to the service, and handles
// the few calls that belong to the shell (dialogs, remembered passphrase, idle-lock settings).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiEvent, VaultStatus } from '../../shared/api.js';
import type { ExportDestinationKind } from '../../shared/cases.js';
import { isApiErrorShape, type ApiErrorShape } from '../../shared/errors.js';
import { pickExportDestination, pickImportSources } from './dialogs.js';
import type { IdleLockState } from './idle-lock.js';
import { CALL_CHANNEL, EVENT_CHANNEL, checkIpcCall } from './ipc-policy.js';
import type { CallReply } from './preload-bridge.js';
import { forgetPassphrase, recallPassphrase, rememberPassphrase } from './remembered-passphrase.js';
import type { ServiceHost } from './service-host.js';

function toReplyError(err: unknown): ApiErrorShape {
  return isApiErrorShape(err) ? err : { code: 'internal', message: 'Something went wrong. Please try again.' };
}

function isVaultStatus(v: unknown): v is VaultStatus {
  return typeof v === 'object' && v !== null && 'autoLockMinutes' in v && 'unlocked' in v;
}

export function wireIpc(getWindow: () => BrowserWindow | null, service: ServiceHost, idle: IdleLockState): () => void {
  async function relay(method: string, rawParams: unknown): Promise<unknown> {
    const win = getWindow();
    if (method === 'shell.pickImportSources') return win ? pickImportSources(win) : null;
    if (method === 'shell.pickExportDestination') {
      const kind = (rawParams as { kind?: unknown } | null)?.kind;
      return win && (kind === 'zip' || kind === 'folder') ? pickExportDestination(win, kind as ExportDestinationKind) : null;
    }
    // "Remember on this computer" is a shell concern: strip the flag before the service validates params.
    let params = rawParams;
    let remember: boolean | undefined;
    if (method === 'vault.unlock' && typeof rawParams === 'object' && rawParams !== null && 'remember' in rawParams) {
      const { remember: r, ...rest } = rawParams as { remember?: unknown };
      remember = r === true;
      params = rest;
    }
    const value = await service.call(method, params);
    if (isVaultStatus(value)) {
      idle.unlocked = value.unlocked;
      idle.autoLockMinutes = value.autoLockMinutes;
    }
    if (method === 'vault.unlock' && remember !== undefined) {
      const passphrase = (params as { passphrase: string }).passphrase;
      await (remember ? rememberPassphrase(passphrase) : forgetPassphrase());
    }
    if (method === 'vault.changePassphrase' && (await recallPassphrase()) !== null) {
      await rememberPassphrase((params as { next: string }).next);
    }
    return value;
  }

  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, params: unknown): Promise<CallReply> => {
    const win = getWindow();
    const frame = event.senderFrame;
    const check = checkIpcCall(
      frame && win ? { isMainWindowTopFrame: event.sender === win.webContents && frame === win.webContents.mainFrame, frameUrl: frame.url } : null,
      method,
    );
    if (!check.ok) {
      console.warn('[dossier] refused IPC call:', check.reason);
      return { ok: false, error: { code: 'invalid-params', message: 'This request was refused.' } };
    }
    try {
      return { ok: true, value: await relay(check.method, params) };
    } catch (err) {
      return { ok: false, error: toReplyError(err) };
    }
  });

  const unsubscribe = service.onEvent((event: ApiEvent, payload: unknown) => {
    if (event === 'vault.locked') idle.unlocked = false;
    getWindow()?.webContents.send(EVENT_CHANNEL, event, payload);
  });
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}

/** At start-up, unlock with the remembered passphrase if there is one; forget it if it no longer works. */
export async function unlockWithRemembered(service: ServiceHost, idle: IdleLockState): Promise<void> {
  const passphrase = await recallPassphrase();
  if (!passphrase) return;
  try {
    const status = (await service.call('vault.status', {})) as VaultStatus;
    if (!status.exists || status.unlocked) return;
    const unlocked = (await service.call('vault.unlock', { passphrase })) as VaultStatus;
    idle.unlocked = unlocked.unlocked;
    idle.autoLockMinutes = unlocked.autoLockMinutes;
  } catch (err) {
    if (isApiErrorShape(err) && err.code === 'wrong-passphrase') await forgetPassphrase();
  }
}

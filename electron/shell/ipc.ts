// The single IPC entry point: checks who is calling and what, relays to the service, and handles
// the few calls that belong to the shell (dialogs, remembered passphrase). The service owns the
// vault's lock state; its events are forwarded as they are.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiEvent, VaultStatus } from '../../shared/api.js';
import type { ExportDestinationKind } from '../../shared/cases.js';
import { isApiErrorShape, type ApiErrorShape } from '../../shared/errors.js';
import { INTERNAL_MESSAGE } from '../core/service/errors.js';
import { pickExportDestination, pickImportSources } from './dialogs.js';
import { CALL_CHANNEL, EVENT_CHANNEL, checkIpcCall } from './ipc-policy.js';
import type { CallReply } from './preload-bridge.js';
import { canRemember, forgetPassphrase, recallPassphrase, rememberPassphrase, rememberSupportHere } from './remembered-passphrase.js';
import type { ServiceHost } from './service-host.js';

function toReplyError(err: unknown): ApiErrorShape {
  return isApiErrorShape(err) ? err : { code: 'internal', message: INTERNAL_MESSAGE };
}

export function wireIpc(getWindow: () => BrowserWindow | null, service: ServiceHost): () => void {
  async function relay(method: string, rawParams: unknown): Promise<unknown> {
    const win = getWindow();
    if (method === 'shell.pickImportSources') return win ? pickImportSources(win) : null;
    if (method === 'shell.rememberSupport') return rememberSupportHere();
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
    // Never written where the secret store is not real (checked again here, whatever the page sent).
    if (method === 'vault.unlock' && remember !== undefined && (remember ? canRemember() : true)) {
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
    getWindow()?.webContents.send(EVENT_CHANNEL, event, payload);
  });
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}

/** At start-up, unlock with the remembered passphrase if there is one; forget it if it no longer works. */
export async function unlockWithRemembered(service: ServiceHost): Promise<void> {
  const passphrase = await recallPassphrase();
  if (!passphrase) return;
  try {
    const status = (await service.call('vault.status', {})) as VaultStatus;
    if (!status.exists || status.unlocked) return;
    await service.call('vault.unlock', { passphrase });
  } catch (err) {
    if (isApiErrorShape(err) && err.code === 'wrong-passphrase') await forgetPassphrase();
  }
}

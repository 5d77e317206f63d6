// The single IPC entry point: checks who is calling and what, and hands the call to the relay
// (ipc-relay.ts: native dialogs and drops give grants, grants become paths, the remembered
// passphrase). The service owns the vault's lock state; its events are forwarded as they are.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiEvent, VaultStatus } from '../../shared/api.js';
import { isApiErrorShape, type ApiErrorShape } from '../../shared/errors.js';
import { INTERNAL_MESSAGE } from '../../shared/errors.js';
import { pickExportDestination, pickImportSources } from './dialogs.js';
import { CALL_CHANNEL, EVENT_CHANNEL, checkIpcCall } from './ipc-policy.js';
import { createIpcRelay, type ShellDialogs } from './ipc-relay.js';
import { PathGrants } from './path-grants.js';
import type { CallReply } from './preload-bridge.js';
import { canRemember, forgetPassphrase, recallPassphrase, rememberPassphrase, rememberSupportHere } from './remembered-passphrase.js';
import type { ServiceHost } from './service-host.js';

function toReplyError(err: unknown): ApiErrorShape {
  const shape = isApiErrorShape(err) ? err : (err as { shape?: unknown } | null)?.shape;
  return isApiErrorShape(shape) ? shape : { code: 'internal', message: INTERNAL_MESSAGE };
}

function windowDialogs(win: BrowserWindow | null): ShellDialogs | null {
  return win ? { pickImportSources: () => pickImportSources(win), pickExportDestination: (kind) => pickExportDestination(win, kind) } : null;
}

export function wireIpc(getWindow: () => BrowserWindow | null, service: ServiceHost): () => void {
  const relay = createIpcRelay({
    service,
    grants: new PathGrants(),
    dialogs: () => windowDialogs(getWindow()),
    hooks: {
      rememberSupport: rememberSupportHere,
      unlocked: async (passphrase, remember) => {
        // Never written where the secret store is not real (checked again here, whatever the page sent).
        if (remember !== undefined && (remember ? canRemember() : true)) await (remember ? rememberPassphrase(passphrase) : forgetPassphrase());
      },
      passphraseChanged: async (next) => {
        if ((await recallPassphrase()) !== null) await rememberPassphrase(next);
      },
    },
  });

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

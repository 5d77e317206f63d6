// What the one IPC handler does with a call, electron-free so it is tested with the real service:
// the shell's own calls (native dialogs, dropped files) hand out grants for the paths the person
// chose; every API call has its grants swapped for those paths (a raw path is refused); the
// "remember this passphrase" flag is the shell's and is kept from the service.
import { ApiError } from '../core/service/errors.js';
import type { ExportDestinationKind } from '../../shared/cases.js';
import type { ChosenPath } from '../../shared/path-params.js';
import type { RememberSupport } from '../../shared/api.js';
import type { PathGrants } from './path-grants.js';

/** The native dialogs (shell/dialogs.ts), as the relay needs them. */
export interface ShellDialogs {
  pickImportSources(): Promise<string[] | null>;
  pickExportDestination(kind: ExportDestinationKind): Promise<string | null>;
}

export interface RelayService {
  call(method: string, params: unknown): Promise<unknown>;
}

export interface RelayHooks {
  /** Whether "remember on this computer" can be offered here. */
  rememberSupport?(): RememberSupport;
  /** After a successful unlock: `remember` as the person asked (undefined: not asked). */
  unlocked?(passphrase: string, remember: boolean | undefined): Promise<void>;
  /** After a successful passphrase change. */
  passphraseChanged?(next: string): Promise<void>;
}

export type Relay = (method: string, params: unknown) => Promise<unknown>;

function droppedPaths(params: unknown): string[] {
  const paths = (params as { paths?: unknown } | null)?.paths;
  return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string' && p.length > 0) : [];
}

/** The shell's own calls; null when `method` is an API method. */
async function shellCall(method: string, params: unknown, grants: PathGrants, dialogs: ShellDialogs | null, hooks: RelayHooks | undefined): Promise<{ value: unknown } | null> {
  if (method === 'shell.pickImportSources') {
    const paths = dialogs ? await dialogs.pickImportSources() : null;
    return { value: paths ? paths.map((p): ChosenPath => grants.choose(p, 'read')) : null };
  }
  if (method === 'shell.pickExportDestination') {
    const kind = (params as { kind?: unknown } | null)?.kind;
    const chosen = dialogs && (kind === 'zip' || kind === 'folder') ? await dialogs.pickExportDestination(kind) : null;
    return { value: chosen ? grants.choose(chosen, 'write') : null };
  }
  // Only the preload's importFiles sends this (its page-facing `call` refuses shell methods), with
  // the paths Electron gave for files the person dropped.
  if (method === 'shell.grantDropped') return { value: droppedPaths(params).map((p) => grants.choose(p, 'read')) };
  if (method === 'shell.rememberSupport') return { value: hooks?.rememberSupport?.() ?? { available: false, reason: 'no-secret-store' } };
  return null;
}

export function createIpcRelay(deps: { service: RelayService; grants: PathGrants; dialogs: () => ShellDialogs | null; hooks?: RelayHooks }): Relay {
  const { service, grants, hooks } = deps;
  return async (method, rawParams) => {
    const shell = await shellCall(method, rawParams, grants, deps.dialogs(), hooks);
    if (shell) return shell.value;
    let params = grants.swapParams(method, rawParams);
    let remember: boolean | undefined;
    if (method === 'vault.unlock' && typeof params === 'object' && params !== null && 'remember' in params) {
      const { remember: r, ...rest } = params as { remember?: unknown };
      // The page's answer decides whether a secret is written or deleted: only true or false count.
      if (r !== undefined && typeof r !== 'boolean') throw new ApiError({ code: 'invalid-params', message: '"remember" must be true or false.', details: { field: 'remember' } });
      remember = r;
      params = rest;
    }
    const value = await service.call(method, params);
    if (method === 'vault.unlock') await hooks?.unlocked?.((params as { passphrase: string }).passphrase, remember);
    if (method === 'vault.changePassphrase') await hooks?.passphraseChanged?.((params as { next: string }).next);
    return value;
  };
}

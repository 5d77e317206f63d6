// What every command gets: its parsed options, output helpers, and the service — the same API and
// validation the app uses — with the vault folder resolved and the passphrase asked for once.
import path from 'node:path';
import type { ApiEvent, ApiMethod, ApiParams, ApiResult, DossierEvents } from '../../../shared/api.js';
import { createDossierService, type DossierService } from '../service/service.js';
import { defaultVaultDir } from '../vault/default-location.js';
import { passphraseFromEnvOrPrompt } from './terminal.js';
import { stripControls } from '../base/text-safety.js';

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CliContext {
  options: OptionValues;
  vaultDir: string;
  call<K extends ApiMethod>(method: K, params: ApiParams<K>): Promise<ApiResult<K>>;
  /** Unlocks the vault (passphrase from $DOSSIER_PASSPHRASE or a hidden prompt). */
  unlock(): Promise<void>;
  on<E extends ApiEvent>(event: E, listener: (payload: DossierEvents[E]) => void): void;
  print(line?: string): void;
  printJson(value: unknown): void;
  close(): Promise<void>;
}

export function createContext(options: OptionValues, log: (detail: string) => void): CliContext {
  const vaultDir = path.resolve(str(options.vault) ?? process.env.DOSSIER_VAULT ?? defaultVaultDir());
  let service: DossierService | null = null;
  const svc = () => (service ??= createDossierService({ vaultDir, log }));
  return {
    options,
    vaultDir,
    call: (method, params) => svc().call(method, params) as Promise<ApiResult<typeof method>>,
    async unlock() {
      const passphrase = await passphraseFromEnvOrPrompt('DOSSIER_PASSPHRASE', `Passphrase for ${vaultDir}: `);
      await svc().call('vault.unlock', { passphrase });
    },
    on(event, listener) {
      svc().onEvent((e, payload) => {
        if (e === event) listener(payload as DossierEvents[typeof event]);
      });
    },
    // Whatever a record holds is printed as text, never as terminal commands (escape sequences).
    print: (line = '') => void process.stdout.write(stripControls(line) + '\n'),
    printJson: (value) => void process.stdout.write(JSON.stringify(value, null, 2) + '\n'),
    close: async () => {
      await service?.close();
    },
  };
}

export function str(v: OptionValues[string]): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

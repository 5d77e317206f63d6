// What every command needs: parsed options, the vault folder, and a way to open the vault.
import path from 'node:path';
import { Vault } from '../vault/vault.js';
import { defaultVaultDir } from '../vault/default-location.js';
import { passphraseFromEnvOrPrompt } from './terminal.js';

export interface Options {
  vault?: string;
  json?: boolean;
  out?: string;
  search?: string;
  type?: string;
  'recovery-key'?: string;
  title?: string;
  question?: string;
  provider?: string;
  add?: string[];
  case?: string;
  records?: string;
  all?: boolean;
  zip?: boolean;
  'zip-password-env'?: string;
  'reports-as-dicom'?: boolean;
  'allow-identity-mismatch'?: boolean;
  overwrite?: boolean;
  'no-ocr'?: boolean;
}

export function vaultDir(options: Options): string {
  return path.resolve(options.vault ?? process.env.DOSSIER_VAULT ?? defaultVaultDir());
}

export async function openVault(options: Options): Promise<Vault> {
  const dir = vaultDir(options);
  const passphrase = await passphraseFromEnvOrPrompt('DOSSIER_PASSPHRASE', `Passphrase for ${dir}: `);
  return Vault.open(dir, passphrase);
}

export async function withVault<T>(options: Options, run: (vault: Vault) => Promise<T>): Promise<T> {
  const vault = await openVault(options);
  const close = () => vault.close();
  // Ctrl-C during an import: close cleanly so the lock is released and committed work stays.
  process.once('SIGINT', () => {
    close();
    process.exit(130);
  });
  try {
    return await run(vault);
  } finally {
    close();
  }
}

export function print(line = ''): void {
  process.stdout.write(line + '\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

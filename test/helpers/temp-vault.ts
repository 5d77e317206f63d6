// Test vaults in temp folders. Unit tests use a cheaper scrypt cost (still ≥ the minimum a
// vault may declare); the CLI tests use the real default.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Vault } from '../../electron/core/vault/vault.js';

export const TEST_PASSPHRASE = 'correct horse battery staple';
export const FAST_KDF = { N: 2 ** 14, r: 8, p: 1 };

export function tempDir(prefix = 'dossier-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function makeVault(): Promise<{ dir: string; vault: Vault; recoveryKey: string; cleanup: () => void }> {
  const dir = path.join(tempDir(), 'vault');
  const { vault, recoveryKey } = await Vault.create(dir, TEST_PASSPHRASE, { kdfCost: FAST_KDF });
  return {
    dir,
    vault,
    recoveryKey,
    cleanup: () => {
      vault.close();
      rmSync(path.dirname(dir), { recursive: true, force: true });
    },
  };
}

// "Remember on this computer": the passphrase encrypted with the OS keychain (safeStorage) in
// userData. Only ever written when the user ticks the box; removed when they unlock without it.
import { app, safeStorage } from 'electron';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RememberSupport } from '../../shared/api.js';
import { rememberSupport } from './remember-policy.js';

const FILE = () => path.join(app.getPath('userData'), 'remembered-passphrase.bin');

export function rememberSupportHere(): RememberSupport {
  return rememberSupport({
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    platform: process.platform,
    ...(process.platform === 'linux' ? { linuxBackend: safeStorage.getSelectedStorageBackend() } : {}),
  });
}

export function canRemember(): boolean {
  return rememberSupportHere().available;
}

export async function rememberPassphrase(passphrase: string): Promise<void> {
  if (!canRemember()) return;
  await writeFile(FILE(), safeStorage.encryptString(passphrase), { mode: 0o600 });
}

export async function recallPassphrase(): Promise<string | null> {
  if (!canRemember()) return null;
  try {
    return safeStorage.decryptString(await readFile(FILE()));
  } catch {
    return null;
  }
}

export async function forgetPassphrase(): Promise<void> {
  await rm(FILE(), { force: true });
}

// Whether "remember on this computer" can be offered: only where the operating system keeps the
// key in a real secret store. On Linux without a keyring, Electron's safeStorage falls back to its
// `basic_text` backend (a key written in its own source): "encrypted" in name only. Pure, so tested.
import type { RememberSupport } from '../../shared/api.js';

export interface SecretStoreFacts {
  encryptionAvailable: boolean;
  platform: NodeJS.Platform;
  /** safeStorage.getSelectedStorageBackend() on Linux; undefined elsewhere. */
  linuxBackend?: string;
}

/** Linux backends that keep the key in a real secret store (GNOME libsecret, KWallet). */
const REAL_LINUX_STORES = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

export function rememberSupport(facts: SecretStoreFacts): RememberSupport {
  if (!facts.encryptionAvailable) return { available: false, reason: 'no-secret-store' };
  if (facts.platform === 'linux' && !REAL_LINUX_STORES.has(facts.linuxBackend ?? '')) return { available: false, reason: 'no-secret-store' };
  return { available: true };
}

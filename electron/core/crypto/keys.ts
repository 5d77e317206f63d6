// Key hierarchy: a random 256-bit vault key; subkeys for the database, blob encryption and blob
// naming are derived from it with HKDF, so one key never serves two purposes.
import { hkdfSync, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;

export function newVaultKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export type SubkeyPurpose = 'database' | 'blob-encryption' | 'blob-naming';

export function deriveSubkey(vaultKey: Uint8Array, vaultId: string, purpose: SubkeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', vaultKey, Buffer.from(vaultId, 'utf8'), `dossier/${purpose}/v1`, KEY_BYTES));
}

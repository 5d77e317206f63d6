// Wraps the vault key under a key-encryption key with AES-256-GCM. The AAD binds the wrapped key
// to its vault and purpose, so a wrapped key copied from another vault or slot does not unwrap.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface WrappedKey {
  alg: 'A256GCM';
  /** base64, 12 bytes */
  nonce: string;
  /** base64: ciphertext || 16-byte tag */
  data: string;
}

function aad(vaultId: string, slot: string): Buffer {
  return Buffer.from(`dossier/wrapped-key/v1/${vaultId}/${slot}`, 'utf8');
}

export function wrapKey(kek: Uint8Array, key: Uint8Array, vaultId: string, slot: string): WrappedKey {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(aad(vaultId, slot));
  const ct = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  return { alg: 'A256GCM', nonce: nonce.toString('base64'), data: ct.toString('base64') };
}

/** Returns the key, or null when the KEK is wrong (or the wrapped key was altered). */
export function unwrapKey(kek: Uint8Array, wrapped: WrappedKey, vaultId: string, slot: string): Buffer | null {
  const data = Buffer.from(wrapped.data, 'base64');
  if (data.length < 17) return null;
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.nonce, 'base64'));
  decipher.setAAD(aad(vaultId, slot));
  decipher.setAuthTag(data.subarray(data.length - 16));
  try {
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

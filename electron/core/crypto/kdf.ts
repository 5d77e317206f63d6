// Passphrase → key-encryption key with scrypt, a memory-hard KDF built into Node (no native addon).
// Default cost: N=2^17, r=8 → 128 MiB of memory per guess; parameters are stored per vault.
import { randomBytes, scrypt } from 'node:crypto';

export interface ScryptParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
/** Lower bound accepted when reading a vault: refuse vaults weakened by tampering with vault.json. */
export const MIN_SCRYPT_N = 2 ** 14;

export function scryptMemoryBytes(p: Pick<ScryptParams, 'N' | 'r'>): number {
  return 128 * p.N * p.r;
}

export function newScryptParams(cost: { N: number; r: number; p: number } = DEFAULT_SCRYPT): ScryptParams {
  return { name: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: randomBytes(32).toString('base64') };
}

export function deriveKek(passphrase: string, params: ScryptParams): Promise<Buffer> {
  const salt = Buffer.from(params.salt, 'base64');
  const maxmem = scryptMemoryBytes(params) * 2;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

// vault.json: format version, KDF parameters, salts and the two wrapped copies of the vault key.
// It holds no health data and no key material in the clear.
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DossierError } from '../base/errors.js';
import { writeFileAtomic } from './durable-fs.js';
import { MIN_SCRYPT_N } from '../crypto/kdf.js';

export const VAULT_FORMAT = 'dossier-vault';
export const VAULT_FORMAT_VERSION = 1;
export const VAULT_FILE = 'vault.json';

const wrapped = z.object({ alg: z.literal('A256GCM'), nonce: z.string(), data: z.string() });

const vaultFileSchema = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.number().int().positive(),
  vaultId: z.string().uuid(),
  createdAt: z.string(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(MIN_SCRYPT_N).max(2 ** 24),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.string().min(16),
  }),
  recovery: z.object({ salt: z.string().min(16) }),
  wrappedKeys: z.object({ passphrase: wrapped, recovery: wrapped }),
  database: z.object({ file: z.literal('dossier.db'), cipher: z.literal('sqlcipher'), legacy: z.literal(4) }),
  settings: z.object({ autoLockMinutes: z.number().int().min(0).max(1440) }).default({ autoLockMinutes: 10 }),
});

export type VaultFile = z.infer<typeof vaultFileSchema>;

export function vaultFilePath(dir: string): string {
  return path.join(dir, VAULT_FILE);
}

export function vaultExists(dir: string): boolean {
  return existsSync(vaultFilePath(dir));
}

export function readVaultFile(dir: string): VaultFile {
  const file = vaultFilePath(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new DossierError('not-a-vault', `${dir} is not a Dossier vault (no such folder).`);
  if (!existsSync(file)) throw new DossierError('not-a-vault', `${dir} is not a Dossier vault (it has no vault.json).`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new DossierError('damaged', `The vault is damaged: ${file} is not valid JSON.`);
  }
  const obj = json as { format?: unknown; version?: unknown };
  if (obj?.format !== VAULT_FORMAT) throw new DossierError('not-a-vault', `${dir} is not a Dossier vault (vault.json has another format).`);
  if (typeof obj.version === 'number' && obj.version > VAULT_FORMAT_VERSION)
    throw new DossierError(
      'newer-format',
      `This vault was written by a newer version of Dossier (format ${obj.version}; this version reads up to ${VAULT_FORMAT_VERSION}). Update Dossier to open it.`,
    );
  const parsed = vaultFileSchema.safeParse(json);
  if (!parsed.success)
    throw new DossierError('damaged', `The vault is damaged: vault.json is invalid (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}).`);
  return parsed.data;
}

export async function writeVaultFile(dir: string, data: VaultFile): Promise<void> {
  await writeFileAtomic(vaultFilePath(dir), JSON.stringify(data, null, 2) + '\n');
}

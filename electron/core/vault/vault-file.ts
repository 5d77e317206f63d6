// vault.json: format version, KDF parameters, salts and the two wrapped copies of the vault key.
// It holds no health data and no key material in the clear. It is the only place the wrapped keys
// live, so a second copy (vault.backup.json) is kept, and a checksum over the key fields tells a
// damaged file from a wrong passphrase.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DossierError } from '../base/errors.js';
import { writeFileAtomic } from './durable-fs.js';
import { MIN_SCRYPT_N } from '../crypto/kdf.js';

export const VAULT_FORMAT = 'dossier-vault';
/** 2: blobs carry trailers, database snapshots, vault.backup.json and the key checksum. 1 is read and upgraded. */
export const VAULT_FORMAT_VERSION = 2;
export const VAULT_FILE = 'vault.json';
export const VAULT_BACKUP_FILE = 'vault.backup.json';

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
  settings: z
    .object({
      autoLockMinutes: z.number().int().min(0).max(1440),
      /** Read text from photos and scanned pages on import (OCR). */
      ocr: z.boolean().default(true),
    })
    .default({ autoLockMinutes: 10, ocr: true }),
  /** Hex SHA-256 over the key fields (keyChecksumInput); absent in format 1. */
  keyChecksum: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

export type VaultFile = z.infer<typeof vaultFileSchema>;

export function vaultFilePath(dir: string): string {
  return path.join(dir, VAULT_FILE);
}

export function vaultExists(dir: string): boolean {
  return existsSync(vaultFilePath(dir)) || existsSync(path.join(dir, VAULT_BACKUP_FILE));
}

/** The key fields, one per line, in a fixed order (docs/vault-format.md). */
export function keyChecksumInput(f: VaultFile): string {
  const w = f.wrappedKeys;
  return [f.vaultId, f.kdf.name, f.kdf.N, f.kdf.r, f.kdf.p, f.kdf.salt, f.recovery.salt, w.passphrase.nonce, w.passphrase.data, w.recovery.nonce, w.recovery.data].join('\n');
}

export function keyChecksum(f: VaultFile): string {
  return createHash('sha256').update(keyChecksumInput(f), 'utf8').digest('hex');
}

export interface ReadVaultFile {
  file: VaultFile;
  /** One of the two copies is damaged, missing or older: write both again (under the lock). */
  needsRewrite: boolean;
}

type Copy = { ok: true; file: VaultFile } | { ok: false; error: DossierError };

/** Reads vault.json, falling back to its second copy when the first is damaged. */
export function readVaultFile(dir: string): ReadVaultFile {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DossierError('not-a-vault', `${dir} is not a Dossier vault (no such folder).`);
  if (!vaultExists(dir)) throw new DossierError('not-a-vault', `${dir} is not a Dossier vault (it has no vault.json).`);
  const primary = readCopy(dir, VAULT_FILE);
  const backup = readCopy(dir, VAULT_BACKUP_FILE);
  for (const c of [primary, backup]) if (!c.ok && (c.error.code === 'newer-format' || c.error.code === 'not-a-vault')) throw c.error;
  if (primary.ok) {
    const same = backup.ok && JSON.stringify(backup.file) === JSON.stringify(primary.file);
    return { file: primary.file, needsRewrite: !same || primary.file.version < VAULT_FORMAT_VERSION };
  }
  if (backup.ok) return { file: backup.file, needsRewrite: true };
  throw primary.error;
}

function readCopy(dir: string, name: string): Copy {
  const file = path.join(dir, name);
  if (!existsSync(file)) return { ok: false, error: new DossierError('damaged', `The vault is damaged: ${name} is missing.`) };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ok: false, error: new DossierError('damaged', `The vault is damaged: ${name} is not valid JSON.`, { details: { file: name } }) };
  }
  const obj = json as { format?: unknown; version?: unknown };
  if (obj?.format !== VAULT_FORMAT) return { ok: false, error: new DossierError('not-a-vault', `${dir} is not a Dossier vault (${name} has another format).`) };
  if (typeof obj.version === 'number' && obj.version > VAULT_FORMAT_VERSION)
    return {
      ok: false,
      error: new DossierError(
        'newer-format',
        `This vault was written by a newer version of Dossier (format ${obj.version}; this version reads up to ${VAULT_FORMAT_VERSION}). Update Dossier to open it.`,
      ),
    };
  const parsed = vaultFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: new DossierError('damaged', `The vault is damaged: ${name} is invalid (${issue?.path.join('.')}: ${issue?.message}).`, { details: { file: name } }) };
  }
  if (parsed.data.keyChecksum !== undefined && parsed.data.keyChecksum !== keyChecksum(parsed.data))
    return { ok: false, error: new DossierError('damaged', `The vault is damaged: the keys in ${name} do not match their checksum.`, { details: { file: name } }) };
  return { ok: true, file: parsed.data };
}

/** Writes both copies, each atomically: the second only after the first is durable. */
export async function writeVaultFile(dir: string, data: VaultFile): Promise<VaultFile> {
  const { keyChecksum: _old, ...rest } = data;
  const file: VaultFile = { ...rest, version: VAULT_FORMAT_VERSION, keyChecksum: keyChecksum(data) };
  const text = JSON.stringify(file, null, 2) + '\n';
  await writeFileAtomic(vaultFilePath(dir), text);
  await writeFileAtomic(path.join(dir, VAULT_BACKUP_FILE), text);
  return file;
}

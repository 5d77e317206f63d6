// Creating, unlocking, re-keying and closing a vault. See docs/vault-format.md for the layout.
import { mkdirSync, existsSync, rmSync, readdirSync } from 'node:fs';
import { randomUUID, randomBytes } from 'node:crypto';
import path from 'node:path';
import { deriveKek, newScryptParams, DEFAULT_SCRYPT } from '../crypto/kdf.js';
import { wrapKey, unwrapKey } from '../crypto/key-wrap.js';
import { newVaultKey, deriveSubkey } from '../crypto/keys.js';
import { newRecoveryKey, parseRecoveryKey, recoveryKek } from '../crypto/recovery-key.js';
import { BlobStore } from './blob-store.js';
import { openDatabase, DB_FILE, type Db } from './database.js';
import { DossierError, fsError } from '../base/errors.js';
import { VaultLock } from './lock.js';
import { readVaultFile, writeVaultFile, vaultExists, VAULT_FORMAT, VAULT_FORMAT_VERSION, type VaultFile } from './vault-file.js';

export const MIN_PASSPHRASE_LENGTH = 8;

export interface CreateVaultOptions {
  /** scrypt cost; tests use a cheaper one. The default costs 128 MiB per guess. */
  kdfCost?: { N: number; r: number; p: number };
}

export function checkPassphrasePolicy(passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new DossierError('invalid-params', `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`);
}

export class Vault {
  private closed = false;

  private constructor(
    readonly dir: string,
    private file: VaultFile,
    readonly db: Db,
    readonly blobs: BlobStore,
    private readonly vaultKey: Buffer,
    private readonly lock: VaultLock,
  ) {}

  get id(): string {
    return this.file.vaultId;
  }

  get settings(): VaultFile['settings'] {
    return this.file.settings;
  }

  static async create(dir: string, passphrase: string, options: CreateVaultOptions = {}): Promise<{ vault: Vault; recoveryKey: string }> {
    checkPassphrasePolicy(passphrase);
    if (vaultExists(dir)) throw new DossierError('vault-exists', `There is already a vault in ${dir}.`);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw fsError(err, dir);
    }
    const lock = VaultLock.acquire(dir);
    try {
      // Leftovers of a creation that was interrupted before vault.json existed are unreadable: drop them.
      for (const name of readdirSync(dir)) if (name.startsWith(DB_FILE)) rmSync(path.join(dir, name), { force: true });
      const vaultId = randomUUID();
      const vaultKey = newVaultKey();
      const kdf = newScryptParams(options.kdfCost ?? DEFAULT_SCRYPT);
      const recoveryKey = newRecoveryKey();
      const recoverySalt = randomBytes(32).toString('base64');
      const kek = await deriveKek(passphrase, kdf);
      const file: VaultFile = {
        format: VAULT_FORMAT,
        version: VAULT_FORMAT_VERSION,
        vaultId,
        createdAt: new Date().toISOString(),
        kdf,
        recovery: { salt: recoverySalt },
        wrappedKeys: {
          passphrase: wrapKey(kek, vaultKey, vaultId, 'passphrase'),
          recovery: wrapKey(recoveryKek(recoveryKey, recoverySalt), vaultKey, vaultId, 'recovery'),
        },
        database: { file: DB_FILE, cipher: 'sqlcipher', legacy: 4 },
        settings: { autoLockMinutes: 10 },
      };
      const db = openDatabase(path.join(dir, DB_FILE), deriveSubkey(vaultKey, vaultId, 'database'), { create: true });
      const blobs = new BlobStore(dir, deriveSubkey(vaultKey, vaultId, 'blob-encryption'), deriveSubkey(vaultKey, vaultId, 'blob-naming'));
      await writeVaultFile(dir, file); // last: until it exists, nothing here is a vault
      return { vault: new Vault(dir, file, db, blobs, vaultKey, lock), recoveryKey };
    } catch (err) {
      lock.release();
      throw err instanceof DossierError ? err : fsError(err, dir);
    }
  }

  static async open(dir: string, passphrase: string): Promise<Vault> {
    const file = readVaultFile(dir);
    const lock = VaultLock.acquire(dir);
    try {
      const kek = await deriveKek(passphrase, file.kdf);
      const vaultKey = unwrapKey(kek, file.wrappedKeys.passphrase, file.vaultId, 'passphrase');
      if (!vaultKey) throw new DossierError('wrong-passphrase', 'That is the wrong passphrase for this vault.');
      return Vault.unlockWithKey(dir, file, vaultKey, lock);
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  /** Opens the vault with the recovery key and sets a new passphrase. */
  static async recover(dir: string, recoveryKeyInput: string, newPassphrase: string): Promise<Vault> {
    checkPassphrasePolicy(newPassphrase);
    const parsed = parseRecoveryKey(recoveryKeyInput);
    if (!parsed.ok) throw new DossierError('wrong-recovery-key', `That recovery key is not valid: ${parsed.problem}.`);
    const file = readVaultFile(dir);
    const lock = VaultLock.acquire(dir);
    try {
      const vaultKey = unwrapKey(recoveryKek(parsed.canonical, file.recovery.salt), file.wrappedKeys.recovery, file.vaultId, 'recovery');
      if (!vaultKey) throw new DossierError('wrong-recovery-key', 'That recovery key does not open this vault.');
      const vault = Vault.unlockWithKey(dir, file, vaultKey, lock);
      await vault.setPassphrase(newPassphrase);
      return vault;
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  private static unlockWithKey(dir: string, file: VaultFile, vaultKey: Buffer, lock: VaultLock): Vault {
    const dbPath = path.join(dir, file.database.file);
    if (!existsSync(dbPath)) throw new DossierError('damaged', `The vault is damaged: its database ${dbPath} is missing.`);
    const db = openDatabase(dbPath, deriveSubkey(vaultKey, file.vaultId, 'database'), { create: false });
    const blobs = new BlobStore(dir, deriveSubkey(vaultKey, file.vaultId, 'blob-encryption'), deriveSubkey(vaultKey, file.vaultId, 'blob-naming'));
    const vault = new Vault(dir, file, db, blobs, vaultKey, lock);
    vault.sweep();
    return vault;
  }

  /** Removes what an interrupted import left behind: temp files and blobs no row references. */
  sweep(): { tempFiles: number; orphans: number } {
    const referenced = this.db.prepare('SELECT 1 FROM files WHERE blob_id = ? LIMIT 1');
    return this.blobs.sweep((id) => referenced.get(id) !== undefined);
  }

  /** Re-wraps the vault key under a new passphrase; no data is re-encrypted. */
  async changePassphrase(current: string, next: string): Promise<void> {
    checkPassphrasePolicy(next);
    const kek = await deriveKek(current, this.file.kdf);
    if (!unwrapKey(kek, this.file.wrappedKeys.passphrase, this.file.vaultId, 'passphrase'))
      throw new DossierError('wrong-passphrase', 'That is the wrong passphrase for this vault (the current passphrase is needed to change it).');
    await this.setPassphrase(next);
  }

  private async setPassphrase(next: string): Promise<void> {
    const kdf = newScryptParams({ N: this.file.kdf.N, r: this.file.kdf.r, p: this.file.kdf.p });
    const kek = await deriveKek(next, kdf);
    const file: VaultFile = { ...this.file, kdf, wrappedKeys: { ...this.file.wrappedKeys, passphrase: wrapKey(kek, this.vaultKey, this.file.vaultId, 'passphrase') } };
    await writeVaultFile(this.dir, file);
    this.file = file;
  }

  async updateSettings(settings: Partial<VaultFile['settings']>): Promise<void> {
    const file: VaultFile = { ...this.file, settings: { ...this.file.settings, ...settings } };
    await writeVaultFile(this.dir, file);
    this.file = file;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // a checkpoint failure only means the WAL stays; it is encrypted and replayed on next open
    }
    this.db.close();
    this.vaultKey.fill(0);
    this.lock.release();
  }
}

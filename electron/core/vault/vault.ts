// Creating, unlocking, re-keying, repairing and closing a vault. See docs/vault-format.md.
import { mkdirSync, rmSync, readdirSync, existsSync, renameSync, copyFileSync } from 'node:fs';
import { randomUUID, randomBytes } from 'node:crypto';
import path from 'node:path';
import { deriveKek, newScryptParams, DEFAULT_SCRYPT } from '../crypto/kdf.js';
import { wrapKey, unwrapKey } from '../crypto/key-wrap.js';
import { newVaultKey, deriveSubkey } from '../crypto/keys.js';
import { newRecoveryKey, parseRecoveryKey, recoveryKek } from '../crypto/recovery-key.js';
import { checkPassphrase } from '../../../shared/passphrase-policy.js';
import { BlobStore } from './blob-store.js';
import { openDatabase, DB_FILE, type Db } from './database.js';
import type { PurgedBlobsRow } from './rows.js';
import { DossierError, fsError, isDatabaseFull } from '../base/errors.js';
import { VaultLock } from './lock.js';
import { fsyncDirSync } from './durable-fs.js';
import { listSnapshots, takeSnapshot } from './snapshots.js';
import { readVaultFile, writeVaultFile, vaultExists, VAULT_FORMAT, VAULT_FORMAT_VERSION, type VaultFile } from './vault-file.js';

export interface CreateVaultOptions {
  /** scrypt cost; tests use a cheaper one. The default costs 128 MiB per guess. */
  kdfCost?: { N: number; r: number; p: number };
}

/** Refuses a passphrase the shared policy rejects (the same words in the app and the CLI). */
export function checkPassphrasePolicy(passphrase: string): void {
  const verdict = checkPassphrase(passphrase);
  if (!verdict.ok) throw new DossierError('invalid-params', verdict.message, { details: { policy: verdict.problem } });
}

/** The unlocked key material and the lock: what opening and repairing share. */
interface Unlocked {
  dir: string;
  file: VaultFile;
  vaultKey: Buffer;
  lock: VaultLock;
}

function subkeys(u: Unlocked): { database: Buffer; blobs: BlobStore } {
  const id = u.file.vaultId;
  return {
    database: deriveSubkey(u.vaultKey, id, 'database'),
    blobs: new BlobStore(u.dir, deriveSubkey(u.vaultKey, id, 'blob-encryption'), deriveSubkey(u.vaultKey, id, 'blob-naming')),
  };
}

export class Vault {
  private closed = false;
  private readonly changesAtOpen: number;

  private constructor(
    private readonly unlocked: Unlocked,
    readonly db: Db,
    readonly blobs: BlobStore,
    private readonly dbKey: Buffer,
  ) {
    this.changesAtOpen = totalChanges(db);
  }

  get dir(): string {
    return this.unlocked.dir;
  }

  get id(): string {
    return this.unlocked.file.vaultId;
  }

  get settings(): VaultFile['settings'] {
    return this.unlocked.file.settings;
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
      const draft: VaultFile = {
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
        settings: { autoLockMinutes: 10, ocr: true },
      };
      kek.fill(0);
      const unlocked: Unlocked = { dir, file: draft, vaultKey, lock };
      const keys = subkeys(unlocked);
      const db = openDatabase(path.join(dir, DB_FILE), keys.database, { create: true });
      unlocked.file = await writeVaultFile(dir, draft); // last: until it exists, nothing here is a vault
      return { vault: new Vault(unlocked, db, keys.blobs, keys.database), recoveryKey };
    } catch (err) {
      lock.release();
      throw err instanceof DossierError ? err : fsError(err, dir);
    }
  }

  static async open(dir: string, passphrase: string): Promise<Vault> {
    return Vault.openUnlocked(await unlockWithPassphrase(dir, passphrase));
  }

  /** Checks a passphrase against vault.json without opening anything (the vault may be open). */
  static async verifyPassphrase(dir: string, passphrase: string): Promise<void> {
    const { file } = readVaultFile(dir);
    const kek = await deriveKek(passphrase, file.kdf);
    const key = unwrapKey(kek, file.wrappedKeys.passphrase, file.vaultId, 'passphrase');
    kek.fill(0);
    if (!key) throw wrongPassphrase();
    key.fill(0);
  }

  /** Opens the vault with the recovery key and sets a new passphrase (before the database is opened,
   * so a damaged database can then be rebuilt with the new passphrase). */
  static async recover(dir: string, recoveryKeyInput: string, newPassphrase: string): Promise<Vault> {
    checkPassphrasePolicy(newPassphrase);
    const parsed = parseRecoveryKey(recoveryKeyInput);
    if (!parsed.ok) throw new DossierError('wrong-recovery-key', `That recovery key is not valid: ${parsed.problem}.`);
    const { file, needsRewrite } = readVaultFile(dir);
    const lock = VaultLock.acquire(dir);
    const unlocked: Unlocked = { dir, file, vaultKey: Buffer.alloc(0), lock };
    try {
      const vaultKey = unwrapKey(recoveryKek(parsed.canonical, file.recovery.salt), file.wrappedKeys.recovery, file.vaultId, 'recovery');
      if (!vaultKey) throw new DossierError('wrong-recovery-key', 'That recovery key does not open this vault.');
      unlocked.vaultKey = vaultKey;
      if (needsRewrite) unlocked.file = await writeVaultFile(dir, file);
      await setPassphrase(unlocked, newPassphrase);
    } catch (err) {
      lock.release();
      throw err;
    }
    return Vault.openUnlocked(unlocked);
  }

  /** Unlocks the keys without opening the database: for rebuild-index. */
  static async openForRepair(dir: string, passphrase: string): Promise<VaultRepair> {
    return new VaultRepair(await unlockWithPassphrase(dir, passphrase));
  }

  /** Opens the database of unlocked keys; on failure releases the lock and forgets the key. */
  static openUnlocked(unlocked: Unlocked): Vault {
    try {
      const keys = subkeys(unlocked);
      const db = openDatabase(path.join(unlocked.dir, unlocked.file.database.file), keys.database, { create: false });
      const vault = new Vault(unlocked, db, keys.blobs, keys.database);
      vault.blobs.sweepTemp();
      vault.finishPurges();
      return vault;
    } catch (err) {
      unlocked.vaultKey.fill(0);
      unlocked.lock.release();
      throw err;
    }
  }

  /** Blob ids that no file row (nor cached thumbnail) lists: left by an interrupted import or a lost index; kept, never deleted. */
  unlistedBlobs(): string[] {
    const referenced = this.db.prepare(BLOB_IN_USE);
    return this.blobs.listIds().filter((id) => referenced.get(id, id) === undefined);
  }

  /** Deletes the blobs recorded as purged (positive evidence: an emptied trash, a dropped thumbnail), then forgets them. */
  finishPurges(): number {
    const ids = (this.db.prepare('SELECT blob_id FROM purged_blobs').all() as Pick<PurgedBlobsRow, 'blob_id'>[]).map((r) => r.blob_id);
    const inUse = this.db.prepare(BLOB_IN_USE);
    if (ids.length === 0) return 0; // nothing to write: opening a vault on a full disk must not fail here
    for (const id of ids) if (!inUse.get(id, id)) this.blobs.removeSync(id);
    try {
      this.db.prepare('DELETE FROM purged_blobs').run();
    } catch (err) {
      // Housekeeping never blocks an unlock: on a full disk the rows stay and are retried next time.
      if (!isDatabaseFull(err)) throw err;
    }
    return ids.length;
  }

  /** Re-wraps the vault key under a new passphrase; no data is re-encrypted. */
  async changePassphrase(current: string, next: string): Promise<void> {
    checkPassphrasePolicy(next);
    const kek = await deriveKek(current, this.unlocked.file.kdf);
    const ok = unwrapKey(kek, this.unlocked.file.wrappedKeys.passphrase, this.id, 'passphrase');
    kek.fill(0);
    if (!ok) throw new DossierError('wrong-passphrase', 'That is the wrong passphrase for this vault (the current passphrase is needed to change it).');
    ok.fill(0);
    await setPassphrase(this.unlocked, next);
  }

  async updateSettings(settings: Partial<VaultFile['settings']>): Promise<void> {
    this.unlocked.file = await writeVaultFile(this.dir, { ...this.unlocked.file, settings: { ...this.unlocked.file.settings, ...settings } });
  }

  /** A snapshot now, keeping only it when `onlyThis` (after purging the trash: older ones still hold it). */
  snapshot(onlyThis = false): void {
    takeSnapshot(this.db, this.dir, onlyThis ? 1 : undefined);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (totalChanges(this.db) > this.changesAtOpen) takeSnapshot(this.db, this.dir);
    } catch {
      // A failed snapshot (disk full, damaged page) leaves the older ones; closing must still succeed.
    }
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // a checkpoint failure only means the WAL stays; it is encrypted and replayed on next open
    }
    this.db.close();
    this.blobs.forgetKeys();
    this.dbKey.fill(0);
    this.unlocked.vaultKey.fill(0);
    this.unlocked.lock.release();
  }
}

/** A blob is in use while a file or a cached thumbnail lists it (two parameters: the same id). */
const BLOB_IN_USE = 'SELECT 1 FROM files WHERE blob_id = ? UNION ALL SELECT 1 FROM thumbnails WHERE blob_id = ? LIMIT 1';

function totalChanges(db: Db): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

function wrongPassphrase(): DossierError {
  return new DossierError('wrong-passphrase', 'That is the wrong passphrase for this vault.');
}

async function unlockWithPassphrase(dir: string, passphrase: string): Promise<Unlocked> {
  const { file, needsRewrite } = readVaultFile(dir);
  const lock = VaultLock.acquire(dir);
  try {
    const kek = await deriveKek(passphrase, file.kdf);
    const vaultKey = unwrapKey(kek, file.wrappedKeys.passphrase, file.vaultId, 'passphrase');
    kek.fill(0);
    if (!vaultKey) throw wrongPassphrase();
    // A damaged or missing second copy (or a format 1 file) is written again now, under the lock.
    const current = needsRewrite ? await writeVaultFile(dir, file) : file;
    return { dir, file: current, vaultKey, lock };
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function setPassphrase(u: Unlocked, next: string): Promise<void> {
  const kdf = newScryptParams({ N: u.file.kdf.N, r: u.file.kdf.r, p: u.file.kdf.p });
  const kek = await deriveKek(next, kdf);
  const wrapped = wrapKey(kek, u.vaultKey, u.file.vaultId, 'passphrase');
  kek.fill(0);
  u.file = await writeVaultFile(u.dir, { ...u.file, kdf, wrappedKeys: { ...u.file.wrappedKeys, passphrase: wrapped } });
}

/**
 * Rebuilding the index: the keys are unlocked and the lock is held, the damaged database is left
 * where it is until a new one is complete. A new index is built under a temporary name (from a
 * snapshot or empty) and only `commit` moves the old one aside and the new one into place.
 */
export class VaultRepair {
  readonly blobs: BlobStore;
  private readonly dbKey: Buffer;
  private readonly tempFile: string;
  private index: Db | null = null;
  private done = false;

  constructor(private readonly unlocked: Unlocked) {
    const keys = subkeys(unlocked);
    this.blobs = keys.blobs;
    this.dbKey = keys.database;
    this.tempFile = path.join(unlocked.dir, `${DB_FILE}.rebuild-${randomBytes(4).toString('hex')}`);
    // A rebuild killed earlier left its temporary index: ours by name, never the live database.
    for (const n of readdirSync(unlocked.dir)) if (n.startsWith(`${DB_FILE}.rebuild-`)) rmSync(path.join(unlocked.dir, n), { force: true });
    this.blobs.sweepTemp();
  }

  get dir(): string {
    return this.unlocked.dir;
  }

  snapshots(): string[] {
    return listSnapshots(this.unlocked.dir);
  }

  /** A new index under the temporary name: a copy of `snapshot`, or empty. Throws if the snapshot is unusable. */
  newIndex(snapshot: string | null): Db {
    this.discardIndex();
    if (snapshot) copyFileSync(snapshot, this.tempFile);
    try {
      this.index = openDatabase(this.tempFile, this.dbKey, { create: snapshot === null });
      if (snapshot) assertIntact(this.index);
      return this.index;
    } catch (err) {
      this.discardIndex();
      throw err;
    }
  }

  /** Moves the damaged database aside (kept, never deleted) and the new index into place; opens the vault. */
  commit(): { vault: Vault; damagedKeptAt: string | null } {
    if (!this.index) throw new DossierError('internal', 'No index was built.');
    this.index.pragma('wal_checkpoint(TRUNCATE)');
    this.index.close();
    this.index = null;
    const dir = this.unlocked.dir;
    const live = path.join(dir, DB_FILE);
    const aside = `${live}.damaged-${new Date().toISOString().replace(/[-:.]/g, '')}`;
    const hadLive = existsSync(live);
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(live + suffix)) renameSync(live + suffix, aside + suffix);
    for (const suffix of ['-wal', '-shm']) rmSync(this.tempFile + suffix, { force: true });
    renameSync(this.tempFile, live);
    fsyncDirSync(dir);
    this.done = true;
    return { vault: Vault.openUnlocked(this.unlocked), damagedKeptAt: hadLive ? aside : null };
  }

  /** Gives up: the temporary index goes, the lock is released; the damaged database is untouched. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    this.discardIndex();
    this.blobs.forgetKeys();
    this.unlocked.vaultKey.fill(0);
    this.unlocked.lock.release();
  }

  private discardIndex(): void {
    try {
      this.index?.close();
    } catch {
      // closing a half-built index can fail; the file is removed next
    }
    this.index = null;
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.tempFile + suffix, { force: true });
  }
}

function assertIntact(db: Db): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  if (rows.some((r) => r.quick_check !== 'ok')) throw new DossierError('database-damaged', 'The snapshot is damaged.', { details: { problem: 'corrupt' } });
}

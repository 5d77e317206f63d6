import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { threadId } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { Vault } from '../../electron/core/vault/vault.js';
import { releaseLockOfEndedThread } from '../../electron/core/vault/lock.js';
import { DossierError } from '../../electron/core/base/errors.js';
import { deriveSubkey } from '../../electron/core/crypto/keys.js';
import { parseRecoveryKey } from '../../electron/core/crypto/recovery-key.js';
import { keyDatabase } from '../../electron/core/vault/database.js';
import { makeVault, tempDir, TEST_PASSPHRASE, FAST_KDF } from '../helpers/temp-vault.js';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DossierError);
    return (err as DossierError).code;
  }
  return 'no error';
}

describe('vault', () => {
  it('creates vault.json with KDF parameters and wrapped keys, and no health data', async () => {
    const { dir, cleanup } = await makeVault();
    const file = JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8'));
    expect(file).toMatchObject({ format: 'dossier-vault', version: 2, kdf: { name: 'scrypt', N: FAST_KDF.N }, database: { cipher: 'sqlcipher', legacy: 4 } });
    expect(Object.keys(file.wrappedKeys).sort()).toEqual(['passphrase', 'recovery']);
    cleanup();
  });

  it('uses at least 64 MiB of scrypt memory by default', async () => {
    const dir = path.join(tempDir(), 'v');
    const { vault } = await Vault.create(dir, TEST_PASSPHRASE);
    vault.close();
    const { kdf } = JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8'));
    expect(128 * kdf.N * kdf.r).toBeGreaterThanOrEqual(64 * 2 ** 20);
  });

  it('reopens with the right passphrase and refuses a wrong one', async () => {
    const { dir, vault, cleanup } = await makeVault();
    vault.db.prepare(`INSERT INTO meta(key, value) VALUES ('probe', 'x')`).run();
    vault.close();
    expect(await codeOf(Vault.open(dir, 'not the passphrase'))).toBe('wrong-passphrase');
    await expect(Vault.open(dir, 'not the passphrase')).rejects.toThrow(/wrong passphrase/);
    const again = await Vault.open(dir, TEST_PASSPHRASE);
    expect(again.db.prepare(`SELECT value FROM meta WHERE key='probe'`).get()).toEqual({ value: 'x' });
    again.close();
    cleanup();
  });

  it('changes the passphrase by re-wrapping only', async () => {
    const { dir, vault, cleanup } = await makeVault();
    const before = readFileSync(path.join(dir, 'dossier.db'));
    expect(await codeOf(vault.changePassphrase('wrong one!', 'new passphrase 2'))).toBe('wrong-passphrase');
    await vault.changePassphrase(TEST_PASSPHRASE, 'new passphrase 2');
    vault.close();
    expect(await codeOf(Vault.open(dir, TEST_PASSPHRASE))).toBe('wrong-passphrase');
    const v2 = await Vault.open(dir, 'new passphrase 2');
    v2.close();
    // The database file was not re-encrypted (same salt/first page).
    expect(readFileSync(path.join(dir, 'dossier.db')).subarray(0, 16).equals(before.subarray(0, 16))).toBe(true);
    cleanup();
  });

  it('recovers with the recovery key, typed sloppily, and sets a new passphrase', async () => {
    const { dir, vault, recoveryKey, cleanup } = await makeVault();
    vault.close();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const sloppy = recoveryKey.toLowerCase().replace(/-/g, ' ');
    const v = await Vault.recover(dir, sloppy, 'brand new passphrase');
    v.close();
    expect(await codeOf(Vault.open(dir, TEST_PASSPHRASE))).toBe('wrong-passphrase');
    (await Vault.open(dir, 'brand new passphrase')).close();
    expect(await codeOf(Vault.recover(dir, '0000-0000-0000-0000-0000-0000-0000-0000', 'whatever123'))).toBe('wrong-recovery-key');
    expect(await codeOf(Vault.recover(dir, 'ABCD', 'whatever123'))).toBe('wrong-recovery-key');
    cleanup();
  });

  it('parses recovery keys with look-alike characters', () => {
    expect(parseRecoveryKey('oooo-iiii-llll-0000-1111-2222-3333-4444')).toEqual({ ok: true, canonical: '0000-1111-1111-0000-1111-2222-3333-4444' });
    expect(parseRecoveryKey('UUUU')).toMatchObject({ ok: false });
  });

  it('lets one process at a time open a vault, and takes over a stale lock', async () => {
    const { dir, vault, cleanup } = await makeVault();
    expect(await codeOf(Vault.open(dir, TEST_PASSPHRASE))).toBe('vault-in-use');
    await expect(Vault.open(dir, TEST_PASSPHRASE)).rejects.toThrow(/locked by another process/);
    vault.close();
    // A lock left by a process that no longer exists (killed) does not block.
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    writeFileSync(path.join(dir, 'vault.lock'), JSON.stringify({ pid: Number(dead), host: (await import('node:os')).hostname(), since: '' }));
    const v = await Vault.open(dir, TEST_PASSPHRASE);
    v.close();
    expect(existsSync(path.join(dir, 'vault.lock'))).toBe(false);
    cleanup();
  });

  it("takes back the lock of an ended thread of this process — that thread's only", async () => {
    const { dir, vault, cleanup } = await makeVault();
    const lockFile = path.join(dir, 'vault.lock');
    const held = JSON.parse(readFileSync(lockFile, 'utf8')) as Record<string, unknown>;
    expect(held).toMatchObject({ pid: process.pid, thread: threadId });
    expect(releaseLockOfEndedThread(dir, threadId + 1)).toBe(false); // another thread's lock
    writeFileSync(lockFile, JSON.stringify({ ...held, pid: process.pid + 100_000 })); // another process's
    expect(releaseLockOfEndedThread(dir, threadId)).toBe(false);
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: held.host, since: '' })); // an older version's, no thread
    expect(releaseLockOfEndedThread(dir, threadId)).toBe(false);
    expect(existsSync(lockFile)).toBe(true);
    writeFileSync(lockFile, JSON.stringify(held));
    expect(releaseLockOfEndedThread(dir, threadId)).toBe(true);
    expect(existsSync(lockFile)).toBe(false);
    vault.close();
    cleanup();
  });

  it('gives distinct errors: not a vault, newer format, damaged vault.json, existing vault', async () => {
    const empty = tempDir();
    expect(await codeOf(Vault.open(empty, TEST_PASSPHRASE))).toBe('not-a-vault');
    expect(await codeOf(Vault.open(path.join(empty, 'nope'), TEST_PASSPHRASE))).toBe('not-a-vault');
    const { dir, vault, cleanup } = await makeVault();
    vault.close();
    expect(await codeOf(Vault.create(dir, TEST_PASSPHRASE))).toBe('vault-exists');
    const file = path.join(dir, 'vault.json');
    const second = path.join(dir, 'vault.backup.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('"version": 2', '"version": 99'));
    await expect(Vault.open(dir, TEST_PASSPHRASE)).rejects.toThrow(/newer version of Dossier/);
    // With its second copy gone too, a damaged vault.json is "damaged", never "wrong passphrase".
    rmSync(second);
    writeFileSync(file, good.slice(0, 50));
    expect(await codeOf(Vault.open(dir, TEST_PASSPHRASE))).toBe('damaged');
    // A vault.json weakened to a trivial KDF cost is refused, not used.
    writeFileSync(file, good.replace(/"N": \d+/, '"N": 2'));
    expect(await codeOf(Vault.open(dir, TEST_PASSPHRASE))).toBe('damaged');
    // A changed key field no longer matches its checksum: damaged, not a wrong passphrase.
    writeFileSync(file, good.replace(/"nonce": "[^"]+"/, '"nonce": "AAAAAAAAAAAAAAAA"'));
    expect(await codeOf(Vault.open(dir, TEST_PASSPHRASE))).toBe('damaged');
    writeFileSync(file, good);
    (await Vault.open(dir, TEST_PASSPHRASE)).close();
    cleanup();
  });

  it('refuses short passphrases', async () => {
    expect(await codeOf(Vault.create(path.join(tempDir(), 'v'), 'short'))).toBe('invalid-params');
  });

  it('writes a SQLCipher 4 database that standard SQLCipher 4 settings open with the raw key', async () => {
    const { dir, vault, cleanup } = await makeVault();
    vault.db.prepare(`INSERT INTO meta(key, value) VALUES ('probe', 'sqlcipher')`).run();
    const id = vault.id;
    vault.close();
    const dbFile = path.join(dir, 'dossier.db');
    const header = readFileSync(dbFile).subarray(0, 16);
    expect(header.toString('latin1')).not.toContain('SQLite format 3');
    // Recompute the key as a compatible reader would (docs/vault-format.md) from the vault key.
    const { unwrapKey } = await import('../../electron/core/crypto/key-wrap.js');
    const { deriveKek } = await import('../../electron/core/crypto/kdf.js');
    const vf = JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8'));
    const vaultKey = unwrapKey(await deriveKek(TEST_PASSPHRASE, vf.kdf), vf.wrappedKeys.passphrase, id, 'passphrase')!;
    const raw = deriveSubkey(vaultKey, id, 'database');
    const db = new Database(dbFile, { readonly: true });
    keyDatabase(db, raw);
    expect(db.prepare(`SELECT value FROM meta WHERE key='probe'`).get()).toEqual({ value: 'sqlcipher' });
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(Number(db.pragma('kdf_iter', { simple: true }))).toBe(256000); // SQLCipher 4 defaults (unused with a raw key)
    db.close();
    // Without the SQLCipher settings the same key does not open it (it is not the default cipher's format).
    const wrong = new Database(dbFile, { readonly: true });
    wrong.pragma(`key="x'${raw.toString('hex')}'"`);
    expect(() => wrong.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    wrong.close();
    cleanup();
  });

  it('sweeps temp files on open, and keeps (and counts) blobs no row references', async () => {
    const { dir, vault, cleanup } = await makeVault();
    const { blobId } = await vault.blobs.putBytes(Buffer.from('orphan from a killed import'));
    writeFileSync(path.join(dir, 'blobs', 'tmp', 'half-written.tmp'), 'x');
    vault.close();
    const v = await Vault.open(dir, TEST_PASSPHRASE);
    // No row lists it: that is no evidence it may go (the index may have lost it). Kept and counted.
    expect(v.blobs.has(blobId)).toBe(true);
    expect(v.unlistedBlobs()).toEqual([blobId]);
    expect(existsSync(path.join(dir, 'blobs', 'tmp', 'half-written.tmp'))).toBe(false);
    v.close();
    mkdirSync(path.join(dir, 'x'), { recursive: true });
    cleanup();
  });
});

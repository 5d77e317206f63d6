// A backup is a copy of the encrypted vault (vault.json, database, blobs) into a new folder:
// it stays encrypted and opens with the same passphrase or recovery key.
import { copyFileSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Vault } from './vault.js';
import { fsError } from '../base/errors.js';
import { VAULT_FILE } from './vault-file.js';
import { DB_FILE } from './database.js';
import { fsyncDirSync } from './durable-fs.js';

export async function backupVault(vault: Vault, destinationDir: string): Promise<{ path: string; bytes: number }> {
  const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 16);
  const finalDir = path.join(destinationDir, `Dossier vault backup ${stamp}`);
  const tmpDir = `${finalDir}.partial`;
  let bytes = 0;
  try {
    await fsp.mkdir(path.join(tmpDir, 'blobs'), { recursive: true });
    await fsp.copyFile(path.join(vault.dir, VAULT_FILE), path.join(tmpDir, VAULT_FILE));
    // Fold the WAL into the database, then copy it synchronously so no write can interleave.
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(path.join(vault.dir, DB_FILE), path.join(tmpDir, DB_FILE));
    bytes += (await fsp.stat(path.join(tmpDir, DB_FILE))).size;
    for (const id of vault.blobs.listIds()) {
      const target = path.join(tmpDir, 'blobs', id.slice(0, 2));
      await fsp.mkdir(target, { recursive: true });
      await fsp.copyFile(vault.blobs.pathOf(id), path.join(target, id));
      bytes += (await fsp.stat(path.join(target, id))).size;
    }
    await fsp.rename(tmpDir, finalDir);
    fsyncDirSync(destinationDir);
    return { path: finalDir, bytes };
  } catch (err) {
    await fsp.rm(tmpDir, { recursive: true, force: true }).catch(() => undefined);
    throw fsError(err, `the backup in ${destinationDir}`);
  }
}

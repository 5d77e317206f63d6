// A backup is a copy of the encrypted vault (vault.json and its second copy, database, a snapshot,
// blobs) into a new folder:
// it stays encrypted and opens with the same passphrase or recovery key.
import { copyFileSync, existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Vault } from './vault.js';
import { fsError } from '../base/errors.js';
import { VAULT_BACKUP_FILE, VAULT_FILE } from './vault-file.js';
import { SNAPSHOT_DIR, takeSnapshot } from './snapshots.js';
import { DB_FILE } from './database.js';
import { foldersUpTo, fsyncDirSync, fsyncFiles, fsyncFolders } from './durable-fs.js';

export async function backupVault(vault: Vault, destinationDir: string): Promise<{ path: string; bytes: number }> {
  const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 16);
  const finalDir = path.join(destinationDir, `Dossier vault backup ${stamp}`);
  const tmpDir = `${finalDir}.partial`;
  try {
    const files = await copyVault(vault, tmpDir);
    // Durable before it has its final name: a backup that looks complete is complete.
    await fsyncFiles(files);
    await fsyncFolders(foldersUpTo(files, tmpDir));
    await fsp.rename(tmpDir, finalDir);
    fsyncDirSync(destinationDir);
    let bytes = 0;
    for (const f of files) bytes += (await fsp.stat(f.replace(tmpDir, finalDir))).size;
    return { path: finalDir, bytes };
  } catch (err) {
    await fsp.rm(tmpDir, { recursive: true, force: true }).catch(() => undefined);
    throw fsError(err, `the backup in ${destinationDir}`);
  }
}

/**
 * vault.json and its second copy, the database, a snapshot of it taken now (what rebuild-index
 * starts from if the copied database is ever damaged) and every blob. Returns the files written.
 */
async function copyVault(vault: Vault, to: string): Promise<string[]> {
  const files: string[] = [];
  const copy = async (from: string, rel: string): Promise<void> => {
    const target = path.join(to, rel);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.copyFile(from, target);
    files.push(target);
  };
  await fsp.mkdir(to, { recursive: true });
  await copy(path.join(vault.dir, VAULT_FILE), VAULT_FILE);
  // The second copy of the wrapped keys; an older vault without one gets it from the first.
  const second = path.join(vault.dir, VAULT_BACKUP_FILE);
  await copy(existsSync(second) ? second : path.join(vault.dir, VAULT_FILE), VAULT_BACKUP_FILE);
  // Fold the WAL into the database, then copy it synchronously so no write can interleave.
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  await fsp.mkdir(to, { recursive: true });
  copyFileSync(path.join(vault.dir, DB_FILE), path.join(to, DB_FILE));
  files.push(path.join(to, DB_FILE));
  const snapshot = takeSnapshot(vault.db, vault.dir);
  await copy(snapshot, path.join(SNAPSHOT_DIR, path.basename(snapshot)));
  for (const id of vault.blobs.listIds()) await copy(vault.blobs.pathOf(id), path.join('blobs', id.slice(0, 2), id));
  return files;
}

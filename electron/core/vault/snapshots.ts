// The second line of defence for what lives only in the database (cases, questions, people, notes,
// edits): after a session that changed something, an encrypted copy of the database is kept in
// snapshots/ (the newest few). `VACUUM INTO` writes it page-encrypted with the same key.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Db } from './database.js';
import { fsyncDirSync } from './durable-fs.js';

export const SNAPSHOT_DIR = 'snapshots';
/** How many snapshots are kept; older ones are removed once a newer one is durable. */
export const SNAPSHOTS_KEPT = 3;
const NAME = /^dossier-\d{8}T\d{9}Z-[0-9a-f]{8}\.db$/;

/** Snapshot files, newest first. */
export function listSnapshots(vaultDir: string): string[] {
  const dir = path.join(vaultDir, SNAPSHOT_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort()
    .reverse()
    .map((n) => path.join(dir, n));
}

/** Writes a new snapshot (temp name → fsync → rename), then keeps only the newest `keep`. */
export function takeSnapshot(db: Db, vaultDir: string, keep = SNAPSHOTS_KEPT): string {
  const dir = path.join(vaultDir, SNAPSHOT_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const n of readdirSync(dir)) if (n.endsWith('.tmp')) rmSync(path.join(dir, n), { force: true });
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  const final = path.join(dir, `dossier-${stamp}-${randomBytes(4).toString('hex')}.db`);
  const tmp = `${final}.tmp`;
  closeSync(openSync(tmp, 'wx', 0o600)); // VACUUM INTO accepts an empty file; its mode stays private
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, final);
    fsyncDirSync(dir);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  for (const old of listSnapshots(vaultDir).slice(keep)) rmSync(old, { force: true });
  return final;
}

// The trash: deleting a record is reversible until the trash is emptied. Emptying removes rows,
// search text and the stored files no other record needs — with positive evidence: the purged blob
// ids are written in the same transaction, so a crash before the files are gone finishes the job
// on the next open instead of leaving them for rebuild-index to bring back.
import type { Db } from '../vault/database.js';
import type { Vault } from '../vault/vault.js';
import { DossierError } from '../base/errors.js';
import type { Rowid } from '../vault/rows.js';

function assertRecord(db: Db, id: string): void {
  if (!db.prepare('SELECT 1 FROM records WHERE id = ?').get(id)) throw new DossierError('not-found', `There is no record with id ${id}.`, { details: { recordId: id } });
}

/** Moves records to the trash; their files stay in the vault until it is emptied. */
export function deleteRecords(db: Db, ids: string[]): void {
  for (const id of ids) assertRecord(db, id);
  const t = new Date().toISOString();
  const mark = db.prepare('UPDATE records SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL');
  db.transaction(() => ids.forEach((id) => mark.run(t, t, id)))();
}

/** Takes records back out of the trash (all of them when `ids` is 'all'). */
export function restoreRecords(db: Db, ids: string[] | 'all'): number {
  const t = new Date().toISOString();
  if (ids === 'all') return db.prepare('UPDATE records SET deleted_at = NULL, updated_at = ? WHERE deleted_at IS NOT NULL').run(t).changes;
  for (const id of ids) assertRecord(db, id);
  const restore = db.prepare('UPDATE records SET deleted_at = NULL, updated_at = ? WHERE id = ?');
  return db.transaction(() => ids.reduce((n, id) => n + restore.run(t, id).changes, 0))();
}

export function trashCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM records WHERE deleted_at IS NOT NULL').get() as { n: number }).n;
}

/** Deletes the records in the trash for good. Returns how many records were purged. */
export async function emptyTrash(vault: Vault): Promise<number> {
  const db = vault.db;
  const purged = db.transaction(() => {
    const rows = db.prepare('SELECT rowid FROM records WHERE deleted_at IS NOT NULL').all() as Rowid[];
    const dropText = db.prepare('DELETE FROM record_text WHERE rowid = ?');
    for (const r of rows) dropText.run(r.rowid);
    // Blobs only trashed records use: recorded as purged before their rows go.
    db.prepare(
      `INSERT OR IGNORE INTO purged_blobs (blob_id, purged_at)
       SELECT DISTINCT f.blob_id, ? FROM files f JOIN records r ON r.id = f.record_id WHERE r.deleted_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM files g JOIN records q ON q.id = g.record_id WHERE g.blob_id = f.blob_id AND q.deleted_at IS NULL)`,
    ).run(new Date().toISOString());
    // Their cached thumbnails too (the rows go by cascade; the blobs once nothing lists them).
    db.prepare(
      `INSERT OR IGNORE INTO purged_blobs (blob_id, purged_at)
       SELECT t.blob_id, ? FROM thumbnails t JOIN records r ON r.id = t.record_id WHERE r.deleted_at IS NOT NULL AND t.blob_id IS NOT NULL`,
    ).run(new Date().toISOString());
    // files, instances, thumbnails and case_records go with them (ON DELETE CASCADE).
    db.prepare('DELETE FROM records WHERE deleted_at IS NOT NULL').run();
    return rows.length;
  })();
  vault.finishPurges();
  // Older snapshots still hold the purged rows and text: keep only one taken now.
  vault.snapshot(true);
  return purged;
}

// The vault check: SQLite integrity, the full-text index, and every blob authenticated chunk by
// chunk and bound to its name (a blob moved or swapped on disk is named as such). Problems carry
// codes and the record they damage; the CLI and the app word them.
import type { BlobProblemCode, CheckProblem, CheckReport } from '../../../shared/vault.js';
import type { Vault } from './vault.js';
import { BlobDamaged } from './blob-store.js';
import { DossierError, isDatabaseCorruption } from '../base/errors.js';
import type { FilesRow, RecordsRow } from './rows.js';

type FileRow = Pick<FilesRow, 'blob_id' | 'original_name' | 'size' | 'record_id'> & Pick<RecordsRow, 'title'>;

export async function checkVault(vault: Vault): Promise<CheckReport> {
  const empty = { records: 0, files: 0, bytes: 0, unlistedFiles: 0 };
  let files: FileRow[];
  try {
    const dbProblem = databaseProblem(vault);
    if (dbProblem) return { ok: false, problems: [dbProblem], ...empty };
    files = vault.db
      .prepare(`SELECT f.blob_id, f.original_name, f.size, r.id AS record_id, r.title FROM files f JOIN records r ON r.id = f.record_id ORDER BY r.id`)
      .all() as FileRow[];
  } catch (err) {
    if (isDatabaseCorruption(err)) return { ok: false, problems: [{ code: 'database-damaged', detail: (err as Error).message }], ...empty };
    throw err;
  }
  const problems: CheckProblem[] = [];
  const searchProblem = searchIndexProblem(vault);
  if (searchProblem) problems.push(searchProblem);
  const checked = new Map<string, { code: BlobProblemCode; detail: string } | null>();
  let bytes = 0;
  for (const f of files) {
    bytes += f.size;
    if (!checked.has(f.blob_id)) checked.set(f.blob_id, await checkBlob(vault, f.blob_id, f.size));
    const p = checked.get(f.blob_id);
    if (p) problems.push({ ...p, blobId: f.blob_id, recordId: f.record_id, recordTitle: f.title, fileName: f.original_name });
  }
  const records = (vault.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  return { ok: problems.length === 0, problems, records, files: files.length, bytes, unlistedFiles: vault.unlistedBlobs().length };
}

function databaseProblem(vault: Vault): CheckProblem | null {
  const rows = vault.db.pragma('integrity_check') as { integrity_check: string }[];
  const bad = rows.filter((r) => r.integrity_check !== 'ok');
  return bad.length ? { code: 'database-damaged', detail: bad.map((r) => r.integrity_check).join('; ') } : null;
}

function searchIndexProblem(vault: Vault): CheckProblem | null {
  try {
    vault.db.exec(`INSERT INTO record_text(record_text) VALUES ('integrity-check')`);
    return null;
  } catch (err) {
    return { code: 'search-index-damaged', detail: (err as Error).message };
  }
}

/** Authenticates every chunk and recomputes the content's name (catches swaps in format 1 blobs too). */
async function checkBlob(vault: Vault, blobId: string, expectedSize: number): Promise<{ code: BlobProblemCode; detail: string } | null> {
  try {
    const reader = await vault.blobs.open(blobId);
    try {
      if (reader.size !== expectedSize) return { code: 'blob-size-mismatch', detail: `stored ${reader.size} bytes, expected ${expectedSize}` };
      const name = vault.blobs.contentHmac();
      for await (const chunk of reader.stream()) name.update(chunk);
      if (name.digest('hex') !== blobId) return { code: 'blob-swapped', detail: 'its content belongs to another stored file' };
    } finally {
      await reader.close();
    }
    return null;
  } catch (err) {
    if (err instanceof BlobDamaged) return { code: err.damage === 'missing' ? 'blob-missing' : err.damage === 'swapped' ? 'blob-swapped' : 'blob-damaged', detail: err.message };
    if (err instanceof DossierError) return { code: 'blob-damaged', detail: err.message };
    throw err;
  }
}

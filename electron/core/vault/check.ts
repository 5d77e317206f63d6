// The vault check: SQLite integrity, the full-text index, and every blob authenticated chunk by
// chunk. Each problem names the record it damages, so the person knows what to re-import.
import type { Vault } from './vault.js';
import { DossierError } from '../base/errors.js';

export interface CheckReport {
  ok: boolean;
  problems: string[];
  records: number;
  files: number;
  bytes: number;
}

export async function checkVault(vault: Vault): Promise<CheckReport> {
  const problems: string[] = [];
  const db = vault.db;
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`database: ${row.integrity_check}`);
  try {
    db.exec(`INSERT INTO record_text(record_text) VALUES ('integrity-check')`);
  } catch (err) {
    problems.push(`search index: ${(err as Error).message}`);
  }
  const files = db
    .prepare(`SELECT f.blob_id, f.original_name, f.size, r.id AS record_id, r.title FROM files f JOIN records r ON r.id = f.record_id ORDER BY r.id`)
    .all() as { blob_id: string; original_name: string; size: number; record_id: string; title: string }[];
  let bytes = 0;
  const checked = new Map<string, string | null>();
  for (const f of files) {
    bytes += f.size;
    if (!checked.has(f.blob_id)) checked.set(f.blob_id, await checkBlob(vault, f.blob_id, f.size));
    const problem = checked.get(f.blob_id);
    if (problem) problems.push(`damaged: record ${f.record_id} "${f.title}", file ${f.original_name}: ${problem}`);
  }
  const records = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  return { ok: problems.length === 0, problems, records, files: files.length, bytes };
}

async function checkBlob(vault: Vault, blobId: string, expectedSize: number): Promise<string | null> {
  try {
    const reader = await vault.blobs.open(blobId);
    try {
      if (reader.size !== expectedSize) return `stored size ${reader.size} bytes, expected ${expectedSize} (truncated or replaced)`;
      await reader.verify();
    } finally {
      await reader.close();
    }
    return null;
  } catch (err) {
    if (err instanceof DossierError) return err.message;
    throw err;
  }
}

// rebuild-index: the database is an index, the blobs are the truth. A new index starts from the
// newest database that is still sound (the live one, else a snapshot, else empty), drops rows whose
// stored file is gone, and adds a record for every stored file it does not list — from the facts
// the blob carries, or (blobs written before facts existed) by importing the content again.
import type { RebuildProgress, RebuildReport } from '../../../shared/vault.js';
import type { Analysis } from '../base/analysis.js';
import type { Db } from '../vault/database.js';
import { DB_FILE } from '../vault/database.js';
import type { FilesRow, Rowid } from '../vault/rows.js';
import { Vault, type VaultRepair } from '../vault/vault.js';
import { DossierError } from '../base/errors.js';
import { newId } from '../base/ids.js';
import { Importer } from './pipeline.js';
import { bytesSource } from './source.js';
import { insertDocument, insertInstance, recordExists, recordWithSopInstance, studyRecordId } from './record-writer.js';
import { parseRecordFacts, type RecordFacts } from './record-facts.js';
import { isThumbnailFacts } from '../records/thumbnail-cache.js';
import { existsSync } from 'node:fs';
import path from 'node:path';

const BATCH = 64;

interface Adoptable {
  blobId: string;
  size: number;
  facts: RecordFacts | null;
}

export interface RebuildOptions {
  onProgress?: (p: RebuildProgress) => void;
}

export async function rebuildIndex(repair: VaultRepair, options: RebuildOptions = {}): Promise<{ vault: Vault; report: RebuildReport }> {
  let report: RebuildReport;
  let reanalyse: Adoptable[];
  try {
    const { db, snapshot } = startingIndex(repair);
    const rowsDropped = dropRowsWithoutBlobs(db, new Set(repair.blobs.listIds()));
    const recordsKept = count(db, 'SELECT count(*) AS n FROM records');
    const adoptable = await unlistedBlobs(repair, db, new Date().toISOString());
    reanalyse = adoptable.filter((a) => !a.facts);
    const recordsAdded = addFromFacts(db, adoptable.filter((a) => a.facts), adoptable.length, options);
    report = { snapshot, recordsKept, recordsAdded, filesReanalysed: reanalyse.length, rowsDropped, damagedKeptAt: null };
  } catch (err) {
    repair.abort();
    throw err;
  }
  const { vault, damagedKeptAt } = repair.commit();
  report.damagedKeptAt = damagedKeptAt;
  report.recordsAdded += await reimport(vault, reanalyse);
  return { vault, report };
}

/** The live database if it is sound, else the newest sound snapshot, else a new empty index. */
function startingIndex(repair: VaultRepair): { db: Db; snapshot: string | null } {
  const live = path.join(repair.dir, DB_FILE);
  for (const candidate of [live, ...repair.snapshots()]) {
    if (!existsSync(candidate)) continue;
    try {
      return { db: repair.newIndex(candidate), snapshot: candidate === live ? null : path.basename(candidate) };
    } catch (err) {
      if (!(err instanceof DossierError)) throw err;
      // damaged or empty: try the next, older one
    }
  }
  return { db: repair.newIndex(null), snapshot: null };
}

/** Rows whose stored file is gone (deleted after the snapshot was taken) leave the index. */
function dropRowsWithoutBlobs(db: Db, present: Set<string>): number {
  const listed = db.prepare('SELECT DISTINCT blob_id FROM files').all() as Pick<FilesRow, 'blob_id'>[];
  const gone = listed.map((r) => r.blob_id).filter((id) => !present.has(id));
  return db.transaction(() => {
    db.prepare('DELETE FROM thumbnails WHERE blob_id IS NOT NULL AND blob_id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify([...present]));
    const drop = db.prepare('DELETE FROM files WHERE blob_id = ?');
    let dropped = 0;
    for (const id of gone) dropped += drop.run(id).changes;
    const empty = db.prepare(`SELECT rowid FROM records r WHERE kind != 'note' AND NOT EXISTS (SELECT 1 FROM files f WHERE f.record_id = r.id)`).all() as Rowid[];
    const dropText = db.prepare('DELETE FROM record_text WHERE rowid = ?');
    for (const r of empty) dropText.run(r.rowid);
    db.prepare(`DELETE FROM records WHERE kind != 'note' AND NOT EXISTS (SELECT 1 FROM files f WHERE f.record_id = records.id)`).run();
    return dropped;
  })();
}

/**
 * Stored files the index does not list (and that no emptied trash purged), with their facts, oldest
 * import first. A cached thumbnail no row lists any more is no record: it is marked purged.
 */
async function unlistedBlobs(repair: VaultRepair, db: Db, now: string): Promise<Adoptable[]> {
  const listed = db.prepare('SELECT 1 FROM files WHERE blob_id = ? UNION ALL SELECT 1 FROM thumbnails WHERE blob_id = ? LIMIT 1');
  const purged = db.prepare('SELECT 1 FROM purged_blobs WHERE blob_id = ?');
  const markPurged = db.prepare('INSERT OR IGNORE INTO purged_blobs (blob_id, purged_at) VALUES (?, ?)');
  const out: Adoptable[] = [];
  for (const blobId of repair.blobs.listIds()) {
    if (listed.get(blobId, blobId) || purged.get(blobId)) continue;
    const reader = await repair.blobs.open(blobId).catch(() => null);
    if (!reader) continue; // a damaged blob cannot be adopted; check names it once it is listed again
    try {
      if (isThumbnailFacts(reader.trailer?.facts)) markPurged.run(blobId, now);
      else out.push({ blobId, size: reader.size, facts: reader.trailer ? parseRecordFacts(reader.trailer.facts) : null });
    } finally {
      await reader.close();
    }
  }
  const key = (a: Adoptable) => `${a.facts?.importedAt ?? ''}\u0000${a.facts?.originalPath ?? ''}`;
  return out.sort((a, b) => key(a).localeCompare(key(b)));
}

/** Inserts the files that carry facts, a transaction per batch; returns how many records that created. */
function addFromFacts(db: Db, items: Adoptable[], total: number, options: RebuildOptions): number {
  const before = count(db, 'SELECT count(*) AS n FROM records');
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    const ids = db.transaction(() => batch.map((a) => insertFromFacts(db, a.blobId, a.size, a.facts!)))();
    ids.forEach((recordId, j) => options.onProgress?.({ filesDone: i + j + 1, filesTotal: total, recordId }));
  }
  return count(db, 'SELECT count(*) AS n FROM records') - before;
}

/** Inserts one file from its facts, keeping its ids; null when the index already has it. */
function insertFromFacts(db: Db, blobId: string, size: number, facts: RecordFacts): string | null {
  if (db.prepare('SELECT 1 FROM files WHERE id = ?').get(facts.fileId)) return null;
  const analysis = facts.analysis as Analysis;
  const file = { id: facts.fileId, blobId, size, originalName: facts.originalName, originalPath: facts.originalPath, importedAt: facts.importedAt, ...(facts.importId ? { importId: facts.importId } : {}) };
  if (analysis.dicom) {
    if (recordWithSopInstance(db, analysis.dicom.sopInstanceUID)) return null;
    return insertInstance(db, studyRecordId(db, analysis.dicom.studyInstanceUID) ?? facts.recordId, analysis, analysis.dicom, file);
  }
  return insertDocument(db, recordExists(db, facts.recordId) ? newId() : facts.recordId, analysis, file);
}

/** Blobs from before record facts existed: imported again from their own bytes (which also gives them facts). */
async function reimport(vault: Vault, items: Adoptable[]): Promise<number> {
  if (!items.length) return 0;
  const sources = [];
  for (const a of items) {
    const reader = await vault.blobs.open(a.blobId);
    try {
      sources.push(bytesSource(`recovered file ${a.blobId.slice(0, 12)}`, `recovered-${a.blobId.slice(0, 12)}`, await reader.readAll()));
    } finally {
      await reader.close();
    }
  }
  const summary = await new Importer(vault).importSources(sources);
  return summary.recordIds.length;
}

function count(db: Db, sql: string): number {
  return (db.prepare(sql).get() as { n: number }).n;
}

// Reading and editing records: the library list (filters, full-text search, sort), one record's
// detail, edits, and the trash (delete is reversible until the record is purged).
import type { Db } from '../vault/database.js';
import type { RecordDetail, RecordSummary, RecordKind, RecordType, FileFormat, SeriesSummary } from '../../../shared/domain.js';
import { RECORD_PAGE_DEFAULT, RECORD_PAGE_MAX, type RecordPage, type RecordPatch, type RecordQuery, type RecordsPatch } from '../../../shared/api.js';
import { cached } from '../vault/database.js';
import { SNIPPET_SCAN_CHARS, makeSnippet, searchWords } from './snippet.js';
import { DossierError } from '../base/errors.js';
import { toFtsQuery } from './search-query.js';
import type { FilesRow, InstancesRow, RecordTextRow, RecordsRow, Rowid } from '../vault/rows.js';

/** A record with what SELECT adds: counts and sizes of its files, series and import. */
type RecordRow = RecordsRow &
  Rowid & {
    file_count: number;
    size_bytes: number;
    series_count: number | null;
    instance_count: number | null;
    modalities: string | null;
  };

const SELECT = `
  SELECT r.*, r.rowid AS rowid,
    (SELECT count(*) FROM files f WHERE f.record_id = r.id) AS file_count,
    (SELECT coalesce(sum(f.size), 0) FROM files f WHERE f.record_id = r.id) AS size_bytes,
    (SELECT count(DISTINCT i.series_uid) FROM instances i WHERE i.record_id = r.id) AS series_count,
    (SELECT count(*) FROM instances i WHERE i.record_id = r.id) AS instance_count,
    (SELECT group_concat(DISTINCT i.modality) FROM instances i WHERE i.record_id = r.id) AS modalities
  FROM records r`;

/**
 * How many live records came with each of these imports — counted once per import, not per row
 * (a 10,000-file import would otherwise be counted 100 times for one page).
 */
function importSizes(db: Db, importIds: (string | null)[]): Map<string, number> {
  const ids = [...new Set(importIds.filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const rows = cached(db, `SELECT import_id AS id, count(*) AS n FROM records WHERE import_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL GROUP BY import_id`).all(
    JSON.stringify(ids),
  ) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

function toSummary(row: RecordRow, sizes: Map<string, number>): RecordSummary {
  const meta = JSON.parse(row.metadata) as Record<string, unknown>;
  const summary: RecordSummary = {
    id: row.id,
    kind: row.kind as RecordKind,
    type: row.type as RecordType,
    title: row.title,
    date: row.date,
    patientName: row.patient_name,
    patientId: row.patient_id,
    patientBirthDate: row.patient_birth_date,
    personId: row.person_id,
    institution: row.institution,
    sourceFileCount: row.file_count,
    sizeBytes: row.size_bytes,
    format: row.format as FileFormat,
    tags: JSON.parse(row.tags) as string[],
    typeGuessed: row.type_guessed === 1,
    dateGuessed: row.date_guessed === 1,
    importedAt: row.imported_at,
    deletedAt: row.deleted_at,
    importId: row.import_id,
    importSize: Math.max(1, (row.import_id && sizes.get(row.import_id)) || 0),
  };
  if (row.kind === 'imaging') {
    summary.studyInstanceUID = row.study_uid ?? '';
    summary.modalities = (row.modalities ?? '').split(',').filter(Boolean).sort();
    summary.seriesCount = row.series_count ?? 0;
    summary.instanceCount = row.instance_count ?? 0;
    summary.studyDescription = typeof meta.studyDescription === 'string' ? meta.studyDescription : '';
  } else {
    summary.pageCount = row.page_count ?? 0;
    summary.textChars = row.text_chars ?? 0;
  }
  return summary;
}

// Ties fall back to the order records were stored in (rowid): a page never reorders between calls.
const ORDER: Record<NonNullable<RecordQuery['sort']>, string> = {
  'date-desc': 'r.date IS NULL, r.date DESC, r.imported_at DESC, r.rowid DESC',
  'date-asc': 'r.date IS NULL, r.date ASC, r.imported_at ASC, r.rowid ASC',
  title: 'r.title COLLATE NOCASE ASC, r.rowid ASC',
  'imported-desc': 'r.imported_at DESC, r.rowid DESC',
  relevance: 'r.date IS NULL, r.date DESC, r.rowid DESC',
};

/** Title and descriptions weigh more than body text (bm25 weights by column). */
const RANK = 'bm25(record_text, 10.0, 1.0, 5.0)';

function filters(query: RecordQuery, scope: 'live' | 'trash'): { where: string[]; args: unknown[] } {
  const where = [scope === 'trash' ? 'r.deleted_at IS NOT NULL' : 'r.deleted_at IS NULL'];
  const args: unknown[] = [];
  if (query.type) (where.push('r.type = ?'), args.push(query.type));
  if (query.personId) (where.push('r.person_id = ?'), args.push(query.personId));
  if (query.dateFrom) (where.push('r.date >= ?'), args.push(query.dateFrom));
  if (query.dateTo) (where.push('r.date <= ?'), args.push(query.dateTo));
  if (query.tag) (where.push('EXISTS (SELECT 1 FROM json_each(r.tags) WHERE value = ?)'), args.push(query.tag));
  if (query.ids) (where.push('r.id IN (SELECT value FROM json_each(?))'), args.push(JSON.stringify(query.ids)));
  if (query.importId) (where.push('r.import_id = ?'), args.push(query.importId));
  return { where, args };
}

/**
 * One page of the library: filtered, searched (FTS5, ranked by bm25 unless another order is asked
 * for) and sorted. Ids are chosen first, then only that page's rows are read in full.
 */
export function listRecords(db: Db, query: RecordQuery = {}, scope: 'live' | 'trash' = 'live'): RecordPage {
  const { where, args } = filters(query, scope);
  const limit = Math.min(query.limit ?? RECORD_PAGE_DEFAULT, RECORD_PAGE_MAX);
  const offset = query.offset ?? 0;
  const fts = query.search?.trim() ? toFtsQuery(query.search) : null;
  if (query.search?.trim() && !fts) return { records: [], total: 0 };
  const order = scope === 'trash' ? 'r.deleted_at DESC' : fts && (!query.sort || query.sort === 'relevance') ? RANK : ORDER[query.sort ?? 'date-desc'];
  const from = fts ? `record_text JOIN records r ON r.rowid = record_text.rowid` : 'records r';
  const conditions = [...(fts ? ['record_text MATCH ?'] : []), ...where].join(' AND ');
  const params = [...(fts ? [fts] : []), ...args];
  const page = cached(db, `SELECT r.rowid AS rowid FROM ${from} WHERE ${conditions} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, limit, offset) as Rowid[];
  const { total } = cached(db, `SELECT count(*) AS total FROM ${from} WHERE ${conditions}`).get(...params) as { total: number };
  const byRowid = cached(db, `${SELECT} WHERE r.rowid = ?`);
  const words = fts ? searchWords(query.search ?? '') : [];
  const text = cached(db, `SELECT substr(body, 1, ${SNIPPET_SCAN_CHARS}) AS body, descriptions FROM record_text WHERE rowid = ?`);
  const rows = page.map(({ rowid }) => byRowid.get(rowid) as RecordRow);
  const sizes = importSizes(db, rows.map((r) => r.import_id));
  const records = rows.map((r) => {
    const summary = toSummary(r, sizes);
    if (!fts) return summary;
    const rowid = r.rowid;
    const t = text.get(rowid) as Pick<RecordTextRow, 'body' | 'descriptions'> | undefined;
    return { ...summary, snippet: makeSnippet(t?.body || t?.descriptions || '', words) };
  });
  return { records, total };
}

/** Every matching record, page by page (the trash view and scripts; the library pages itself). */
export function allRecords(db: Db, query: RecordQuery = {}, scope: 'live' | 'trash' = 'live'): RecordSummary[] {
  const out: RecordSummary[] = [];
  for (let offset = 0; ; offset += RECORD_PAGE_MAX) {
    const page = listRecords(db, { ...query, limit: RECORD_PAGE_MAX, offset }, scope);
    out.push(...page.records);
    if (out.length >= page.total || !page.records.length) return out;
  }
}

function row(db: Db, id: string): RecordRow {
  const r = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as RecordRow | undefined;
  if (!r) throw new DossierError('not-found', `There is no record with id ${id}.`);
  return r;
}

type DetailFile = Pick<FilesRow, 'id' | 'original_name' | 'original_path' | 'size' | 'format' | 'imported_at'>;

export function getRecord(db: Db, id: string): RecordDetail {
  const r = row(db, id);
  const series = db
    .prepare(
      `SELECT series_uid, modality, series_description, min(series_number) AS series_number, count(*) AS n, max(pixel_data) AS pixels
       FROM instances WHERE record_id = ? GROUP BY series_uid ORDER BY min(series_number), series_uid`,
    )
    .all(id) as (Pick<InstancesRow, 'series_uid' | 'modality' | 'series_description' | 'series_number'> & { n: number; pixels: number })[];
  const files = db.prepare(`SELECT id, original_name, original_path, size, format, imported_at FROM files WHERE record_id = ? ORDER BY original_path`).all(id) as DetailFile[];
  const text = db.prepare('SELECT substr(body, 1, 4000) AS t FROM record_text WHERE rowid = ?').get(r.rowid) as { t: RecordTextRow['body'] } | undefined;
  return {
    ...toSummary(r, importSizes(db, [r.import_id])),
    notes: r.notes,
    metadata: JSON.parse(r.metadata) as Record<string, unknown>,
    textPreview: text?.t ?? '',
    series: series.map(
      (s): SeriesSummary => ({
        seriesInstanceUID: s.series_uid,
        modality: s.modality,
        seriesDescription: s.series_description,
        ...(s.series_number !== null ? { seriesNumber: s.series_number } : {}),
        instanceCount: s.n,
        ...(s.pixels === 0 ? { noImageData: true as const } : {}),
      }),
    ),
    files: files.map((f) => ({ id: f.id, originalName: f.original_name, originalPath: f.original_path, sizeBytes: f.size, format: f.format as FileFormat, importedAt: f.imported_at })),
  };
}

/** Assigns and tags several records in one transaction; returns how many exist. */
export function updateRecords(db: Db, ids: string[], patch: RecordsPatch): number {
  const t = new Date().toISOString();
  const tagsOf = db.prepare('SELECT tags FROM records WHERE id = ?');
  const setPerson = db.prepare('UPDATE records SET person_id = ?, updated_at = ? WHERE id = ?');
  const setTags = db.prepare('UPDATE records SET tags = ?, updated_at = ? WHERE id = ?');
  const added = [...new Set((patch.addTags ?? []).map((tag) => tag.trim()).filter(Boolean))];
  return db.transaction(() => {
    let updated = 0;
    for (const id of new Set(ids)) {
      const row = tagsOf.get(id) as Pick<RecordsRow, 'tags'> | undefined;
      if (!row) throw new DossierError('not-found', `There is no record with id ${id}.`, { details: { recordId: id } });
      if (patch.personId !== undefined) setPerson.run(patch.personId, t, id);
      if (added.length) setTags.run(JSON.stringify([...new Set([...(JSON.parse(row.tags) as string[]), ...added])]), t, id);
      updated++;
    }
    return updated;
  })();
}

export function updateRecord(db: Db, id: string, patch: RecordPatch): RecordDetail {
  const r = row(db, id);
  const sets: string[] = [];
  const args: unknown[] = [];
  if (patch.title !== undefined) (sets.push('title = ?'), args.push(patch.title.trim() || r.title));
  // An edit by the person replaces the guess.
  if (patch.type !== undefined) (sets.push('type = ?', 'type_guessed = 0'), args.push(patch.type));
  if (patch.date !== undefined) (sets.push('date = ?', 'date_guessed = 0'), args.push(patch.date));
  if (patch.tags !== undefined) (sets.push('tags = ?'), args.push(JSON.stringify([...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))])));
  if (patch.notes !== undefined) (sets.push('notes = ?'), args.push(patch.notes));
  if (patch.personId !== undefined) (sets.push('person_id = ?'), args.push(patch.personId));
  if (sets.length) {
    sets.push('updated_at = ?');
    args.push(new Date().toISOString());
    db.transaction(() => {
      db.prepare(`UPDATE records SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
      if (patch.title !== undefined) db.prepare('UPDATE record_text SET title = ? WHERE rowid = ?').run(patch.title.trim() || r.title, r.rowid);
    })();
  }
  return getRecord(db, id);
}

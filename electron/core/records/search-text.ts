// What the search index holds besides titles and body text: the "descriptions" column — who the
// record is about (every spelling of the patient's name, their ID), where it comes from, and for
// imaging the study, body part, modalities and series. Recomputed from the rows, so an old vault
// is brought up to date once (SEARCH_VERSION) and every writer keeps it current.
import { nameSearchText } from '../../../shared/person-name.js';
import { cached, type Db } from '../vault/database.js';
import type { InstancesRow, MetaRow, RecordsRow, Rowid } from '../vault/rows.js';

/** Bump when descriptions gain a field: vaults re-index once on open. */
export const SEARCH_VERSION = 2;

type Row = Rowid & Pick<RecordsRow, 'title' | 'institution' | 'patient_name' | 'patient_id' | 'metadata'>;

export function searchDescriptions(db: Db, recordId: string): { rowid: number; text: string } | null {
  const r = cached(db, 'SELECT rowid, title, institution, patient_name, patient_id, metadata FROM records WHERE id = ?').get(recordId) as Row | undefined;
  if (!r) return null;
  const meta = JSON.parse(r.metadata) as { studyDescription?: unknown; bodyPart?: unknown };
  const series = cached(db, 'SELECT DISTINCT modality, series_description FROM instances WHERE record_id = ?').all(recordId) as Pick<InstancesRow, 'modality' | 'series_description'>[];
  const parts = [
    nameSearchText(r.patient_name),
    r.patient_id,
    r.institution,
    typeof meta.studyDescription === 'string' ? meta.studyDescription : '',
    typeof meta.bodyPart === 'string' ? meta.bodyPart : '',
    ...series.flatMap((s) => [s.modality, s.series_description]),
  ];
  return { rowid: r.rowid, text: [...new Set(parts.filter((p): p is string => Boolean(p)))].join(' ') };
}

/** Rewrites one record's descriptions in the index (its title and body text are kept). */
export function refreshSearchDescriptions(db: Db, recordId: string): void {
  const d = searchDescriptions(db, recordId);
  if (d) cached(db, 'UPDATE record_text SET descriptions = ? WHERE rowid = ?').run(d.text, d.rowid);
}

/** Re-indexes the descriptions of every record once when the index predates SEARCH_VERSION. */
export function ensureSearchIndex(db: Db): void {
  const row = cached(db, `SELECT value FROM meta WHERE key = 'search_version'`).get() as Pick<MetaRow, 'value'> | undefined;
  if (Number(row?.value ?? 0) >= SEARCH_VERSION) return;
  db.transaction(() => {
    for (const { id } of cached(db, 'SELECT id FROM records').all() as Pick<RecordsRow, 'id'>[]) refreshSearchDescriptions(db, id);
    cached(db, `INSERT INTO meta(key, value) VALUES ('search_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(String(SEARCH_VERSION));
  })();
}

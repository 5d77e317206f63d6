// What an import adds to the health summary: each fact a document states becomes a suggested item
// linked to its record — or, when the same person already has an item of that kind saying the same
// thing (normalised text), one more source of that item. A dismissed item stays dismissed and a
// confirmed one keeps the person's words; only a still-suggested item takes details it lacked.
import type { HealthFact, HealthFields } from '../../../shared/health.js';
import { normalizeForComparison } from '../../../shared/text-compare.js';
import type { Db } from '../vault/database.js';
import { newId } from '../base/ids.js';
import type { HealthItemsRow, RecordsRow } from '../vault/rows.js';

/** Whose item it is: its own person, else the person of a live source record (SQL, item alias `h`). */
export const ITEM_PERSON_SQL = `coalesce(h.person_id, (SELECT r.person_id FROM health_item_sources s JOIN records r ON r.id = s.record_id
  WHERE s.item_id = h.id AND r.deleted_at IS NULL AND r.person_id IS NOT NULL ORDER BY r.imported_at LIMIT 1))`;

/** The item of this person with this kind and meaning, if any. */
export function matchingItem(db: Db, kind: string, text: string, personId: string | null): Pick<HealthItemsRow, 'id' | 'status' | 'fields'> | undefined {
  return db
    .prepare(`SELECT h.id, h.status, h.fields FROM health_items h WHERE h.kind = ? AND h.norm = ? AND ${ITEM_PERSON_SQL} IS ? ORDER BY h.created_at LIMIT 1`)
    .get(kind, normalizeForComparison(text), personId) as Pick<HealthItemsRow, 'id' | 'status' | 'fields'> | undefined;
}

/** Called inside the import's (or the rebuild's) transaction, after the record row exists. */
export function suggestHealthItems(db: Db, recordId: string, facts: HealthFact[], at: string): void {
  if (!facts.length) return;
  const person = (db.prepare('SELECT person_id FROM records WHERE id = ?').get(recordId) as Pick<RecordsRow, 'person_id'> | undefined)?.person_id ?? null;
  const link = db.prepare('INSERT OR IGNORE INTO health_item_sources (item_id, record_id) VALUES (?, ?)');
  for (const fact of facts) {
    const existing = matchingItem(db, fact.kind, fact.text, person);
    if (existing) {
      link.run(existing.id, recordId);
      if (existing.status === 'suggested') fillMissing(db, existing.id, existing.fields, fact.fields, at);
      continue;
    }
    const id = newId();
    db.prepare(`INSERT INTO health_items (id, person_id, kind, text, norm, fields, status, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?, 'suggested', ?, ?)`).run(
      id,
      fact.kind,
      fact.text,
      normalizeForComparison(fact.text),
      JSON.stringify(fact.fields),
      at,
      at,
    );
    link.run(id, recordId);
  }
}

function fillMissing(db: Db, id: string, currentJson: string, found: HealthFields, at: string): void {
  const current = JSON.parse(currentJson) as HealthFields;
  const merged = { ...found, ...current };
  if (Object.keys(merged).length === Object.keys(current).length) return;
  db.prepare('UPDATE health_items SET fields = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(merged), at, id);
}

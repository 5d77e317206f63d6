// The health summary: items per person (typed by the person, or suggested by imports and linked to
// their records), their review status, and the free-text history. Suggestions whose every source
// record is in the trash are not listed (they come back with the record).
import {
  CLINICAL_STATUSES,
  HEALTH_KINDS,
  type HealthFields,
  type HealthItem,
  type HealthItemInput,
  type HealthItemPatch,
  type HealthKind,
  type HealthQuery,
  type HealthReviewStatus,
  type HealthSource,
} from '../../../shared/health.js';
import { normalizeForComparison } from '../../../shared/text-compare.js';
import type { Db } from '../vault/database.js';
import { DossierError } from '../base/errors.js';
import { newId } from '../base/ids.js';
import { getPerson } from '../records/people-store.js';
import { ITEM_PERSON_SQL, matchingItem } from '../records/health-suggestions.js';
import type { HealthHistoryRow, HealthItemsRow, Narrowed, RecordsRow } from '../vault/rows.js';

/** An item with whose it is (ITEM_PERSON_SQL) in place of its own person_id. */
type ItemRow = Narrowed<Pick<HealthItemsRow, 'id' | 'kind' | 'text' | 'fields' | 'status' | 'created_at' | 'updated_at'>, { kind: HealthKind; status: HealthReviewStatus }> & {
  person: HealthItemsRow['person_id'];
};

const SELECT_ITEMS = `SELECT h.id, ${ITEM_PERSON_SQL} AS person, h.kind, h.text, h.fields, h.status, h.created_at, h.updated_at FROM health_items h`;

function sources(db: Db, itemId: string): HealthSource[] {
  return db
    .prepare(`SELECT r.id AS recordId, r.title, r.date FROM health_item_sources s JOIN records r ON r.id = s.record_id WHERE s.item_id = ? AND r.deleted_at IS NULL ORDER BY r.date, r.imported_at`)
    .all(itemId) as ({ recordId: RecordsRow['id'] } & Pick<RecordsRow, 'title' | 'date'>)[];
}

function toItem(db: Db, row: ItemRow): HealthItem {
  return {
    id: row.id,
    personId: row.person,
    kind: row.kind,
    text: row.text,
    fields: JSON.parse(row.fields) as HealthFields,
    status: row.status,
    sources: sources(db, row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Newest first within each kind; undated items after dated ones. */
function byKindThenDate(a: HealthItem, b: HealthItem): number {
  const kind = HEALTH_KINDS.indexOf(a.kind) - HEALTH_KINDS.indexOf(b.kind);
  if (kind) return kind;
  const da = a.fields.date ?? '';
  const dbb = b.fields.date ?? '';
  return da === dbb ? a.text.localeCompare(b.text) : da && dbb ? dbb.localeCompare(da) : da ? -1 : 1;
}

export function listHealthItems(db: Db, query: HealthQuery = {}): HealthItem[] {
  const rows = db.prepare(`${SELECT_ITEMS} ORDER BY h.created_at`).all() as ItemRow[];
  return rows
    .filter((r) => (query.personId === undefined || r.person === query.personId) && (!query.kind || r.kind === query.kind))
    .filter((r) => query.includeDismissed || r.status !== 'dismissed')
    .map((r) => toItem(db, r))
    .filter((item) => item.status !== 'suggested' || item.sources.length > 0)
    .sort(byKindThenDate);
}

export function getHealthItem(db: Db, id: string): HealthItem {
  const row = db.prepare(`${SELECT_ITEMS} WHERE h.id = ?`).get(id) as ItemRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no health summary item with id ${id}.`);
  return toItem(db, row);
}

/** Only the details that apply to the kind, and only statuses that kind can have. */
function checkedFields(kind: HealthKind, fields: HealthFields = {}): HealthFields {
  const status = fields.clinicalStatus;
  if (status && !(CLINICAL_STATUSES[kind] as readonly string[]).includes(status))
    throw new DossierError('invalid-params', `A ${kind} cannot be "${status}": use one of ${CLINICAL_STATUSES[kind].join(', ')}.`, { details: { field: 'clinicalStatus' } });
  if (fields.category && kind !== 'procedure') throw new DossierError('invalid-params', 'Only a procedure or treatment has a category.', { details: { field: 'category' } });
  if (fields.severity && kind !== 'allergy') throw new DossierError('invalid-params', 'Only an allergy has a severity.', { details: { field: 'severity' } });
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]).filter(([, v]) => v)) as HealthFields;
}

function cleanText(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) throw new DossierError('invalid-params', 'Say what the item is (for example "High blood pressure").', { details: { field: 'text' } });
  return t;
}

export function addHealthItem(db: Db, input: HealthItemInput): HealthItem {
  const text = cleanText(input.text);
  const fields = checkedFields(input.kind, input.fields);
  const personId = input.personId ?? null;
  if (personId) getPerson(db, personId);
  const at = new Date().toISOString();
  const same = matchingItem(db, input.kind, text, personId);
  if (same) {
    // The person typed what an import already suggested (or typed it twice): one item, confirmed.
    const merged = { ...(JSON.parse(same.fields) as HealthFields), ...fields };
    db.prepare(`UPDATE health_items SET status = 'confirmed', fields = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(merged), at, same.id);
    return getHealthItem(db, same.id);
  }
  const id = newId();
  db.prepare(`INSERT INTO health_items (id, person_id, kind, text, norm, fields, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'confirmed', ?, ?)`).run(
    id,
    personId,
    input.kind,
    text,
    normalizeForComparison(text),
    JSON.stringify(fields),
    at,
    at,
  );
  return getHealthItem(db, id);
}

export function updateHealthItem(db: Db, id: string, patch: HealthItemPatch): HealthItem {
  const item = getHealthItem(db, id);
  if (patch.personId) getPerson(db, patch.personId);
  const text = patch.text !== undefined ? cleanText(patch.text) : item.text;
  const fields = patch.fields !== undefined ? checkedFields(item.kind, patch.fields) : item.fields;
  db.prepare('UPDATE health_items SET text = ?, norm = ?, fields = ?, status = ?, person_id = CASE WHEN ? THEN ? ELSE person_id END, updated_at = ? WHERE id = ?').run(
    text,
    normalizeForComparison(text),
    JSON.stringify(fields),
    patch.status ?? item.status,
    patch.personId !== undefined ? 1 : 0,
    patch.personId ?? null,
    new Date().toISOString(),
    id,
  );
  return getHealthItem(db, id);
}

export function deleteHealthItem(db: Db, id: string): void {
  getHealthItem(db, id);
  db.prepare('DELETE FROM health_items WHERE id = ?').run(id);
}

/** History is kept per person; '' is the key for nobody in particular. */
const historyKey = (personId: string | null): string => personId ?? '';

export function getHealthHistory(db: Db, personId: string | null): { text: string } {
  if (personId) getPerson(db, personId);
  const row = db.prepare('SELECT text FROM health_history WHERE person_key = ?').get(historyKey(personId)) as Pick<HealthHistoryRow, 'text'> | undefined;
  return { text: row?.text ?? '' };
}

export function setHealthHistory(db: Db, personId: string | null, text: string): { text: string } {
  if (personId) getPerson(db, personId);
  db.prepare('INSERT INTO health_history (person_key, text, updated_at) VALUES (?, ?, ?) ON CONFLICT(person_key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at').run(
    historyKey(personId),
    text.trim(),
    new Date().toISOString(),
  );
  return getHealthHistory(db, personId);
}

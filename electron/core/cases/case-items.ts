// Physical items a case needs that cannot go in the bundle — pathology slides and blocks, discs,
// films: what, from whom, where it stands (requested → received → sent → returned), the carrier and
// tracking number, and the date each status was reached (today, unless the person gives one).
import type { CaseItem, CaseItemInput, CaseItemStatus } from '../../../shared/cases.js';
import type { Db } from '../vault/database.js';
import { DossierError } from '../base/errors.js';
import { newId } from '../base/ids.js';
import type { CaseItemsRow, Narrowed } from '../vault/rows.js';
import { assertCase } from './case-exists.js';

type ItemRow = Narrowed<CaseItemsRow, { status: CaseItemStatus }>;

const toItem = (r: ItemRow): CaseItem => ({
  id: r.id,
  caseId: r.case_id,
  what: r.what,
  from: r.source,
  status: r.status,
  carrier: r.carrier,
  tracking: r.tracking,
  dates: JSON.parse(r.dates) as CaseItem['dates'],
  notes: r.notes,
  createdAt: r.created_at,
});

const today = (): string => new Date().toISOString().slice(0, 10);

export function listCaseItems(db: Db, caseId: string): CaseItem[] {
  return (db.prepare('SELECT * FROM case_items WHERE case_id = ? ORDER BY created_at, rowid').all(caseId) as ItemRow[]).map(toItem);
}

export function getCaseItem(db: Db, id: string): CaseItem {
  const row = db.prepare('SELECT * FROM case_items WHERE id = ?').get(id) as ItemRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no item with id ${id}.`);
  return toItem(row);
}

function what(text: string): string {
  const t = text.trim();
  if (!t) throw new DossierError('invalid-params', 'Say what the item is (for example "Pathology slides, biopsy of 3 May").', { details: { field: 'what' } });
  return t;
}

export function addCaseItem(db: Db, caseId: string, input: CaseItemInput): CaseItem {
  assertCase(db, caseId);
  const id = newId();
  const status = input.status ?? 'requested';
  db.prepare('INSERT INTO case_items (id, case_id, what, source, status, carrier, tracking, dates, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    caseId,
    what(input.what),
    input.from?.trim() ?? '',
    status,
    input.carrier?.trim() ?? '',
    input.tracking?.trim() ?? '',
    JSON.stringify({ [status]: input.date ?? today() }),
    input.notes?.trim() ?? '',
    new Date().toISOString(),
  );
  return getCaseItem(db, id);
}

export function updateCaseItem(db: Db, id: string, patch: Partial<CaseItemInput>): CaseItem {
  const item = getCaseItem(db, id);
  const status = patch.status ?? item.status;
  const dates = { ...item.dates };
  // A status reached now gets today's date; a date given goes with the (new or current) status.
  if (patch.date) dates[status] = patch.date;
  else if (status !== item.status && !dates[status]) dates[status] = today();
  db.prepare('UPDATE case_items SET what = ?, source = ?, status = ?, carrier = ?, tracking = ?, dates = ?, notes = ? WHERE id = ?').run(
    patch.what !== undefined ? what(patch.what) : item.what,
    patch.from?.trim() ?? item.from,
    status,
    patch.carrier?.trim() ?? item.carrier,
    patch.tracking?.trim() ?? item.tracking,
    JSON.stringify(dates),
    patch.notes?.trim() ?? item.notes,
    id,
  );
  return getCaseItem(db, id);
}

export function deleteCaseItem(db: Db, id: string): void {
  getCaseItem(db, id);
  db.prepare('DELETE FROM case_items WHERE id = ?').run(id);
}

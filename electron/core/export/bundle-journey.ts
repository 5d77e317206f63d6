// What a bundle says beyond the records: the patient's health summary (confirmed items and
// suggestions not yet dismissed), the items sent separately, and who prepared it.
import type { CaseDetail } from '../../../shared/cases.js';
import { isShownInSummary, type ClinicalStatus, type HealthItem } from '../../../shared/health.js';
import type { Db } from '../vault/database.js';
import type { RecordsRow } from '../vault/rows.js';
import type { BundleInput } from '../bundle/types.js';
import { getHealthHistory, listHealthItems } from '../health/health-store.js';

/** Whose summary goes in: the case's patient; else the one person every chosen record belongs to; else nobody in particular. */
function summaryPerson(db: Db, recordIds: string[], c: CaseDetail | null): string | null {
  if (c) return c.personId;
  const people = new Set(
    recordIds.map((id) => (db.prepare('SELECT person_id FROM records WHERE id = ?').get(id) as Pick<RecordsRow, 'person_id'> | undefined)?.person_id ?? null),
  );
  const [only] = [...people];
  return people.size === 1 && only ? only : null;
}

/** States of things that are over: listed after the current ones (a stopped medicine still matters). */
const PAST: readonly (ClinicalStatus | undefined)[] = ['stopped', 'resolved', 'inactive', 'completed'];
const currentFirst = (a: HealthItem, b: HealthItem): number => Number(PAST.includes(a.fields.clinicalStatus)) - Number(PAST.includes(b.fields.clinicalStatus));

export function journeyParts(db: Db, recordIds: string[], c: CaseDetail | null): Pick<BundleInput, 'health' | 'preparedBy'> {
  const personId = summaryPerson(db, recordIds, c);
  const items = listHealthItems(db, { personId }).filter(isShownInSummary).sort(currentFirst);
  const history = getHealthHistory(db, personId).text;
  const preparer = c ? { name: c.journey.preparedBy, contact: c.journey.preparerContact } : null;
  return {
    ...(items.length || history ? { health: { items: items.map((i) => ({ kind: i.kind, text: i.text, fields: i.fields, confirmed: i.status === 'confirmed' })), history } } : {}),
    ...(preparer && (preparer.name || preparer.contact) ? { preparedBy: preparer } : {}),
  };
}

export function sentSeparately(c: CaseDetail): NonNullable<BundleInput['case']>['sentSeparately'] {
  return c.items.map(({ what, from, status, carrier, tracking, dates }) => ({ what, from, status, carrier, tracking, dates }));
}

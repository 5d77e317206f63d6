// Whose records an export holds: the distinct patients of the identity check (one patient with two
// hospitals' numbers is one patient), the one with most records first, and each record's patient.
import type { Db } from '../vault/database.js';
import type { RecordsRow } from '../vault/rows.js';
import type { BundlePatient } from '../bundle/types.js';
import { carriedIdentities, identityReport } from '../records/identity.js';

export interface RecordPatients {
  patients: BundlePatient[];
  /** Record id → index into `patients` (records that carry no identity have none). */
  indexOf: Map<string, number>;
}

/** The patients of these records; null when they are about one patient (or none says). */
export function recordPatients(db: Db, recordIds: string[]): RecordPatients | null {
  const report = identityReport(carriedIdentities(db, recordIds));
  if (report.patients.length < 2) return null;
  const sexes = new Map((db.prepare(`SELECT id, patient_sex FROM records WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(recordIds)) as Pick<RecordsRow, 'id' | 'patient_sex'>[]).map((r) => [r.id, r.patient_sex]));
  const ordered = [...report.patients].sort((a, b) => b.recordIds.length - a.recordIds.length);
  const indexOf = new Map<string, number>();
  const patients = ordered.map((group, i): BundlePatient => {
    group.recordIds.forEach((id) => indexOf.set(id, i));
    const { name, id, birthDate } = group.identity;
    const sex = group.recordIds.map((r) => sexes.get(r)).find(Boolean);
    return { name: name ?? '', ...(name?.includes('^') ? { dicomName: name } : {}), ...(id ? { id } : {}), ...(birthDate ? { birthDate } : {}), ...(sex ? { sex } : {}) };
  });
  return { patients, indexOf };
}

// What an export contains: the records of a case, a list of ids, or everything; and whose they are.
import type { Db } from '../vault/database.js';
import type { RecordsRow } from '../vault/rows.js';
import { DossierError } from '../base/errors.js';
import { getCase } from '../cases/case-store.js';
import { carriedIdentities, identityReport } from '../records/identity.js';
import type { IdentityConflict } from '../../../shared/domain.js';

export interface Selection {
  caseId?: string;
  recordIds?: string[];
  all?: boolean;
}

export interface ResolvedSelection {
  caseId: string | null;
  recordIds: string[];
  conflicts: IdentityConflict[];
}

export function resolveSelection(db: Db, sel: Selection): ResolvedSelection {
  let recordIds: string[];
  let caseId: string | null = null;
  let conflicts: IdentityConflict[];
  if (sel.caseId) {
    const c = getCase(db, sel.caseId);
    caseId = c.id;
    recordIds = c.recordIds;
    conflicts = c.identityConflicts;
  } else {
    if (sel.all) recordIds = (db.prepare('SELECT id FROM records WHERE deleted_at IS NULL ORDER BY date, imported_at').all() as Pick<RecordsRow, 'id'>[]).map((r) => r.id);
    else if (sel.recordIds?.length) recordIds = [...new Set(sel.recordIds)];
    else throw new DossierError('invalid-params', 'Say what to export: a case (--case ID), records (--records ID,ID) or --all.');
    const exists = db.prepare('SELECT 1 FROM records WHERE id = ? AND deleted_at IS NULL');
    for (const id of recordIds) if (!exists.get(id)) throw new DossierError('not-found', `There is no record with id ${id}.`);
    conflicts = identityReport(carriedIdentities(db, recordIds)).conflicts;
  }
  if (!recordIds.length) throw new DossierError('invalid-params', 'There is nothing to export: the selection has no records.');
  return { caseId, recordIds, conflicts };
}

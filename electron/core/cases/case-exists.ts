// One not-found error for a case id, shared by the stores of a case and of what hangs off it.
import type { Db } from '../vault/database.js';
import { DossierError } from '../base/errors.js';

export function assertCase(db: Db, id: string): void {
  if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(id)) throw caseNotFound(id);
}

export function caseNotFound(id: string): DossierError {
  return new DossierError('not-found', `There is no case with id ${id}.`);
}

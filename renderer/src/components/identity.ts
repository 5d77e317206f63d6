// Which records carry patient details that differ from the rest (from records.identities), and
// the conflicts an identity-mismatch error carries in its details.
import type { IdentityConflict, IdentityReport } from '../../../shared/domain.js';
import { IDENTITY_CONFLICT_KINDS } from '../../../shared/domain.js';
import { isApiErrorShape } from '../../../shared/errors.js';

/** Records outside the patient with the most records, when the report has conflicts. */
export function recordsWithIdentityWarning(report: IdentityReport | null): Set<string> {
  const out = new Set<string>();
  if (!report || report.conflicts.length === 0 || report.patients.length < 2) return out;
  const largest = [...report.patients].sort((a, b) => b.recordIds.length - a.recordIds.length)[0];
  for (const p of report.patients) if (p !== largest) p.recordIds.forEach((id) => out.add(id));
  return out;
}

/** Every record a conflict involves (for "Show these records"). */
export function recordsInConflicts(conflicts: IdentityConflict[]): string[] {
  return [...new Set(conflicts.flatMap((c) => c.recordIds))];
}

function isConflict(v: unknown): v is IdentityConflict {
  const c = v as Partial<IdentityConflict> | null;
  return typeof c === 'object' && c !== null && (IDENTITY_CONFLICT_KINDS as readonly unknown[]).includes(c.kind) && Array.isArray(c.sides) && Array.isArray(c.recordIds);
}

/** The conflicts in an identity-mismatch error's details (never read from its message). */
export function conflictsOfError(err: unknown): IdentityConflict[] {
  const list = isApiErrorShape(err) ? err.details?.['conflicts'] : undefined;
  return Array.isArray(list) ? list.filter(isConflict) : [];
}

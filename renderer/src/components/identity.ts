// Which records carry patient details that differ from the rest (from records.identities).
import type { IdentityReport } from '../../../shared/domain.js';

/** Records outside the largest identity group, when the report has conflicts. */
export function recordsWithIdentityWarning(report: IdentityReport | null): Set<string> {
  const out = new Set<string>();
  if (!report || report.conflicts.length === 0 || report.groups.length < 2) return out;
  const largest = [...report.groups].sort((a, b) => b.recordIds.length - a.recordIds.length)[0];
  for (const g of report.groups) if (g !== largest) g.recordIds.forEach((id) => out.add(id));
  return out;
}

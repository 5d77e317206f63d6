// How the import summary presents outcomes. A CD's DICOMDIR and an XDM package's METADATA.XML are
// read to find the records, not "skipped": calling them skipped alarms people, so they are counted
// apart as index files. Presentation only — the core's outcomes are unchanged.
import type { ImportOutcome, ImportSummary } from '../../../shared/domain.js';

const INDEX_REASONS = ['DICOMDIR:', 'IHE XDM metadata'];

export function isIndexFile(outcome: ImportOutcome): boolean {
  const reason = outcome.reason ?? '';
  // An index that failed to parse is a real problem worth reading about: it stays in "not added".
  return outcome.status === 'skipped' && INDEX_REASONS.some((prefix) => reason.startsWith(prefix)) && !reason.includes('could not be read');
}

export interface SummaryView {
  imported: number;
  duplicates: number;
  indexFiles: ImportOutcome[];
  skipped: ImportOutcome[];
}

export function summaryView(summary: ImportSummary): SummaryView {
  const skippedAll = summary.outcomes.filter((o) => o.status === 'skipped');
  const indexFiles = skippedAll.filter(isIndexFile);
  return {
    imported: summary.imported,
    duplicates: summary.duplicates,
    indexFiles,
    skipped: skippedAll.filter((o) => !isIndexFile(o)),
  };
}

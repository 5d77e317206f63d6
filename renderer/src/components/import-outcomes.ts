// How the import summary presents outcomes. A CD's DICOMDIR and an XDM package's METADATA.XML are
// read to find the records — the core reports them with status 'index', not as skipped — and are
// listed apart; the words come from shared/words/import.ts.
import type { ImportOutcome, ImportSummary } from '../../../shared/domain.js';

export interface SummaryView {
  /** Records created or added to, and the files they came from. */
  records: number;
  files: number;
  duplicates: number;
  indexFiles: ImportOutcome[];
  skipped: ImportOutcome[];
}

export function summaryView(summary: ImportSummary): SummaryView {
  return {
    records: summary.recordIds.length,
    files: summary.imported,
    duplicates: summary.duplicates,
    indexFiles: summary.outcomes.filter((o) => o.status === 'index'),
    skipped: summary.outcomes.filter((o) => o.status === 'skipped'),
  };
}

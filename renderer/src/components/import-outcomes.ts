// How the import summary presents outcomes. A CD's DICOMDIR and an XDM package's METADATA.XML are
// read to find the records — the core reports them with status 'index', not as skipped — and are
// listed apart; the words come from shared/words/import.ts.
import type { ImportOutcome, ImportSummary } from '../../../shared/domain.js';
import { plural } from '../format.js';

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

/** The import panel's heading for where the import stands. */
export function importHeading(state: { running: boolean; error: string | null; summary: ImportSummary | null }): string {
  if (state.running) return 'Adding your records…';
  if (state.error) return 'Could not add these files';
  return state.summary?.stopped ? 'Import stopped' : 'Finished adding records';
}

/**
 * For an import that stopped before the end: how many files were added (they are kept) and that
 * the rest were not. `filesTotal` is the last progress report's count of files found, when known;
 * every file with an outcome (added, duplicate, skipped, index) was dealt with, the others were not.
 */
export function stoppedText(summary: ImportSummary, filesTotal: number | null): string | null {
  if (!summary.stopped) return null;
  const why = summary.stopped === 'locked' ? 'Dossier locked, so the import stopped' : 'You stopped the import';
  const added = `${plural(summary.imported, 'file')} ${summary.imported === 1 ? 'was added and is' : 'were added and are'} kept`;
  const left = filesTotal === null ? 0 : filesTotal - summary.outcomes.length;
  const rest = left > 1 ? `The other ${plural(left, 'file')} were not added` : left === 1 ? 'The other file was not added' : 'The rest were not added';
  return `${why}: ${added}. ${rest}; add ${left === 1 ? 'it' : 'them'} again to bring ${left === 1 ? 'it' : 'them'} in.`;
}

// Words for what the vault check and the rebuild report (codes → sentences), for the app and the CLI.
import type { CheckProblem, RebuildReport } from '../vault.js';
import { plural } from '../format.js';

export function describeCheckProblem(p: CheckProblem): string {
  switch (p.code) {
    case 'database-damaged':
      return `The vault's database is damaged (${p.detail}). Your stored files are not affected.`;
    case 'search-index-damaged':
      return `The search index is damaged (${p.detail}).`;
    case 'blob-missing':
      return `Record ${p.recordId} "${p.recordTitle}": its file ${p.fileName} is missing from the vault.`;
    case 'blob-swapped':
      return `Record ${p.recordId} "${p.recordTitle}": the stored file for ${p.fileName} (${p.blobId.slice(0, 12)}…) holds another file's content — files in the vault were moved or swapped.`;
    case 'blob-size-mismatch':
      return `Record ${p.recordId} "${p.recordTitle}": its file ${p.fileName} has the wrong size (${p.detail}).`;
    case 'blob-damaged':
      return `Record ${p.recordId} "${p.recordTitle}": its file ${p.fileName} is damaged (${p.detail}).`;
  }
}

export function describeRebuild(r: RebuildReport): string[] {
  const lines = [
    r.snapshot ? `Started from the snapshot ${r.snapshot} (${plural(r.recordsKept, 'record')}).` : `Started from ${r.recordsKept ? `the database (${plural(r.recordsKept, 'record')})` : 'an empty index'}.`,
    `${plural(r.recordsAdded, 'record')} brought back from the stored files${r.filesReanalysed ? ` (${plural(r.filesReanalysed, 'file')} read again)` : ''}.`,
  ];
  if (r.rowsDropped) lines.push(`${plural(r.rowsDropped, 'entry', 'entries')} whose file was deleted after the snapshot left the index.`);
  if (r.damagedKeptAt) lines.push(`The damaged database was kept at ${r.damagedKeptAt}.`);
  return lines;
}

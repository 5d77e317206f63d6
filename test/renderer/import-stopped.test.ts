// The import panel's words for a stopped import (renderer/src/components/import-outcomes.ts).
import { describe, expect, it } from 'vitest';
import type { ImportOutcome, ImportSummary } from '../../shared/domain.js';
import { importHeading, stoppedText } from '../../renderer/src/components/import-outcomes.js';

function summary(outcomes: ImportOutcome[], stopped?: ImportSummary['stopped']): ImportSummary {
  const imported = outcomes.filter((o) => o.status === 'imported');
  return {
    outcomes,
    imported: imported.length,
    duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
    skipped: outcomes.filter((o) => o.status === 'skipped').length,
    indexFiles: outcomes.filter((o) => o.status === 'index').length,
    recordIds: imported.map((o) => o.recordId ?? ''),
    ...(stopped ? { stopped } : {}),
  };
}
const added = (n: number): ImportOutcome[] => Array.from({ length: n }, (_, i) => ({ path: `f${i}.pdf`, status: 'imported', recordId: `r${i}` }));

describe('stoppedText', () => {
  it('says nothing for an import that ran to the end', () => {
    expect(stoppedText(summary(added(3)), 3)).toBeNull();
  });

  it('counts the files added and those left, from the files found', () => {
    expect(stoppedText(summary(added(12), 'cancelled'), 40)).toBe(
      'You stopped the import: 12 files were added and are kept. The other 28 files were not added; add them again to bring them in.',
    );
  });

  it('counts skipped and duplicate files as dealt with, not as left', () => {
    const outcomes: ImportOutcome[] = [...added(2), { path: 'x.exe', status: 'skipped', skip: { code: 'program', program: 'windows' } }, { path: 'y.pdf', status: 'duplicate', duplicate: 'same-content' }];
    expect(stoppedText(summary(outcomes, 'cancelled'), 5)).toBe(
      'You stopped the import: 2 files were added and are kept. The other file was not added; add it again to bring it in.',
    );
  });

  it('uses the singular for one file, and says "the rest" when the total is unknown', () => {
    expect(stoppedText(summary(added(1), 'cancelled'), null)).toBe(
      'You stopped the import: 1 file was added and is kept. The rest were not added; add them again to bring them in.',
    );
  });

  it('says why when the vault locked', () => {
    expect(stoppedText(summary(added(0), 'locked'), 10)).toMatch(/^Dossier locked, so the import stopped: 0 files were added and are kept\. The other 10 files were not added/);
  });
});

describe('importHeading', () => {
  it('follows the import from running to stopped, failed or finished', () => {
    expect(importHeading({ running: true, error: null, summary: null })).toBe('Adding your records…');
    expect(importHeading({ running: false, error: 'disk full', summary: null })).toBe('Could not add these files');
    expect(importHeading({ running: false, error: null, summary: summary(added(2), 'cancelled') })).toBe('Import stopped');
    expect(importHeading({ running: false, error: null, summary: summary(added(2)) })).toBe('Finished adding records');
  });
});

// The renderer's pure presentation rules (no browser needed).
import { describe, expect, it } from 'vitest';
import { summaryView } from '../../renderer/src/components/import-outcomes.js';

describe('summaryView', () => {
  it('lists index files (status index) apart from skipped files, and counts records and files', () => {
    const view = summaryView({
      imported: 81, duplicates: 1, skipped: 2, indexFiles: 2, recordIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      outcomes: [
        { path: 'CD/DICOMDIR', status: 'index', index: { kind: 'dicomdir', files: 80 } },
        { path: 'IHE_XDM/SUBSET01/METADATA.XML', status: 'index', index: { kind: 'xdm-metadata', documents: 1 } },
        { path: 'XDM2/METADATA.XML', status: 'skipped', skip: { code: 'index-unreadable', index: 'xdm-metadata', cause: { code: 'failed', detail: 'bad XML' } } },
        { path: 'CD/viewer.exe', status: 'skipped', skip: { code: 'program', program: 'windows' } },
        { path: 'a.pdf', status: 'imported', recordId: 'a' },
        { path: 'b.pdf', status: 'duplicate', duplicate: 'same-content' },
      ],
    });
    expect(view.indexFiles.map((o) => o.path)).toEqual(['CD/DICOMDIR', 'IHE_XDM/SUBSET01/METADATA.XML']);
    expect(view.skipped.map((o) => o.path)).toEqual(['XDM2/METADATA.XML', 'CD/viewer.exe']);
    expect(view.records).toBe(7);
    expect(view.files).toBe(81);
    expect(view.duplicates).toBe(1);
  });
});

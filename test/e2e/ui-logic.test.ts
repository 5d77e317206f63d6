// The renderer's pure presentation rules (no browser needed).
import { describe, expect, it } from 'vitest';
import { summaryView } from '../../renderer/src/components/import-outcomes.js';

describe('summaryView', () => {
  it('counts DICOMDIR and XDM metadata as index files read, not as skipped', () => {
    const view = summaryView({
      imported: 2, duplicates: 1, skipped: 3, recordIds: ['a', 'b'],
      outcomes: [
        { path: 'CD/DICOMDIR', status: 'skipped', reason: "DICOMDIR: the disc's index (4 files listed; all files were scanned)" },
        { path: 'IHE_XDM/SUBSET01/METADATA.XML', status: 'skipped', reason: 'IHE XDM metadata (read for titles)' },
        { path: 'XDM2/METADATA.XML', status: 'skipped', reason: 'IHE XDM metadata could not be read (bad XML); documents imported without it' },
        { path: 'CD/viewer.exe', status: 'skipped', reason: 'Windows program or library: software, not a medical record' },
        { path: 'a.pdf', status: 'imported', recordId: 'a' },
        { path: 'b.pdf', status: 'duplicate' },
      ],
    });
    expect(view.indexFiles.map((o) => o.path)).toEqual(['CD/DICOMDIR', 'IHE_XDM/SUBSET01/METADATA.XML']);
    expect(view.skipped.map((o) => o.path)).toEqual(['XDM2/METADATA.XML', 'CD/viewer.exe']);
    expect(view.imported).toBe(2);
    expect(view.duplicates).toBe(1);
  });
});

// Import outcomes are codes and fields; the words for the app and the CLI are made here, once.
import { describe, expect, it } from 'vitest';
import { describeIndex, describeSkip, importedSummary, outcomeReason } from '../../shared/words/import.js';

describe('import words', () => {
  it('counts records and the files they came from', () => {
    expect(importedSummary(7, 81)).toBe('7 records from 81 files');
    expect(importedSummary(1, 1)).toBe('1 record');
    expect(importedSummary(3, 3)).toBe('3 records');
  });

  it('words skip reasons from their fields', () => {
    expect(describeSkip({ code: 'truncated-dicom', where: 'inside-element', element: '(0010,0010)' })).toBe('truncated DICOM file (ends inside element (0010,0010))');
    expect(describeSkip({ code: 'zip-bomb-ratio', ratio: 1024, limit: 200 })).toBe('compression ratio 1024:1 is above 200:1 (possible zip bomb)');
    expect(describeSkip({ code: 'index-unreadable', index: 'dicomdir', cause: { code: 'not-a-dicomdir', damaged: true } })).toBe(
      'DICOMDIR could not be read (damaged DICOMDIR (no directory record sequence)); every file was scanned instead',
    );
    expect(describeSkip({ code: 'index-unreadable', index: 'xdm-metadata', cause: { code: 'failed', detail: 'no root element found' } })).toBe(
      'IHE XDM metadata could not be read (no root element found); documents imported without it',
    );
  });

  it('words index files and duplicates, and nothing for an imported file', () => {
    expect(describeIndex({ kind: 'dicomdir', files: 1 })).toBe("DICOMDIR: the disc's index (1 file listed; all files were scanned)");
    expect(describeIndex({ kind: 'xdm-metadata', documents: 3 })).toBe('IHE XDM metadata (applied to 3 documents)');
    expect(outcomeReason({ path: 'a', status: 'duplicate', duplicate: 'same-content' })).toBe('same content as a file already in the vault');
    expect(outcomeReason({ path: 'a', status: 'imported', recordId: 'r' })).toBeUndefined();
  });
});

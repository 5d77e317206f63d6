// What an import says about each file, as codes and fields: why a file was skipped, which index
// file (a CD's DICOMDIR, an XDM package's METADATA.XML) was read, what a duplicate duplicates.
// shared/words/import.ts words them for the app and the CLI; nothing parses those words.

export type SkipReason =
  // Walking the dropped files
  | { code: 'hidden-or-system' }
  | { code: 'symlink' }
  | { code: 'not-a-regular-file' }
  | { code: 'path-missing' }
  | { code: 'unreadable'; what: 'file' | 'folder'; detail: string }
  // Recognising content
  | { code: 'program'; program: 'autorun' | 'windows' | 'linux' | 'macos' }
  | { code: 'media-extra' }
  | { code: 'misnamed'; expected: 'dicom' | 'pdf' | 'zip' }
  | { code: 'failed'; detail: string }
  | { code: 'read-failed'; problem: 'permission-denied' | 'disappeared' | 'other'; path: string; detail?: string }
  | { code: 'changed-while-read'; before: number; after: number }
  // Removable media and IHE XDM packages
  | { code: 'xdm-furniture' }
  | { code: 'missing-from-disc'; fileId: string }
  | { code: 'more-missing-from-disc'; count: number }
  | { code: 'index-unreadable'; index: IndexKind; cause: SkipReason }
  // DICOM
  | { code: 'not-dicom' }
  | { code: 'truncated-dicom'; where: 'file-meta' | 'after-file-meta' | 'before-first-element' | 'inside-element' | 'after-element'; element?: string }
  | { code: 'damaged-dicom'; detail: string }
  | { code: 'dicom-missing-uid'; uid: 'sop-instance' | 'study' | 'series' }
  | { code: 'dicomdir-not-image' }
  | { code: 'not-a-dicomdir'; damaged: boolean }
  // Documents
  | { code: 'damaged-pdf'; problem: 'no-header' | 'truncated' | 'no-pages' | 'no-readable-pages' | 'structure' | 'timeout' | 'other'; detail?: string; seconds?: number }
  | { code: 'unreadable-cda'; detail: string }
  | { code: 'not-cda'; root: string }
  | { code: 'invalid-json'; detail: string }
  | { code: 'not-fhir' }
  | { code: 'fhir-too-large'; entries: number; limit: number }
  | { code: 'not-an-image' }
  // Zips (docs/zip-safety.md)
  | { code: 'zip-unreadable'; detail: string }
  | { code: 'zip-path'; problem: 'nul' | 'absolute' | 'drive-letter' | 'escapes' }
  | { code: 'zip-encrypted'; entry: string }
  | { code: 'zip-wrong-password' }
  | { code: 'zip-bomb-ratio'; ratio: number; limit: number }
  | { code: 'zip-too-large'; limit: number }
  | { code: 'zip-too-many-entries'; limit: number }
  | { code: 'zip-too-deep'; limit: number }
  | { code: 'zip-nested-too-large' }
  | { code: 'zip-size-mismatch' }
  | { code: 'zip-short-entry' }
  | { code: 'zip-inflates-past' }
  | { code: 'zip-entry-unreadable'; detail: string };

export type SkipCode = SkipReason['code'];

export type IndexKind = 'dicomdir' | 'xdm-metadata';

/** An index file that was read to find and name the records (never a record itself). */
export type IndexFile = { kind: 'dicomdir'; files: number } | { kind: 'xdm-metadata'; documents: number };

/** What a duplicate is a duplicate of. */
export type DuplicateOf = 'same-image' | 'same-content';

// Words for what an import says about each file (codes and fields → sentences), for the app and
// the CLI. The core's outcomes carry only the codes (shared/import-outcomes.ts).
import type { ImportOutcome } from '../domain.js';
import type { DuplicateOf, IndexFile, SkipReason } from '../import-outcomes.js';
import { plural } from '../format.js';

const PROGRAMS: Record<Extract<SkipReason, { code: 'program' }>['program'], string> = {
  autorun: 'autorun file',
  windows: 'Windows program or library',
  linux: 'Linux program',
  macos: 'macOS program',
};

const ZIP_PATHS: Record<Extract<SkipReason, { code: 'zip-path' }>['problem'], string> = {
  nul: 'file name contains a NUL character',
  absolute: 'absolute path',
  'drive-letter': 'path starts with a drive letter',
  escapes: 'path escapes the archive ("..")',
};

const MISNAMED: Record<Extract<SkipReason, { code: 'misnamed' }>['expected'], string> = {
  dicom: 'not a DICOM file: named like one, but it has no DICOM header and no readable DICOM data (damaged, or not a medical image)',
  pdf: 'not a PDF: named like one, but it has no "%PDF-" header (damaged, or another kind of file renamed)',
  zip: 'not a zip archive: named like one, but it has no zip header (damaged, or another kind of file renamed)',
};

const DICOM_UIDS = { 'sop-instance': 'SOP Instance UID', study: 'Study Instance UID', series: 'Series Instance UID' } as const;

function truncatedWhere(r: Extract<SkipReason, { code: 'truncated-dicom' }>): string {
  switch (r.where) {
    case 'file-meta':
      return 'ends inside the file meta information';
    case 'after-file-meta':
      return 'nothing after the file meta information';
    case 'before-first-element':
      return 'ends before its first complete element';
    case 'inside-element':
      return `ends inside element ${r.element ?? ''}`.trim();
    case 'after-element':
      return `ends after element ${r.element ?? ''}`.trim();
  }
}

function damagedPdf(r: Extract<SkipReason, { code: 'damaged-pdf' }>): string {
  switch (r.problem) {
    case 'no-header':
      return 'no "%PDF-" header in the first 1024 bytes';
    case 'truncated':
      return 'the file is truncated (no end-of-file marker); copy it again from its source';
    case 'no-pages':
      return 'it contains no pages';
    case 'no-readable-pages':
      return 'none of its pages could be read';
    case 'structure':
      return 'invalid structure (no readable cross-reference table or page tree)';
    case 'timeout':
      return `reading it did not finish within ${r.seconds ?? 60} s`;
    case 'other':
      return r.detail ?? 'it could not be opened';
  }
}

/** Files, folders and what is around them. */
function walkWords(r: SkipReason): string | null {
  switch (r.code) {
    case 'hidden-or-system':
      return 'hidden or system file';
    case 'symlink':
      return 'symbolic link (not followed)';
    case 'not-a-regular-file':
      return 'not a regular file (device, pipe or socket)';
    case 'path-missing':
      return 'no such file or folder';
    case 'unreadable':
      return r.what === 'folder' ? `folder cannot be read (${r.detail})` : `cannot be read (${r.detail})`;
    case 'program':
      return `${PROGRAMS[r.program]}: software, not a medical record`;
    case 'media-extra':
      return 'not a medical record: viewer software or other content of the CD/USB media';
    case 'misnamed':
      return MISNAMED[r.expected];
    case 'failed':
      return `could not be imported: ${r.detail}`;
    case 'read-failed':
      return r.problem === 'permission-denied'
        ? `permission denied reading ${r.path}`
        : r.problem === 'disappeared'
          ? `file disappeared before it could be read: ${r.path}`
          : `file could not be read (${r.detail ?? 'unknown error'})`;
    case 'changed-while-read':
      return `file changed while it was being read (${r.before} → ${r.after} bytes)`;
    case 'xdm-furniture':
      return 'index or readme of an IHE XDM package (describes the package, not a medical record)';
    case 'missing-from-disc':
      return 'listed in the DICOMDIR but missing from the disc';
    case 'more-missing-from-disc':
      return `${r.count} more files listed in the DICOMDIR are missing`;
    case 'index-unreadable': {
      const why = r.cause.code === 'failed' ? r.cause.detail : describeSkip(r.cause);
      return r.index === 'dicomdir'
        ? `DICOMDIR could not be read (${why}); every file was scanned instead`
        : `IHE XDM metadata could not be read (${why}); documents imported without it`;
    }
    default:
      return null;
  }
}

/** What a file's content turned out to be, or why it could not be read. */
function contentWords(r: SkipReason): string | null {
  switch (r.code) {
    case 'not-dicom':
      return 'not a DICOM file';
    case 'truncated-dicom':
      return `truncated DICOM file (${truncatedWhere(r)})`;
    case 'damaged-dicom':
      return `damaged DICOM file (${r.detail})`;
    case 'dicom-missing-uid':
      return `DICOM file has no ${DICOM_UIDS[r.uid]}`;
    case 'dicomdir-not-image':
      return 'DICOMDIR (media directory), not an image';
    case 'not-a-dicomdir':
      return r.damaged ? 'damaged DICOMDIR (no directory record sequence)' : 'not a DICOMDIR (no directory record sequence)';
    case 'damaged-pdf':
      return `damaged PDF: ${damagedPdf(r)}`;
    case 'unreadable-cda':
      return `unreadable CDA document: ${r.detail}`;
    case 'not-cda':
      return `not a CDA document: the root element is <${r.root}>, not <ClinicalDocument>`;
    case 'invalid-json':
      return `invalid JSON: ${r.detail}`;
    case 'not-fhir':
      return 'not a FHIR resource: the JSON has no "resourceType"';
    case 'fhir-too-large':
      return `FHIR bundle too large: ${r.entries} entries (limit ${r.limit})`;
    case 'not-an-image':
      return 'not a JPEG, PNG or HEIC image (unrecognised file signature)';
    default:
      return null;
  }
}

function zipWords(r: SkipReason): string | null {
  switch (r.code) {
    case 'zip-unreadable':
      return `zip archive could not be opened: ${r.detail}`;
    case 'zip-path':
      return ZIP_PATHS[r.problem];
    case 'zip-encrypted':
      return `zip entry ${r.entry} is password-protected`;
    case 'zip-wrong-password':
      return 'wrong password';
    case 'zip-bomb-ratio':
      return `compression ratio ${r.ratio}:1 is above ${r.limit}:1 (possible zip bomb)`;
    case 'zip-too-large':
      return `the zip expands to more than ${r.limit} bytes in total (possible zip bomb)`;
    case 'zip-too-many-entries':
      return `it holds more than ${r.limit.toLocaleString('en-US')} files, the most Dossier reads from one zip: unzip it first, then import its folders one at a time`;
    case 'zip-too-deep':
      return `zip nested more than ${r.limit} levels deep`;
    case 'zip-nested-too-large':
      return 'nested zip is too large to open';
    case 'zip-size-mismatch':
      return 'entry size does not match its declared size (damaged or hostile zip)';
    case 'zip-short-entry':
      return 'entry is shorter than its declared size (damaged zip)';
    case 'zip-inflates-past':
      return 'entry inflates past its declared size (possible zip bomb)';
    case 'zip-entry-unreadable':
      return `cannot read entry (${r.detail})`;
    default:
      return null;
  }
}

/** Why a file was not added, in a few words a person can act on. */
export function describeSkip(r: SkipReason): string {
  return walkWords(r) ?? contentWords(r) ?? zipWords(r) ?? 'not a kind of file Dossier can keep';
}

export function describeIndex(i: IndexFile): string {
  return i.kind === 'dicomdir'
    ? `DICOMDIR: the disc's index (${plural(i.files, 'file')} listed; all files were scanned)`
    : `IHE XDM metadata (applied to ${plural(i.documents, 'document')})`;
}

export function describeDuplicate(d: DuplicateOf): string {
  return d === 'same-image' ? 'this image (same SOP Instance UID) is already in the vault' : 'same content as a file already in the vault';
}

/** The human reason of an outcome (skipped, index, duplicate), or undefined for an imported file. */
export function outcomeReason(o: ImportOutcome): string | undefined {
  if (o.skip) return describeSkip(o.skip);
  if (o.index) return describeIndex(o.index);
  if (o.duplicate) return describeDuplicate(o.duplicate);
  if (o.replaced) return 'replaced a damaged copy of this image';
  return undefined;
}

/** "7 records from 81 files": what an import added, in records and in the files they came from. */
export function importedSummary(records: number, files: number): string {
  return files === records ? plural(records, 'record') : `${plural(records, 'record')} from ${plural(files, 'file')}`;
}

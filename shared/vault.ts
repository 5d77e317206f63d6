// What the vault check and the index rebuild report: codes and fields, worded at the edges
// (shared/words/vault.ts).

export type BlobProblemCode = 'blob-missing' | 'blob-damaged' | 'blob-swapped' | 'blob-size-mismatch';

export type CheckProblem =
  | { code: 'database-damaged'; detail: string }
  | { code: 'search-index-damaged'; detail: string }
  | { code: BlobProblemCode; blobId: string; recordId: string; recordTitle: string; fileName: string; detail: string };

export interface CheckReport {
  ok: boolean;
  problems: CheckProblem[];
  records: number;
  files: number;
  bytes: number;
  /** Stored files no record lists (an interrupted import, or an index that lost them): kept; rebuild-index adopts them. */
  unlistedFiles: number;
}

export interface RebuildReport {
  /** The snapshot the index started from (its file name), or null when it was rebuilt from the files alone. */
  snapshot: string | null;
  /** Records the snapshot already had. */
  recordsKept: number;
  /** Records added back from what the stored files carry. */
  recordsAdded: number;
  /** Stored files re-analysed because they carry no record facts (written by an older version). */
  filesReanalysed: number;
  /** Rows of the snapshot whose stored file is gone (deleted after the snapshot): dropped from the index. */
  rowsDropped: number;
  /** Where the damaged database was put aside (null when there was none). */
  damagedKeptAt: string | null;
}

export interface RebuildProgress {
  filesDone: number;
  filesTotal: number;
  recordId: string | null;
}

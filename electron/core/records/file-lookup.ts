// Finds the one stored file a person means: a file id, or a record id of a single-file record.
import type { Db } from '../vault/database.js';
import { DossierError } from '../base/errors.js';
import type { FilesRow } from '../vault/rows.js';

export interface FileRef {
  id: string;
  blobId: string;
  originalName: string;
  size: number;
}

type FileRow = Pick<FilesRow, 'id' | 'blob_id' | 'original_name' | 'size'>;

export function resolveFile(db: Db, id: string): FileRef {
  const file = db.prepare('SELECT id, blob_id, original_name, size FROM files WHERE id = ?').get(id) as FileRow | undefined;
  if (file) return { id: file.id, blobId: file.blob_id, originalName: file.original_name, size: file.size };
  const files = db.prepare('SELECT id, blob_id, original_name, size FROM files WHERE record_id = ? ORDER BY original_path').all(id) as FileRow[];
  if (!files.length) throw new DossierError('not-found', `There is no record or file with id ${id}.`);
  if (files.length > 1)
    throw new DossierError('invalid-params', `Record ${id} has ${files.length} files; give one file's id (listed by \`dossier show ${id}\`).`);
  const f = files[0]!;
  return { id: f.id, blobId: f.blob_id, originalName: f.original_name, size: f.size };
}

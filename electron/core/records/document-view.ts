// documents.view: a C-CDA or FHIR record read from the vault and turned into sections of text.
import type { DocumentView } from '../../../shared/document-view.js';
import type { Vault } from '../vault/vault.js';
import { DossierError } from '../base/errors.js';
import { clinicalDocumentView, isViewableDocument } from '../documents/clinical-view.js';
import type { FilesRow, RecordsRow } from '../vault/rows.js';

/** Larger than this is no document a person wrote or a portal exported (the XML reader's limit too). */
export const MAX_DOCUMENT_BYTES = 50 * 2 ** 20;

type Row = Pick<RecordsRow, 'title'> & Pick<FilesRow, 'format' | 'blob_id' | 'size'>;

export async function recordDocumentView(vault: Vault, recordId: string): Promise<DocumentView> {
  const row = vault.db
    .prepare(`SELECT r.title, f.format, f.blob_id, f.size FROM records r JOIN files f ON f.record_id = r.id WHERE r.id = ? ORDER BY f.original_path LIMIT 1`)
    .get(recordId) as Row | undefined;
  if (!row) throw new DossierError('not-found', `There is no record with id ${recordId}.`, { details: { recordId } });
  if (!isViewableDocument(row.format)) throw new DossierError('invalid-params', 'This record is not a C-CDA or FHIR document.', { details: { recordId, format: row.format } });
  if (row.size > MAX_DOCUMENT_BYTES) throw new DossierError('unreadable', 'This document is too large to show.', { details: { recordId, bytes: row.size } });
  const reader = await vault.blobs.open(row.blob_id);
  let bytes: Buffer;
  try {
    bytes = await reader.readAll();
  } finally {
    await reader.close();
  }
  try {
    return clinicalDocumentView(row.format, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), row.title);
  } catch (err) {
    throw new DossierError('unreadable', `This document cannot be read: ${err instanceof Error ? err.message : String(err)}.`, { details: { recordId } });
  }
}

// One frame of a stored DICOM file for the viewer: the file is decrypted and parsed once (kept in
// the DatasetCache while it is being viewed), the frame decoded by the pixel engine. A frame that
// cannot be decoded is a result, not an error: the viewer says why in place of the image.
import type { FrameResult } from '../../../shared/imaging/series.js';
import type { Vault } from '../vault/vault.js';
import { DossierError } from '../base/errors.js';
import { decodeOpenedFrame, openInstance, PixelDecodeError, type OpenedInstance } from '../dicom/pixels/index.js';
import type { DatasetCache } from './dataset-cache.js';
import type { FilesRow } from '../vault/rows.js';

type DicomFileRow = Pick<FilesRow, 'blob_id' | 'format'>;

function dicomFile(vault: Vault, fileId: string): DicomFileRow {
  const row = vault.db.prepare('SELECT blob_id, format FROM files WHERE id = ?').get(fileId) as DicomFileRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no stored file with id ${fileId}.`, { details: { fileId } });
  if (row.format !== 'dicom') throw new DossierError('invalid-params', 'This file is not a DICOM image.', { details: { fileId } });
  return row;
}

async function loadInstance(vault: Vault, blobId: string): Promise<OpenedInstance> {
  const reader = await vault.blobs.open(blobId);
  try {
    const bytes = await reader.readAll();
    return openInstance(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } finally {
    await reader.close();
  }
}

/** Frame `frame` (0-based) of the stored file `fileId`. */
export async function readImageFrame(vault: Vault, cache: DatasetCache, fileId: string, frame: number): Promise<FrameResult> {
  const { blob_id: blobId } = dicomFile(vault, fileId);
  try {
    const opened = await cache.open(blobId, () => loadInstance(vault, blobId));
    return { ok: true, frame: decodeOpenedFrame(opened, frame) };
  } catch (err) {
    if (err instanceof PixelDecodeError) return { ok: false, error: err.detail };
    throw err;
  }
}

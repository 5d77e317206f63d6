// A small picture for a record card: the middle image of an imaging study's first series, or a
// small photo itself. PDFs get none (rendering pages needs a canvas the core does not have).
import type { Vault } from '../vault/vault.js';
import { renderPreview } from '../dicom/preview.js';

const MAX_DICOM_BYTES = 64 * 2 ** 20;
const MAX_PHOTO_BYTES = 512 * 1024;

export async function recordThumbnail(vault: Vault, recordId: string): Promise<string | null> {
  const db = vault.db;
  const rec = db.prepare('SELECT kind, format FROM records WHERE id = ?').get(recordId) as { kind: string; format: string } | undefined;
  if (!rec) return null;
  if (rec.kind === 'imaging') {
    const files = db
      .prepare(
        `SELECT f.blob_id, f.size FROM instances i JOIN files f ON f.id = i.file_id
         WHERE i.record_id = ? AND i.pixel_data = 1
           AND i.series_uid = (SELECT series_uid FROM instances WHERE record_id = ? AND pixel_data = 1 ORDER BY series_number, series_uid LIMIT 1)
         ORDER BY i.instance_number, i.sop_uid`,
      )
      .all(recordId, recordId) as { blob_id: string; size: number }[];
    const middle = files[Math.floor(files.length / 2)];
    if (!middle || middle.size > MAX_DICOM_BYTES) return null;
    const preview = renderPreview(await readBlob(vault, middle.blob_id));
    return preview ? `data:${preview.mime};base64,${Buffer.from(preview.bytes).toString('base64')}` : null;
  }
  if (rec.format === 'jpeg' || rec.format === 'png') {
    const f = db.prepare('SELECT blob_id, size FROM files WHERE record_id = ? LIMIT 1').get(recordId) as { blob_id: string; size: number } | undefined;
    if (!f || f.size > MAX_PHOTO_BYTES) return null;
    return `data:image/${rec.format};base64,${(await readBlob(vault, f.blob_id)).toString('base64')}`;
  }
  return null;
}

async function readBlob(vault: Vault, blobId: string): Promise<Buffer> {
  const reader = await vault.blobs.open(blobId);
  try {
    return await reader.readAll();
  } finally {
    await reader.close();
  }
}

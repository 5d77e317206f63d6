// A record's small picture, generated on first request and cached encrypted in the vault: the
// middle image of an imaging study's first series, drawn here by the pixel engine. A PDF's first
// page and a photo are drawn by the app (the core has no canvas) and handed back through
// storeThumbnail, which checks them.
import { THUMBNAIL_MAX_SIDE, type ThumbnailResult } from '../../../shared/api.js';
import { middleImageIndex, seriesImages } from '../../../shared/imaging/series.js';
import type { Vault } from '../vault/vault.js';
import { DossierError } from '../base/errors.js';
import { decodeFrameSync, renderFrameImage } from '../dicom/pixels/index.js';
import { imageSeries } from './image-series.js';
import { cachedThumbnail, saveThumbnail, type NewThumbnail } from './thumbnail-cache.js';
import { checkThumbnailImage } from './thumbnail-image.js';
import type { FilesRow, RecordsRow } from '../vault/rows.js';

/** Formats whose picture the app draws: what it may hand back. */
const APP_DRAWN: Record<string, NonNullable<ThumbnailResult['needs']>> = { pdf: 'pdf-page', jpeg: 'photo', png: 'photo' };

type RecordRow = Pick<RecordsRow, 'kind' | 'format'>;

function recordRow(vault: Vault, recordId: string): RecordRow | undefined {
  return vault.db.prepare('SELECT kind, format FROM records WHERE id = ?').get(recordId) as RecordRow | undefined;
}

async function readBlob(vault: Vault, blobId: string): Promise<Buffer> {
  const reader = await vault.blobs.open(blobId);
  try {
    return await reader.readAll();
  } finally {
    await reader.close();
  }
}

const dataUrl = (mime: string, bytes: Uint8Array): string => `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;

/** The middle image of the first series, as a small JPEG; null when nothing decodes. */
async function drawStudy(vault: Vault, recordId: string): Promise<NewThumbnail | null> {
  const first = imageSeries(vault.db, recordId)[0];
  if (!first) return null;
  const images = seriesImages(first);
  const middle = images[middleImageIndex(images.length)];
  if (!middle) return null;
  const file = vault.db.prepare('SELECT blob_id FROM files WHERE id = ?').get(middle.fileId) as Pick<FilesRow, 'blob_id'>;
  try {
    const frame = decodeFrameSync(await readBlob(vault, file.blob_id), middle.frame);
    const image = renderFrameImage(frame, { format: 'jpeg', maxSide: THUMBNAIL_MAX_SIDE });
    return { bytes: image.bytes, mime: image.mime, width: image.width, height: image.height };
  } catch {
    return null; // undecodable: the card keeps its type icon
  }
}

/** The cached picture; or one drawn now (imaging); or what the app must draw. */
export async function recordThumbnail(vault: Vault, recordId: string): Promise<ThumbnailResult> {
  const rec = recordRow(vault, recordId);
  if (!rec) return { dataUrl: null };
  const cached = cachedThumbnail(vault.db, recordId);
  if (cached?.blobId && cached.mime) {
    const bytes = await readBlob(vault, cached.blobId).catch(() => null);
    if (bytes) return { dataUrl: dataUrl(cached.mime, bytes) };
  } else if (cached) {
    return { dataUrl: null };
  }
  if (rec.kind === 'imaging') {
    const image = await drawStudy(vault, recordId);
    await saveThumbnail(vault, recordId, image, 'core');
    return { dataUrl: image ? dataUrl(image.mime, image.bytes) : null };
  }
  const needs = APP_DRAWN[rec.format];
  return needs ? { dataUrl: null, needs } : { dataUrl: null };
}

/** Keeps a picture the app drew for a PDF or photo record, after checking it. */
export async function storeThumbnail(vault: Vault, recordId: string, bytes: Uint8Array): Promise<{ dataUrl: string }> {
  const rec = recordRow(vault, recordId);
  if (!rec) throw new DossierError('not-found', `There is no record with id ${recordId}.`, { details: { recordId } });
  if (!APP_DRAWN[rec.format]) throw new DossierError('invalid-params', 'Dossier draws the pictures of this kind of record itself.', { details: { recordId, format: rec.format } });
  const image = checkThumbnailImage(bytes);
  await saveThumbnail(vault, recordId, { bytes, ...image }, 'app');
  return { dataUrl: dataUrl(image.mime, bytes) };
}

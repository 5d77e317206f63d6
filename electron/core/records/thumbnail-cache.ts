// Cached thumbnails: the picture is an encrypted blob (its trailer says it is a thumbnail, so
// rebuild-index never mistakes it for a record), listed in the `thumbnails` table. A row without a
// blob remembers that a record has no picture. A replaced or dropped picture's blob is recorded in
// purged_blobs and removed once nothing lists it (Vault.finishPurges).
import type { Db } from '../vault/database.js';
import type { Vault } from '../vault/vault.js';
import type { ThumbnailsRow } from '../vault/rows.js';

/** What a thumbnail blob's trailer holds instead of record facts. */
export const THUMBNAIL_FACTS_KEY = 'thumbnailOf';

export type ThumbnailSource = 'core' | 'app';

export interface CachedThumbnail {
  blobId: string | null;
  mime: string | null;
}

export function cachedThumbnail(db: Db, recordId: string): CachedThumbnail | undefined {
  const row = db.prepare('SELECT blob_id, mime FROM thumbnails WHERE record_id = ?').get(recordId) as Pick<ThumbnailsRow, 'blob_id' | 'mime'> | undefined;
  return row && { blobId: row.blob_id, mime: row.mime };
}

/** Marks the record's cached blob (if any) for removal and forgets the row. Inside the caller's transaction. */
export function forgetThumbnail(db: Db, recordId: string): void {
  db.prepare(`INSERT OR IGNORE INTO purged_blobs (blob_id, purged_at) SELECT blob_id, ? FROM thumbnails WHERE record_id = ? AND blob_id IS NOT NULL`).run(new Date().toISOString(), recordId);
  db.prepare('DELETE FROM thumbnails WHERE record_id = ?').run(recordId);
}

export interface NewThumbnail {
  bytes: Uint8Array;
  mime: string;
  width: number;
  height: number;
}

/** Stores (or replaces) a record's thumbnail; null remembers that it has none. */
export async function saveThumbnail(vault: Vault, recordId: string, image: NewThumbnail | null, source: ThumbnailSource): Promise<void> {
  const put = image ? await vault.blobs.putBytes(image.bytes, { facts: () => ({ [THUMBNAIL_FACTS_KEY]: recordId }) }) : null;
  const db = vault.db;
  db.transaction(() => {
    forgetThumbnail(db, recordId);
    db.prepare(`INSERT INTO thumbnails (record_id, blob_id, mime, width, height, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      recordId,
      put?.blobId ?? null,
      image?.mime ?? null,
      image?.width ?? null,
      image?.height ?? null,
      source,
      new Date().toISOString(),
    );
  })();
  vault.finishPurges();
}

/** Whether a blob's trailer facts mark it as a cached thumbnail. */
export function isThumbnailFacts(facts: Record<string, unknown> | undefined): boolean {
  return typeof facts?.[THUMBNAIL_FACTS_KEY] === 'string';
}

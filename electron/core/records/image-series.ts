// A study's images as the viewer scrolls them: its series (by series number), each with the
// instances that hold pixels, ordered by instance number, then slice location, then UID.
import type { ImageInstance, ImageSeries } from '../../../shared/imaging/series.js';
import type { Db } from '../vault/database.js';
import { DossierError } from '../base/errors.js';
import type { InstancesRow, Narrowed, RecordsRow } from '../vault/rows.js';

/** An instance that holds an image: the query keeps only those with rows and columns. */
type InstanceRow = Narrowed<
  Pick<InstancesRow, 'file_id' | 'series_uid' | 'sop_uid' | 'modality' | 'series_description' | 'series_number' | 'instance_number' | 'rows' | 'columns' | 'frames'>,
  { rows: number; columns: number }
> & { slice_location: string | null };

function sliceLocation(text: string | null): number | null {
  const v = text === null ? NaN : Number.parseFloat(text.split('\\')[0] ?? '');
  return Number.isFinite(v) ? v : null;
}

function byScrollOrder(a: ImageInstance, b: ImageInstance): number {
  const n = (a.instanceNumber ?? Infinity) - (b.instanceNumber ?? Infinity);
  if (n) return n;
  const s = (a.sliceLocation ?? Infinity) - (b.sliceLocation ?? Infinity);
  if (s) return s;
  return a.sopInstanceUID < b.sopInstanceUID ? -1 : a.sopInstanceUID > b.sopInstanceUID ? 1 : 0;
}

function toInstance(r: InstanceRow): ImageInstance {
  return {
    fileId: r.file_id,
    sopInstanceUID: r.sop_uid,
    instanceNumber: r.instance_number,
    sliceLocation: sliceLocation(r.slice_location),
    rows: r.rows,
    columns: r.columns,
    frames: r.frames && r.frames > 0 ? r.frames : 1,
  };
}

/** The imaging record's series that hold images; not-found for an unknown record. */
export function imageSeries(db: Db, recordId: string): ImageSeries[] {
  const record = db.prepare('SELECT kind FROM records WHERE id = ?').get(recordId) as Pick<RecordsRow, 'kind'> | undefined;
  if (!record) throw new DossierError('not-found', `There is no record with id ${recordId}.`, { details: { recordId } });
  const rows = db
    .prepare(
      `SELECT i.file_id, i.series_uid, i.sop_uid, i.modality, i.series_description, i.series_number, i.instance_number,
              i.rows, i.columns, i.frames, json_extract(f.metadata, '$.SliceLocation') AS slice_location
       FROM instances i JOIN files f ON f.id = i.file_id
       WHERE i.record_id = ? AND i.rows > 0 AND i.columns > 0 AND i.pixel_data = 1`,
    )
    .all(recordId) as InstanceRow[];
  const bySeries = new Map<string, ImageSeries>();
  for (const r of rows) {
    let s = bySeries.get(r.series_uid);
    if (!s) {
      s = { seriesInstanceUID: r.series_uid, modality: r.modality, description: r.series_description, seriesNumber: r.series_number, instances: [], imageCount: 0 };
      bySeries.set(r.series_uid, s);
    }
    s.instances.push(toInstance(r));
    s.seriesNumber = s.seriesNumber ?? r.series_number;
  }
  const series = [...bySeries.values()];
  for (const s of series) {
    s.instances.sort(byScrollOrder);
    s.imageCount = s.instances.reduce((n, i) => n + i.frames, 0);
  }
  return series.sort((a, b) => (a.seriesNumber ?? Infinity) - (b.seriesNumber ?? Infinity) || (a.seriesInstanceUID < b.seriesInstanceUID ? -1 : 1));
}

// A record's small picture wherever records are listed (library cards, the case's record picker,
// the export preview): asked for only once it has been on screen briefly (flinging through 10,000
// records asks for none), drawn by the app when the core says it must, kept for the session.
import { useEffect, useState } from 'react';
import type { RecordSummary } from '../../../shared/domain.js';
import { useBridge } from '../bridge-context.js';
import { drawAndStoreThumbnail } from '../viewer/draw-thumbnail.js';
import { TypeIcon } from './TypeIcon.js';

const THUMB_DELAY_MS = 200;
const CACHE_MAX = 300;
const cache = new Map<string, string | null>();

function remember(id: string, url: string | null): void {
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(id, url);
}

/** Imaging studies, PDFs and photos have pictures; other records show their type icon. */
export function mayHaveThumbnail(record: Pick<RecordSummary, 'kind' | 'format'>): boolean {
  return record.kind === 'imaging' || ['pdf', 'jpeg', 'png'].includes(record.format);
}

export function useThumbnail(record: Pick<RecordSummary, 'id' | 'kind' | 'format'>): string | null {
  const bridge = useBridge();
  const { id } = record;
  const wanted = mayHaveThumbnail(record);
  const [url, setUrl] = useState<string | null>(cache.get(id) ?? null);
  useEffect(() => {
    if (!wanted || cache.has(id)) return;
    let live = true;
    const timer = setTimeout(() => {
      bridge
        .call('records.thumbnail', { id })
        .then((r) => (r.needs ? drawAndStoreThumbnail(bridge, record, r.needs) : r.dataUrl))
        .then(
          (dataUrl) => {
            remember(id, dataUrl);
            if (live) setUrl(dataUrl);
          },
          () => remember(id, null),
        );
    }, THUMB_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bridge, id, wanted]);
  return url;
}

/** The picture, or the record type's icon. Decorative: the row around it names the record. */
export function Thumbnail({ record, size }: { record: Pick<RecordSummary, 'id' | 'kind' | 'format' | 'type'>; size?: 'small' }) {
  const url = useThumbnail(record);
  return (
    <span className={`thumb${size ? ` ${size}` : ''}`} aria-hidden="true">
      {url ? <img src={url} alt="" /> : <TypeIcon type={record.type} />}
    </span>
  );
}

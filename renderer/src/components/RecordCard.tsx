// One row of the library: type icon or thumbnail, title, date, institution, size, warnings.
import { useEffect, useState } from 'react';
import { RECORD_TYPE_LABELS, type RecordSummary } from '../../../shared/domain.js';
import { useBridge } from '../bridge-context.js';
import { formatBytes, formatDate } from '../format.js';
import { TypeIcon } from './TypeIcon.js';

const thumbCache = new Map<string, string | null>();

function useThumbnail(id: string, wanted: boolean): string | null {
  const bridge = useBridge();
  const [url, setUrl] = useState<string | null>(thumbCache.get(id) ?? null);
  useEffect(() => {
    if (!wanted || thumbCache.has(id)) return;
    let live = true;
    bridge.call('records.thumbnail', { id }).then(
      (r) => {
        thumbCache.set(id, r.dataUrl);
        if (live) setUrl(r.dataUrl);
      },
      () => thumbCache.set(id, null),
    );
    return () => {
      live = false;
    };
  }, [bridge, id, wanted]);
  return url;
}

export function RecordCard({ record, identityWarning, onOpen }: { record: RecordSummary; identityWarning: boolean; onOpen: () => void }) {
  const thumb = useThumbnail(record.id, record.kind !== 'note');
  const detail = record.kind === 'imaging'
    ? [record.modalities?.join(', '), record.seriesCount !== undefined ? `${record.seriesCount} series` : null].filter(Boolean).join(' · ')
    : record.pageCount ? `${record.pageCount} page${record.pageCount === 1 ? '' : 's'}` : RECORD_TYPE_LABELS[record.type];
  return (
    <button type="button" className="record-card" onClick={onOpen} aria-label={`${record.title}, ${RECORD_TYPE_LABELS[record.type]}, ${formatDate(record.date)}${identityWarning ? ', identity warning' : ''}`}>
      <span className="thumb">{thumb ? <img src={thumb} alt="" /> : <TypeIcon type={record.type} />}</span>
      <span className="card-main">
        <span className="card-title">{record.title}</span>
        <span className="card-meta">
          {RECORD_TYPE_LABELS[record.type]}{record.institution ? ` · ${record.institution}` : ''}{detail && detail !== RECORD_TYPE_LABELS[record.type] ? ` · ${detail}` : ''}
        </span>
        {identityWarning && <span className="badge warn">Different patient details — please check</span>}
      </span>
      <span className="card-side">
        <span className="card-date">{formatDate(record.date)}{record.dateGuessed ? ' (guessed)' : ''}</span>
        <span className="card-size">{formatBytes(record.sizeBytes)}</span>
      </span>
    </button>
  );
}

// One row of the library: type icon or thumbnail, title, date, institution, size, warnings.
import { useEffect, useState, type ButtonHTMLAttributes } from 'react';
import { RECORD_TYPE_LABELS, type RecordSummary } from '../../../shared/domain.js';
import { useBridge } from '../bridge-context.js';
import { formatBytes, formatDate } from '../format.js';
import { formatPersonName } from '../../../shared/person-name.js';
import { TypeIcon } from './TypeIcon.js';

// Thumbnails are asked for only by mounted cards, i.e. the rows the virtualized list shows, and
// only once a row has stayed on screen briefly: flinging through 10,000 records asks for none.
const THUMB_DELAY_MS = 200;
const CACHE_MAX = 300;
const thumbCache = new Map<string, string | null>();

function remember(id: string, url: string | null): void {
  if (thumbCache.size >= CACHE_MAX) thumbCache.delete(thumbCache.keys().next().value as string);
  thumbCache.set(id, url);
}

/** Only imaging studies and photos can have one (the core renders no PDF pages). */
export function mayHaveThumbnail(record: RecordSummary): boolean {
  return record.kind === 'imaging' || record.format === 'jpeg' || record.format === 'png';
}

function useThumbnail(id: string, wanted: boolean): string | null {
  const bridge = useBridge();
  const [url, setUrl] = useState<string | null>(thumbCache.get(id) ?? null);
  useEffect(() => {
    if (!wanted || thumbCache.has(id)) return;
    let live = true;
    const timer = setTimeout(() => {
      bridge.call('records.thumbnail', { id }).then(
        (r) => {
          remember(id, r.dataUrl);
          if (live) setUrl(r.dataUrl);
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

/** Who a record is about, as it says itself, and whose records it was filed under in this vault. */
export function RecordWho({ record, personName }: { record: RecordSummary; personName: string | null }) {
  const patient = formatPersonName(record.patientName);
  return (
    <span className="card-who">
      <span className={patient ? 'patient' : 'patient unknown'}>{patient ? `Patient: ${patient}` : 'Patient not stated'}</span>
      {personName && <span className="person-tag">Assigned to {personName}</span>}
    </span>
  );
}

/** The type, marked when it was guessed on import and nobody confirmed it yet. */
export function typeLabel(record: RecordSummary): string {
  return `${RECORD_TYPE_LABELS[record.type]}${record.typeGuessed ? ' (guessed)' : ''}`;
}

export function RecordCard({ record, personName, identityWarning, onOpen, selected = false, buttonProps }: {
  record: RecordSummary;
  personName: string | null;
  identityWarning: boolean;
  onOpen: () => void;
  selected?: boolean;
  /** The list's keyboard handling and roving Tab stop. */
  buttonProps?: ButtonHTMLAttributes<HTMLButtonElement>;
}) {
  const thumb = useThumbnail(record.id, mayHaveThumbnail(record));
  const detail = record.kind === 'imaging'
    ? [record.modalities?.join(', '), record.seriesCount !== undefined ? `${record.seriesCount} series` : null].filter(Boolean).join(' · ')
    : record.pageCount ? `${record.pageCount} page${record.pageCount === 1 ? '' : 's'}` : '';
  // The visible text is the accessible name: no aria-label that says less than the card shows.
  return (
    <button type="button" className="record-card" onClick={onOpen} data-record-id={record.id} {...buttonProps}>
      <span className="thumb">{thumb ? <img src={thumb} alt="" /> : <TypeIcon type={record.type} />}</span>
      <span className="card-main">
        <span className="card-title">{record.title}</span>
        <RecordWho record={record} personName={personName} />
        <span className="card-meta">{[typeLabel(record), record.institution, detail].filter(Boolean).join(' · ')}</span>
        {identityWarning && <span className="badge warn">Different patient details — please check</span>}
        {selected && <span className="sr-only">, selected</span>}
      </span>
      <span className="card-side">
        <span className="card-date">{formatDate(record.date)}{record.date && record.dateGuessed ? ' (guessed)' : ''}</span>
        <span className="card-size">{formatBytes(record.sizeBytes)}</span>
      </span>
    </button>
  );
}

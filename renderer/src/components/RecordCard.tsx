// One row of the library: type icon or thumbnail, title, date, institution, size, warnings.
import { RECORD_TYPE_LABELS, type RecordSummary } from '../../../shared/domain.js';
import { formatBytes, formatDate } from '../format.js';
import { Thumbnail } from './Thumbnail.js';

export function RecordCard({ record, personName, identityWarning, onOpen }: { record: RecordSummary; personName: string | null; identityWarning: boolean; onOpen: () => void }) {
  const detail = record.kind === 'imaging'
    ? [record.modalities?.join(', '), record.seriesCount !== undefined ? `${record.seriesCount} series` : null].filter(Boolean).join(' · ')
    : record.pageCount ? `${record.pageCount} page${record.pageCount === 1 ? '' : 's'}` : RECORD_TYPE_LABELS[record.type];
  return (
    // Named by its own visible text (title, details, warning, date), so what is read is what is seen.
    <button type="button" className="record-card" onClick={onOpen}>
      <Thumbnail record={record} />
      <span className="card-main">
        <span className="card-title">{record.title}</span>
        <span className="card-meta">
          {personName ? `${personName} · ` : ''}{RECORD_TYPE_LABELS[record.type]}{record.institution ? ` · ${record.institution}` : ''}{detail && detail !== RECORD_TYPE_LABELS[record.type] ? ` · ${detail}` : ''}
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

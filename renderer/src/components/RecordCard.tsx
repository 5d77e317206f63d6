// One row of the library: thumbnail or type icon, title, whose record it is, type, date, size, warnings.
import type { ButtonHTMLAttributes } from 'react';
import { RECORD_TYPE_LABELS, type RecordSummary } from '../../../shared/domain.js';
import { formatPersonName } from '../../../shared/person-name.js';
import { formatBytes, formatDate } from '../format.js';
import { Thumbnail } from './Thumbnail.js';

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
  const detail = record.kind === 'imaging'
    ? [record.modalities?.join(', '), record.seriesCount !== undefined ? `${record.seriesCount} series` : null].filter(Boolean).join(' · ')
    : record.pageCount ? `${record.pageCount} page${record.pageCount === 1 ? '' : 's'}` : '';
  return (
    // Named by its own visible text (title, patient, details, warning, date), so what is read is what is seen.
    <button type="button" className="record-card" onClick={onOpen} data-record-id={record.id} {...buttonProps}>
      <Thumbnail record={record} />
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

// One record: its viewer (images, PDF, photo or document), metadata, editable fields (guessed
// values flagged), series, delete to trash. The parts are in record/.
import { useEffect, useRef } from 'react';
import { TypeIcon } from '../components/TypeIcon.js';
import { usePeople } from '../components/usePeople.js';
import { RecordViewer } from '../viewer/RecordViewer.js';
import { AboutRecord } from './record/AboutRecord.js';
import { recordMetaLine } from './record/record-form.js';
import { RecordEditForm } from './record/RecordEditForm.js';
import { useRecordDetail } from './record/useRecordDetail.js';

export function RecordDetail({ id, identityWarning, backLabel = 'Back to records', onBack, onDeleted, onChanged }: {
  id: string;
  identityWarning: boolean;
  /** Where Back goes: the list the record was opened from (the record is focused there again). */
  backLabel?: string;
  onBack: () => void;
  onDeleted: (id: string, title: string) => void;
  /** After a save: the library and the identity check must see the change. */
  onChanged: () => void;
}) {
  const state = useRecordDetail(id, onChanged, onDeleted);
  const { record, error } = state;
  const people = usePeople();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus the title once it is on screen, so a screen reader announces which record opened.
  const loadedId = record?.id;
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);

  if (!record) return <div className="detail">{error ? <p className="error" role="alert">{error}</p> : <p>Loading…</p>}<button type="button" onClick={onBack}>{backLabel}</button></div>;
  return (
    <article className="detail" aria-labelledby="detail-title">
      <button type="button" className="back" onClick={onBack}>← {backLabel}</button>
      <header className="detail-head">
        <TypeIcon type={record.type} size={40} />
        <div>
          <h1 id="detail-title" tabIndex={-1} ref={heading}>{record.title}</h1>
          <p className="card-meta">{recordMetaLine(record)}</p>
        </div>
      </header>
      {identityWarning && (
        <div className="banner warn" role="note">The patient details on this record differ from your other records. Please check it is really yours before sharing it.</div>
      )}
      <RecordViewer record={record} />
      <div className="detail-grid">
        <RecordEditForm record={record} state={state} people={people} />
        <AboutRecord record={record} onDelete={() => void state.remove()} />
      </div>
    </article>
  );
}

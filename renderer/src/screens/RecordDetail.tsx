// One record: its viewer (images, PDF, photo or document), metadata, editable fields (guessed
// values flagged), series, delete to trash.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { RECORD_TYPES, RECORD_TYPE_LABELS, type RecordDetail as Detail, type RecordType } from '../../../shared/domain.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { Dialog } from '../components/Dialog.js';
import { PersonSelect } from '../components/PersonSelect.js';
import { TypeIcon } from '../components/TypeIcon.js';
import { usePeople } from '../components/usePeople.js';
import { formatBytes, formatDate } from '../format.js';
import { formatPersonName } from '../../../shared/person-name.js';
import { RecordViewer, hasDocumentView } from '../viewer/RecordViewer.js';

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
  const bridge = useBridge();
  const [record, setRecord] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [form, setForm] = useState({ title: '', type: 'other' as RecordType, date: '', tags: '', notes: '', personId: '' });
  const { people, added } = usePeople();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    bridge.call('records.get', { id }).then(
      (r) => {
        setRecord(r);
        setForm({ title: r.title, type: r.type, date: r.date ?? '', tags: r.tags.join(', '), notes: r.notes, personId: r.personId ?? '' });
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [bridge, id]);

  // Focus the title once it is on screen, so a screen reader announces which record opened.
  const loadedId = record?.id;
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const tags = form.tags.split(',').map((t) => t.trim()).filter(Boolean);
      setRecord(await bridge.call('records.update', { id, patch: { title: form.title.trim() || 'Untitled', type: form.type, date: form.date || null, tags, notes: form.notes, personId: form.personId || null } }));
      setSaved(true);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function remove() {
    try {
      await bridge.call('records.delete', { ids: [id] });
      onDeleted(id, record?.title ?? 'Record');
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [k]: e.target.value });
  };
  if (!record) return <div className="detail">{error ? <p className="error" role="alert">{error}</p> : <p>Loading…</p>}<button type="button" onClick={onBack}>{backLabel}</button></div>;

  return (
    <article className="detail" aria-labelledby="detail-title">
      <button type="button" className="back" onClick={onBack}>← {backLabel}</button>
      <header className="detail-head">
        <TypeIcon type={record.type} size={40} />
        <div>
          <h1 id="detail-title" tabIndex={-1} ref={heading}>{record.title}</h1>
          <p className="card-meta">{[RECORD_TYPE_LABELS[record.type], `${formatDate(record.date)}${record.date && record.dateGuessed ? ' (guessed)' : ''}`, record.institution, formatBytes(record.sizeBytes)].filter(Boolean).join(' · ')}</p>
        </div>
      </header>
      {identityWarning && (
        <div className="banner warn" role="note">The patient details on this record differ from your other records. Please check it is really yours before sharing it.</div>
      )}
      <RecordViewer record={record} />
      <div className="detail-grid">
        <form className="panel" onSubmit={save} aria-label="Edit record">
          <h2>Details</h2>
          <label htmlFor="f-title">Title</label>
          <input id="f-title" value={form.title} onChange={set('title')} />
          <label htmlFor="f-type">Type {record.typeGuessed && <span className="guessed">guessed — please check</span>}</label>
          <select id="f-type" value={form.type} onChange={set('type')}>
            {RECORD_TYPES.map((t) => <option key={t} value={t}>{RECORD_TYPE_LABELS[t]}</option>)}
          </select>
          <label htmlFor="f-date">Date {record.dateGuessed && <span className="guessed">guessed — please check</span>}</label>
          <input id="f-date" type="date" value={form.date} onChange={set('date')} />
          <PersonSelect id="f-person" label="Whose record is this?" people={people} value={form.personId} onChange={(personId) => { setSaved(false); setForm((f) => ({ ...f, personId })); }} onPeopleChanged={added} />
          <label htmlFor="f-tags">Tags <span className="hint-inline">(separate with commas)</span></label>
          <input id="f-tags" value={form.tags} onChange={set('tags')} />
          <label htmlFor="f-notes">Notes</label>
          <textarea id="f-notes" rows={4} value={form.notes} onChange={set('notes')} />
          {error && <p className="error" role="alert">{error}</p>}
          <div className="row">
            <button className="primary" type="submit">Save changes</button>
            <span role="status" className="hint">{saved ? 'Saved.' : ''}</span>
          </div>
        </form>
        <section className="panel" aria-labelledby="about-title">
          <h2 id="about-title">About this record</h2>
          <dl className="facts">
            <dt>Patient</dt><dd>{record.patientName ? formatPersonName(record.patientName) : 'Not stated'}{record.patientBirthDate ? `, born ${formatDate(record.patientBirthDate)}` : ''}</dd>
            {record.patientId && <><dt>Patient ID</dt><dd>{record.patientId}</dd></>}
            <dt>Files</dt><dd>{record.sourceFileCount.toLocaleString()}</dd>
            {record.pageCount !== undefined && <><dt>Pages</dt><dd>{record.pageCount}</dd></>}
            {record.studyDescription && <><dt>Study</dt><dd>{record.studyDescription}</dd></>}
          </dl>
          {record.series.length > 0 && (
            <>
              <h3>Series</h3>
              <table className="series">
                <thead><tr><th scope="col">#</th><th scope="col">Kind</th><th scope="col">Description</th><th scope="col">Images</th></tr></thead>
                <tbody>
                  {record.series.map((s) => (
                    <tr key={s.seriesInstanceUID}><td>{s.seriesNumber ?? ''}</td><td>{s.modality}</td><td>{s.seriesDescription || '—'}</td><td>{s.noImageData ? `${s.instanceCount} (no image data)` : s.instanceCount}</td></tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {record.textPreview && !hasDocumentView(record) && (
            <>
              <h3 id="text-title">Text</h3>
              <pre className="text-preview" tabIndex={0} role="region" aria-labelledby="text-title">{record.textPreview}</pre>
            </>
          )}
          <div className="danger-zone">
            <button type="button" className="danger" onClick={() => setConfirming(true)}>Delete record…</button>
            {confirming && (
              <Dialog title="Delete this record?" role="alertdialog" onClose={() => setConfirming(false)}>
                <p>“{record.title}” will be moved to the trash. You can undo this straight away.</p>
                <div className="row">
                  <button type="button" className="danger" onClick={() => void remove()} data-autofocus>Move to trash</button>
                  <button type="button" onClick={() => setConfirming(false)}>Keep it</button>
                </div>
              </Dialog>
            )}
          </div>
        </section>
      </div>
    </article>
  );
}

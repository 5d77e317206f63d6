// The record's editable details: title, type and date (flagged when guessed), whose it is, tags, notes.
import { RECORD_TYPES, RECORD_TYPE_LABELS, type RecordDetail } from '../../../../shared/domain.js';
import { PersonSelect } from '../../components/PersonSelect.js';
import type { usePeople } from '../../components/usePeople.js';
import type { RecordForm } from './record-form.js';
import type { RecordDetailState } from './useRecordDetail.js';

/** `people`: loaded with the record (usePeople), so whose it is shows at once. */
export function RecordEditForm({ record, state, people: { people, added } }: { record: RecordDetail; state: RecordDetailState; people: ReturnType<typeof usePeople> }) {
  const { form, change, error, saved } = state;
  const set = (k: keyof RecordForm) => (e: { target: { value: string } }) => change({ [k]: e.target.value });
  return (
    <form className="panel" onSubmit={(e) => void state.save(e)} aria-label="Edit record">
      <h2>Details</h2>
      <label htmlFor="f-title">Title</label>
      <input id="f-title" value={form.title} onChange={set('title')} />
      <label htmlFor="f-type">Type {record.typeGuessed && <span className="guessed">guessed — please check</span>}</label>
      <select id="f-type" value={form.type} onChange={set('type')}>
        {RECORD_TYPES.map((t) => <option key={t} value={t}>{RECORD_TYPE_LABELS[t]}</option>)}
      </select>
      <label htmlFor="f-date">Date {record.dateGuessed && <span className="guessed">guessed — please check</span>}</label>
      <input id="f-date" type="date" value={form.date} onChange={set('date')} />
      <PersonSelect id="f-person" label="Whose record is this?" people={people} value={form.personId} onChange={(personId) => change({ personId })} onPeopleChanged={added} />
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
  );
}

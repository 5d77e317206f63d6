// What to do with the selected records, all at once: assign them to a person, add them to a case,
// tag them, move them to the trash (each deletion can be undone).
import { useEffect, useState, type FormEvent } from 'react';
import type { CaseSummary } from '../../../shared/cases.js';
import type { Person } from '../../../shared/domain.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { plural } from '../format.js';

export function BulkBar({ ids, people, total, onSelectAll, onClear, onChanged, onDeleted }: {
  ids: string[];
  people: Person[];
  /** How many records the list shows (for "Select all"). */
  total: number;
  onSelectAll: () => void;
  onClear: () => void;
  onChanged: () => void;
  onDeleted: (ids: string[], label: string) => void;
}) {
  const bridge = useBridge();
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [person, setPerson] = useState('');
  const [caseId, setCaseId] = useState('');
  const [tag, setTag] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => void bridge.call('cases.list', {}).then(setCases, () => setCases([])), [bridge]);
  const what = plural(ids.length, 'record');

  async function act(job: () => Promise<string>) {
    try {
      setMessage(await job());
      onChanged();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }
  const assign = (e: FormEvent) => {
    e.preventDefault();
    const name = people.find((p) => p.id === person)?.name;
    void act(async () => (await bridge.call('records.updateMany', { ids, patch: { personId: person || null } }), name ? `${what} assigned to ${name}.` : `${what} assigned to nobody.`));
  };
  const addToCase = (e: FormEvent) => {
    e.preventDefault();
    if (caseId) void act(async () => `${what} added to “${(await bridge.call('cases.addRecords', { id: caseId, recordIds: ids })).title}”.`);
  };
  const addTag = (e: FormEvent) => {
    e.preventDefault();
    if (tag.trim()) void act(async () => (await bridge.call('records.updateMany', { ids, patch: { addTags: [tag.trim()] } }), setTag(''), `Tag “${tag.trim()}” added to ${what}.`));
  };
  const remove = () =>
    void act(async () => {
      await bridge.call('records.delete', { ids });
      onDeleted(ids, what);
      onClear();
      return '';
    });

  return (
    <section className="bulk-bar" aria-labelledby="bulk-title">
      <h2 id="bulk-title" className="bulk-count" aria-live="polite">{what} selected</h2>
      <form className="bulk-action" onSubmit={assign}>
        <label htmlFor="bulk-person">Assign to</label>
        <select id="bulk-person" value={person} onChange={(e) => setPerson(e.target.value)}>
          <option value="">Nobody</option>
          {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <button type="submit">Assign</button>
      </form>
      <form className="bulk-action" onSubmit={addToCase}>
        <label htmlFor="bulk-case">Add to case</label>
        <select id="bulk-case" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
          <option value="">Choose a case</option>
          {cases.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
        </select>
        <button type="submit" disabled={!caseId}>Add</button>
      </form>
      <form className="bulk-action" onSubmit={addTag}>
        <label htmlFor="bulk-tag">Tag</label>
        <input id="bulk-tag" value={tag} onChange={(e) => setTag(e.target.value)} />
        <button type="submit" disabled={!tag.trim()}>Add tag</button>
      </form>
      <div className="bulk-action">
        <button type="button" className="danger" onClick={remove}>Move to trash</button>
        {ids.length < total && <button type="button" onClick={onSelectAll}>Select all {total.toLocaleString('en-US')}</button>}
        <button type="button" onClick={onClear}>Clear selection</button>
      </div>
      <p className="hint" role="status">{message}</p>
    </section>
  );
}

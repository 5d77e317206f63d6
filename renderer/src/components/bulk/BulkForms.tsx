// The bulk bar's small forms: assign to a person, add to a case, add a tag.
import { useEffect, useState, type FormEvent } from 'react';
import type { CaseSummary } from '../../../../shared/cases.js';
import type { Person } from '../../../../shared/domain.js';
import { useBridge } from '../../bridge-context.js';

const submitted = (e: FormEvent) => e.preventDefault();

export function AssignForm({ people, onAssign }: { people: Person[]; onAssign: (personId: string) => void }) {
  const [person, setPerson] = useState('');
  return (
    <form className="bulk-action" onSubmit={(e) => (submitted(e), onAssign(person))}>
      <label htmlFor="bulk-person">Assign to</label>
      <select id="bulk-person" value={person} onChange={(e) => setPerson(e.target.value)}>
        <option value="">Nobody</option>
        {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <button type="submit">Assign</button>
    </form>
  );
}

export function CaseForm({ onAdd }: { onAdd: (caseId: string) => void }) {
  const bridge = useBridge();
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [caseId, setCaseId] = useState('');
  useEffect(() => void bridge.call('cases.list', {}).then(setCases, () => setCases([])), [bridge]);
  return (
    <form className="bulk-action" onSubmit={(e) => (submitted(e), caseId && onAdd(caseId))}>
      <label htmlFor="bulk-case">Add to case</label>
      <select id="bulk-case" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
        <option value="">Choose a case</option>
        {cases.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
      </select>
      <button type="submit" disabled={!caseId}>Add</button>
    </form>
  );
}

export function TagForm({ onAdd }: { onAdd: (tag: string) => Promise<boolean> }) {
  const [tag, setTag] = useState('');
  const add = (e: FormEvent) => {
    submitted(e);
    if (tag.trim()) void onAdd(tag.trim()).then((added) => added && setTag(''));
  };
  return (
    <form className="bulk-action" onSubmit={add}>
      <label htmlFor="bulk-tag">Tag</label>
      <input id="bulk-tag" value={tag} onChange={(e) => setTag(e.target.value)} />
      <button type="submit" disabled={!tag.trim()}>Add tag</button>
    </form>
  );
}

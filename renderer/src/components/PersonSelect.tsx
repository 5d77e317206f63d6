// Choose whose record (or case) this is, with a shortcut to add someone new.
import { useState } from 'react';
import type { Person } from '../../../shared/domain.js';
import { PersonDialog } from './PersonDialog.js';

export function PersonSelect({ id, label, people, value, onChange, onPeopleChanged }: {
  id: string;
  label: string;
  people: Person[];
  value: string;
  onChange: (personId: string) => void;
  onPeopleChanged: (added: Person) => void;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="row tight">
        <select id={id} className="grow" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Not set</option>
          {people.map((p) => <option key={p.id} value={p.id}>{p.name}{p.relation ? ` (${p.relation})` : ''}</option>)}
        </select>
        <button type="button" onClick={() => setAdding(true)}>Add a person…</button>
      </div>
      {adding && (
        <PersonDialog
          onCancel={() => setAdding(false)}
          onDone={(p) => {
            setAdding(false);
            onPeopleChanged(p);
            onChange(p.id);
          }}
        />
      )}
    </>
  );
}

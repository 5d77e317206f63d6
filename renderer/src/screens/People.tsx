// The people whose records are kept here: a caregiver may keep their own, a parent's, a child's.
import { useEffect, useState } from 'react';
import type { Person } from '../../../shared/domain.js';
import { useBridge } from '../bridge-context.js';
import { PersonDialog } from '../components/PersonDialog.js';
import { usePeople } from '../components/usePeople.js';
import { formatDate, plural } from '../format.js';

export function People({ version, onShowRecords }: { version: number; onShowRecords: (personId: string) => void }) {
  const bridge = useBridge();
  const { people, reload } = usePeople(version);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});

  useEffect(() => {
    let live = true;
    void Promise.all(people.map(async (p) => [p.id, (await bridge.call('records.list', { personId: p.id, limit: 1 })).total] as const))
      .then((pairs) => live && setCounts(Object.fromEntries(pairs)), () => undefined);
    return () => {
      live = false;
    };
  }, [bridge, people]);

  return (
    <div className="people">
      <div className="case-head">
        <h1>People</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')}>Add a person…</button>
      </div>
      <p className="lead">If you look after someone else's records too — a parent, a child — add them here. Then choose, on each record and case, whose it is.</p>
      {people.length === 0 ? (
        <p className="empty">Nobody added yet. Records that are not assigned to anyone are still kept safely.</p>
      ) : (
        <ul className="case-list">
          {people.map((p) => (
            <li key={p.id} className="panel person-row">
              <span className="grow">
                <span className="card-title">{p.name}</span>
                <span className="card-meta">{[p.relation, p.birthDate ? `born ${formatDate(p.birthDate)}` : null, counts[p.id] !== undefined ? plural(counts[p.id] ?? 0, 'record') : null].filter(Boolean).join(' · ')}</span>
              </span>
              <button type="button" onClick={() => onShowRecords(p.id)} aria-label={`Show ${p.name}'s records`}>Show records</button>
              <button type="button" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>Edit</button>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <PersonDialog
          {...(editing !== 'new' && { person: editing })}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </div>
  );
}

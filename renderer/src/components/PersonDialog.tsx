// Add or edit a person whose records are kept here (self, mother, child…).
import { useState, type FormEvent } from 'react';
import type { Person } from '../../../shared/domain.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { Dialog } from './Dialog.js';
import { FormFooter } from './FormFooter.js';

export const RELATIONS = ['Myself', 'Partner', 'Mother', 'Father', 'Child', 'Other family', 'Someone I care for'];

export function PersonDialog({ person, onDone, onCancel }: { person?: Person; onDone: (p: Person) => void; onCancel: () => void }) {
  const bridge = useBridge();
  const [name, setName] = useState(person?.name ?? '');
  const [birthDate, setBirthDate] = useState(person?.birthDate ?? '');
  const [relation, setRelation] = useState(person?.relation || 'Myself');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    e.stopPropagation(); // React events bubble through portals: keep the outer form out of it
    if (!name.trim()) return setError('Please type a name.');
    const fields = { name: name.trim(), birthDate: birthDate || null, relation };
    try {
      onDone(person ? await bridge.call('people.update', { id: person.id, ...fields }) : await bridge.call('people.create', fields));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog title={person ? `Edit ${person.name}` : 'Add a person'} onClose={onCancel}>
      <form onSubmit={submit}>
        <p className="hint">Their records can then be kept apart, and Dossier checks that each record's patient details match them.</p>
        <label htmlFor="p-name">Name, as on their medical records</label>
        <input id="p-name" value={name} onChange={(e) => setName(e.target.value)} data-autofocus autoComplete="off" />
        <label htmlFor="p-birth">Date of birth <span className="hint-inline">(optional)</span></label>
        <input id="p-birth" type="date" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
        <label htmlFor="p-rel">Who they are to you</label>
        <select id="p-rel" value={relation} onChange={(e) => setRelation(e.target.value)}>
          {[...new Set([...RELATIONS, relation])].map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
        <FormFooter error={error} submitLabel={person ? 'Save' : 'Add person'} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

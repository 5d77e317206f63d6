// The request: the case's name, whose it is, the main question, and who is asked — with their
// credentials and when the person checked them.
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../../shared/cases.js';
import type { CaseInput } from '../../../../shared/api.js';
import { PersonSelect } from '../../components/PersonSelect.js';
import { usePeople } from '../../components/usePeople.js';
import { formatDate } from '../../format.js';

const today = (): string => new Date().toISOString().slice(0, 10);

export function RequestPanel({ c, version, onSave }: { c: CaseDetail; version: number; onSave: (patch: Partial<CaseInput>) => void }) {
  const { people, added } = usePeople(version);
  const fromCase = () => ({
    title: c.title,
    question: c.question,
    personId: c.personId ?? '',
    name: c.provider.name,
    institution: c.provider.institution,
    specialty: c.provider.specialty,
    credentials: c.provider.credentials,
    checkedOn: c.provider.credentialsCheckedOn ?? '',
    contact: c.provider.contact,
  });
  const [draft, setDraft] = useState(fromCase);
  // Typed but unsaved words survive other saves on the page; only another case replaces them.
  useEffect(() => setDraft(fromCase()), [c.id]);
  const field = (k: keyof typeof draft) => ({ value: draft[k], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value }) });
  const save = () =>
    onSave({
      title: draft.title.trim() || 'Untitled case',
      question: draft.question,
      personId: draft.personId || null,
      provider: { name: draft.name, institution: draft.institution, specialty: draft.specialty, credentials: draft.credentials, credentialsCheckedOn: draft.checkedOn || null, contact: draft.contact },
    });

  return (
    <section className="panel" aria-labelledby="case-details">
      <h2 id="case-details">The request</h2>
      <label htmlFor="c-title">Case name</label>
      <input id="c-title" {...field('title')} />
      <PersonSelect id="c-person" label="The patient" people={people} value={draft.personId} onChange={(personId) => setDraft((d) => ({ ...d, personId }))} onPeopleChanged={added} />
      <label htmlFor="c-question">Your main question for the doctor</label>
      <textarea id="c-question" rows={3} {...field('question')} placeholder="e.g. Is surgery the right treatment, or are there other options?" />
      <h3>Who you are asking</h3>
      <label htmlFor="c-pname">Doctor</label>
      <input id="c-pname" {...field('name')} />
      <label htmlFor="c-pinst">Hospital or clinic</label>
      <input id="c-pinst" {...field('institution')} />
      <label htmlFor="c-pspec">Specialty</label>
      <input id="c-pspec" {...field('specialty')} placeholder="e.g. Thoracic surgery" />
      <label htmlFor="c-pcred">Credentials <span className="hint-inline">(board certification, licence number)</span></label>
      <input id="c-pcred" {...field('credentials')} aria-describedby="c-pcred-help" />
      <p id="c-pcred-help" className="hint">
        {draft.checkedOn ? `You checked these on ${formatDate(draft.checkedOn)}.` : 'Not checked yet. Most countries have a public register of doctors.'}{' '}
        <button type="button" className="link" onClick={() => setDraft((d) => ({ ...d, checkedOn: today() }))}>I checked them today</button>
      </p>
      <label htmlFor="c-pcontact">Contact (phone or email)</label>
      <input id="c-pcontact" {...field('contact')} />
      <button type="button" onClick={save}>Save details</button>
    </section>
  );
}

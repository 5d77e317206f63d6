// The case builder: question, provider, questions list (reorderable), records, export, history.
import { useEffect, useRef, useState } from 'react';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import type { CaseDetail } from '../../../shared/cases.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { formatBytes, formatDate, plural } from '../format.js';
import { IdentityConflictList } from '../components/IdentityConflicts.js';
import { PersonSelect } from '../components/PersonSelect.js';
import { usePeople } from '../components/usePeople.js';
import { ExportWizard } from './ExportWizard.js';
import { QuestionList } from './QuestionList.js';
import { RecordPicker } from './RecordPicker.js';

export function CaseEditor({ id, version, onBack }: { id: string; version: number; onBack: () => void }) {
  const bridge = useBridge();
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [saved, setSaved] = useState('');
  const [draft, setDraft] = useState({ title: '', question: '', name: '', institution: '', contact: '', personId: '' });
  const { people, added } = usePeople(version);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening or creating a case, and coming back from the export: the case's title takes the focus.
  useFocusOnMount(heading, c !== null && !exporting);

  useEffect(() => {
    bridge.call('cases.get', { id }).then((d) => {
      setCase(d);
      setDraft({ title: d.title, question: d.question, name: d.provider.name, institution: d.provider.institution, contact: d.provider.contact, personId: d.personId ?? '' });
    }, (e: unknown) => setError(errorMessage(e)));
  }, [bridge, id, version]);

  async function apply(job: Promise<CaseDetail>, message: string) {
    setError(null);
    try {
      setCase(await job);
      setSaved(message);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  const saveDetails = () =>
    apply(bridge.call('cases.update', { id, patch: { title: draft.title.trim() || 'Untitled case', question: draft.question, personId: draft.personId || null, provider: { name: draft.name, institution: draft.institution, contact: draft.contact } } }), 'Case details saved.');

  if (!c) return <div>{error ? <p className="error" role="alert">{error}</p> : <p>Loading…</p>}</div>;
  if (exporting) return <ExportWizard caseDetail={c} onClose={() => { setExporting(false); void bridge.call('cases.get', { id }).then(setCase); }} />;
  const field = (k: keyof typeof draft) => ({ value: draft[k], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value }) });

  return (
    <div className="case-editor">
      <button type="button" className="back" onClick={onBack}>← All cases</button>
      <div className="case-head">
        <h1 tabIndex={-1} ref={heading}>{c.title}</h1>
        <button className="primary" type="button" onClick={() => setExporting(true)} disabled={c.recordIds.length === 0}>Export bundle…</button>
      </div>
      <p className="card-meta">{plural(c.recordIds.length, 'record')} selected · {formatBytes(c.totalBytes)} in total</p>
      {c.identityConflicts.length > 0 && (
        <div className="banner warn" role="note"><p><strong>Patient details differ between the selected records:</strong></p><IdentityConflictList conflicts={c.identityConflicts} /></div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <p role="status" className="hint">{saved}</p>
      <div className="detail-grid">
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
          <label htmlFor="c-pcontact">Contact (phone or email)</label>
          <input id="c-pcontact" {...field('contact')} />
          <button type="button" onClick={() => void saveDetails()}>Save details</button>
        </section>
        <QuestionList questions={c.questions} onChange={(questions) => apply(bridge.call('cases.setQuestions', { id, questions }), 'Questions saved.')} />
      </div>
      <RecordPicker selected={c.recordIds} version={version} onChange={(recordIds) => apply(bridge.call('cases.setRecords', { id, recordIds }), 'Records updated.')} />
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">Share history</h2>
        {c.shares.length === 0 ? <p className="hint">Nothing handed over yet.</p> : (
          <table className="series">
            <thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">Where</th><th scope="col">Files</th><th scope="col">Protected</th></tr></thead>
            <tbody>
              {c.shares.map((s) => (
                <tr key={s.id}>
                  <td>{formatDate(s.exportedAt)}</td><td>{s.providerName || '—'}</td>
                  <td className="path">{s.destination}</td><td>{s.fileCount} ({formatBytes(s.bytes)})</td>
                  <td>{s.encrypted ? 'Password zip' : 'Not encrypted'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

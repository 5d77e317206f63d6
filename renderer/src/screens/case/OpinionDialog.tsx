// Record an opinion: who gave it, when, the letter (a record), what it says on each topic, and
// its answers to the case's questions.
import { useState, type FormEvent } from 'react';
import { OPINION_TOPICS, type CaseDetail, type Opinion } from '../../../../shared/cases.js';
import { OPINION_TOPIC_WORDS } from '../../../../shared/words/journey.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { Dialog } from '../../components/Dialog.js';
import { RecordSelect, useLetterChoices } from './LetterSelect.js';
import { opinionAnswers, opinionForm, opinionInput, type OpinionForm } from './opinion-form.js';
import { FormFooter } from '../../components/FormFooter.js';

type Setter = (k: keyof OpinionForm) => (e: { target: { value: string } }) => void;

export function OpinionDialog({ c, opinion, onDone, onCancel }: { c: CaseDetail; opinion?: Opinion; onDone: (saved: Opinion) => void; onCancel: () => void }) {
  const bridge = useBridge();
  const [form, setForm] = useState(() => opinionForm(opinion));
  const [answers, setAnswers] = useState<string[]>(() => opinionAnswers(c.questions, opinion));
  const [error, setError] = useState<string | null>(null);
  const set: Setter = (k) => (e) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    e.stopPropagation();
    if (!form.by.trim()) return setError('Please say whose opinion it is.');
    const input = opinionInput(form, c.questions, answers);
    try {
      onDone(opinion ? await bridge.call('opinions.update', { id: opinion.id, patch: input }) : await bridge.call('opinions.add', { caseId: c.id, opinion: input }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog title={opinion ? `Edit the opinion of ${opinion.by}` : 'Add an opinion'} onClose={onCancel}>
      <form onSubmit={submit} className="opinion-form">
        <OpinionSource c={c} form={form} set={set} setForm={setForm} />
        {OPINION_TOPICS.map((t) => (
          <div key={t}>
            <label htmlFor={`op-${t}`}>{OPINION_TOPIC_WORDS[t]}</label>
            <textarea id={`op-${t}`} rows={t === 'treatment' ? 3 : 2} value={form[t]} onChange={set(t)} />
          </div>
        ))}
        <label htmlFor="op-notes">Other recommendations and notes</label>
        <textarea id="op-notes" rows={3} value={form.notes} onChange={set('notes')} />
        <Answers questions={c.questions} answers={answers} onChange={(i, text) => setAnswers((list) => list.map((a, k) => (k === i ? text : a)))} />
        <FormFooter error={error} submitLabel={opinion ? 'Save' : 'Add opinion'} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

/** Whose opinion, which one (first or second), when, and the letter it came in. */
function OpinionSource({ c, form, set, setForm }: { c: CaseDetail; form: OpinionForm; set: Setter; setForm: (update: (f: OpinionForm) => OpinionForm) => void }) {
  const records = useLetterChoices(c);
  return (
    <>
      <label htmlFor="op-by">Whose opinion</label>
      <input id="op-by" value={form.by} onChange={set('by')} data-autofocus placeholder="e.g. Dr Meyer, University Hospital" autoComplete="off" />
      <fieldset>
        <legend>Which opinion is it?</legend>
        <label className="check"><input type="radio" name="op-role" checked={form.role === 'first'} onChange={() => setForm((f) => ({ ...f, role: 'first' }))} /> The first opinion (your own doctor's)</label>
        <label className="check"><input type="radio" name="op-role" checked={form.role === 'second'} onChange={() => setForm((f) => ({ ...f, role: 'second' }))} /> A second opinion</label>
      </fieldset>
      <div className="form-grid">
        <div>
          <label htmlFor="op-date">Date</label>
          <input id="op-date" type="date" value={form.date} onChange={set('date')} />
        </div>
        <div>
          <label htmlFor="op-record">The letter or report</label>
          <RecordSelect id="op-record" value={form.recordId} onChange={(recordId) => setForm((f) => ({ ...f, recordId }))} records={records} caseRecords={c.recordIds} />
        </div>
      </div>
    </>
  );
}

function Answers({ questions, answers, onChange }: { questions: string[]; answers: string[]; onChange: (index: number, text: string) => void }) {
  return (
    <>
      {questions.length > 0 && <h3>Answers to your questions</h3>}
      {questions.map((q, i) => (
        <div key={q}>
          <label htmlFor={`op-a${i}`}>{i + 1}. {q}</label>
          <textarea id={`op-a${i}`} rows={2} value={answers[i] ?? ''} onChange={(e) => onChange(i, e.target.value)} />
        </div>
      ))}
    </>
  );
}

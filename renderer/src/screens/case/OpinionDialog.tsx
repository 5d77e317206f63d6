// Record an opinion: who gave it, when, the letter (a record), what it says on each topic, and
// its answers to the case's questions.
import { useEffect, useState, type FormEvent } from 'react';
import { RECORD_PAGE_MAX } from '../../../../shared/api.js';
import { OPINION_TOPICS, type CaseDetail, type Opinion, type OpinionInput, type OpinionRole } from '../../../../shared/cases.js';
import type { RecordSummary } from '../../../../shared/domain.js';
import { OPINION_TOPIC_WORDS } from '../../../../shared/words/journey.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { Dialog } from '../../components/Dialog.js';
import { formatDate } from '../../format.js';

export function OpinionDialog({ c, opinion, onDone, onCancel }: { c: CaseDetail; opinion?: Opinion; onDone: (saved: Opinion) => void; onCancel: () => void }) {
  const bridge = useBridge();
  const records = useLetterChoices(c);
  const [form, setForm] = useState({
    by: opinion?.by ?? '',
    role: opinion?.role ?? ('second' as OpinionRole),
    date: opinion?.date ?? '',
    recordId: opinion?.recordId ?? '',
    diagnosis: opinion?.diagnosis ?? '',
    stage: opinion?.stage ?? '',
    treatment: opinion?.treatment ?? '',
    urgency: opinion?.urgency ?? '',
    notes: opinion?.notes ?? '',
  });
  const [answers, setAnswers] = useState<string[]>(c.questions.map((q) => opinion?.answers.find((a) => a.question === q)?.answer ?? ''));
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    e.stopPropagation();
    if (!form.by.trim()) return setError('Please say whose opinion it is.');
    const input: OpinionInput = { ...form, date: form.date || null, recordId: form.recordId || null, answers: c.questions.map((question, i) => ({ question, answer: answers[i] ?? '' })) };
    try {
      onDone(opinion ? await bridge.call('opinions.update', { id: opinion.id, patch: input }) : await bridge.call('opinions.add', { caseId: c.id, opinion: input }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog title={opinion ? `Edit the opinion of ${opinion.by}` : 'Add an opinion'} onClose={onCancel}>
      <form onSubmit={submit} className="opinion-form">
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
        {OPINION_TOPICS.map((t) => (
          <div key={t}>
            <label htmlFor={`op-${t}`}>{OPINION_TOPIC_WORDS[t]}</label>
            <textarea id={`op-${t}`} rows={t === 'treatment' ? 3 : 2} value={form[t]} onChange={set(t)} />
          </div>
        ))}
        <label htmlFor="op-notes">Other recommendations and notes</label>
        <textarea id="op-notes" rows={3} value={form.notes} onChange={set('notes')} />
        {c.questions.length > 0 && <h3>Answers to your questions</h3>}
        {c.questions.map((q, i) => (
          <div key={q}>
            <label htmlFor={`op-a${i}`}>{i + 1}. {q}</label>
            <textarea id={`op-a${i}`} rows={2} value={answers[i] ?? ''} onChange={(e) => setAnswers((list) => list.map((a, k) => (k === i ? e.target.value : a)))} />
          </div>
        ))}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="row">
          <button className="primary" type="submit">{opinion ? 'Save' : 'Add opinion'}</button>
          <button type="button" onClick={onCancel}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}

/** The records a letter can be: the newest ones, and always the case's own. */
function useLetterChoices(c: CaseDetail): RecordSummary[] {
  const bridge = useBridge();
  const [records, setRecords] = useState<RecordSummary[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const { records: newest } = await bridge.call('records.list', { sort: 'date-desc', limit: RECORD_PAGE_MAX });
      const listed = new Set(newest.map((r) => r.id));
      const missing = await Promise.all(c.recordIds.filter((id) => !listed.has(id)).map((id) => bridge.call('records.get', { id })));
      if (live) setRecords([...missing, ...newest]);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [bridge, c.recordIds]);
  return records;
}

function RecordSelect({ id, value, onChange, records, caseRecords }: { id: string; value: string; onChange: (v: string) => void; records: RecordSummary[]; caseRecords: string[] }) {
  const inCase = new Set(caseRecords);
  const option = (r: RecordSummary) => <option key={r.id} value={r.id}>{r.title} ({formatDate(r.date)})</option>;
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">None (not in Dossier yet)</option>
      <optgroup label="Records in this case">{records.filter((r) => inCase.has(r.id)).map(option)}</optgroup>
      <optgroup label="Other records">{records.filter((r) => !inCase.has(r.id)).map(option)}</optgroup>
    </select>
  );
}

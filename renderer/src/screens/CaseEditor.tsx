// The case builder: where the case stands, the request and who is asked, the practical details,
// the questions, items sent separately, the records, the opinions compared, export and history.
import { useEffect, useRef, useState } from 'react';
import { CASE_STATUSES, type CaseDetail, type CaseStatus } from '../../../shared/cases.js';
import type { CaseInput } from '../../../shared/api.js';
import { CASE_STATUS_WORDS } from '../../../shared/words/journey.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { formatBytes, formatDate, plural } from '../format.js';
import { IdentityConflictList } from '../components/IdentityConflicts.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { useFocusAfter } from '../components/useFocusAfter.js';
import { ExportWizard } from './ExportWizard.js';
import { QuestionList, questionInputId } from './QuestionList.js';
import { RecordPicker } from './RecordPicker.js';
import { RequestPanel } from './case/RequestPanel.js';
import { JourneyPanel } from './case/JourneyPanel.js';
import { ItemsPanel } from './case/ItemsPanel.js';
import { OpinionsSection } from './case/OpinionsSection.js';

export function CaseEditor({ id, version, onBack }: { id: string; version: number; onBack: () => void }) {
  const bridge = useBridge();
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [saved, setSaved] = useState('');
  const focusAfter = useFocusAfter([c]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening or creating a case, and coming back from the export: the case's title takes the focus.
  useFocusOnMount(heading, c !== null && !exporting);

  useEffect(() => {
    bridge.call('cases.get', { id }).then(setCase, (e: unknown) => setError(errorMessage(e)));
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
  const update = (patch: Partial<CaseInput>, message: string) => apply(bridge.call('cases.update', { id, patch }), message);
  const reload = (message: string) => apply(bridge.call('cases.get', { id }), message);
  /** "Ask about this": the difference becomes the last question, and focus goes to it. */
  const ask = async (question: string) => {
    if (!c) return;
    focusAfter(questionInputId(c.questions.length));
    await apply(bridge.call('cases.setQuestions', { id, questions: [...c.questions, question] }), 'Added to your questions.');
  };

  if (!c) return <div>{error ? <p className="error" role="alert">{error}</p> : <p>Loading…</p>}</div>;
  if (exporting) return <ExportWizard caseDetail={c} onClose={() => { setExporting(false); void bridge.call('cases.get', { id }).then(setCase); }} />;

  return (
    <div className="case-editor">
      <button type="button" className="back" onClick={onBack}>← All cases</button>
      <div className="case-head">
        <h1 tabIndex={-1} ref={heading}>{c.title}</h1>
        <button className="primary" type="button" onClick={() => setExporting(true)} disabled={c.recordIds.length === 0}>Export bundle…</button>
      </div>
      <div className="row tight status-row">
        <label htmlFor="c-status">Where this case stands</label>
        <select id="c-status" value={c.journey.status} onChange={(e) => void update({ journey: { status: e.target.value as CaseStatus } }, 'Status saved.')}>
          {CASE_STATUSES.map((s) => <option key={s} value={s}>{CASE_STATUS_WORDS[s]}</option>)}
        </select>
        <span className="card-meta">{plural(c.recordIds.length, 'record')} selected · {formatBytes(c.totalBytes)} in total{c.journey.appointmentDate ? ` · appointment ${formatDate(c.journey.appointmentDate)}` : ''}</span>
      </div>
      {c.identityConflicts.length > 0 && (
        <div className="banner warn" role="note"><p><strong>Patient details differ between the selected records:</strong></p><IdentityConflictList conflicts={c.identityConflicts} /></div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <p role="status" className="hint">{saved}</p>
      <div className="detail-grid">
        <RequestPanel c={c} version={version} onSave={(patch) => void update(patch, 'Case details saved.')} />
        <QuestionList questions={c.questions} onChange={(questions) => apply(bridge.call('cases.setQuestions', { id, questions }), 'Questions saved.')} />
      </div>
      <div className="detail-grid">
        <JourneyPanel c={c} onSave={(journey) => void update({ journey }, 'Case details saved.')} />
        <ItemsPanel c={c} onChanged={(message) => void reload(message)} />
      </div>
      <RecordPicker selected={c.recordIds} version={version} onChange={(recordIds) => apply(bridge.call('cases.setRecords', { id, recordIds }), 'Records updated.')} />
      <OpinionsSection c={c} onAsk={(q) => void ask(q)} />
      <ShareHistory c={c} />
    </div>
  );
}

function ShareHistory({ c }: { c: CaseDetail }) {
  return (
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
  );
}

// The case builder: where the case stands, the request and who is asked, the practical details,
// the questions, items sent separately, the records, the opinions compared, export and history.
import { useRef, useState } from 'react';
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
import { CaseStatusRow } from './case/CaseStatusRow.js';
import { ShareHistory } from './case/ShareHistory.js';
import { useCaseEditor } from './case/useCaseEditor.js';

export function CaseEditor({ id, version, onBack }: { id: string; version: number; onBack: () => void }) {
  const { c, error, saved, update, reload, setQuestions, setRecords, refresh } = useCaseEditor(id, version);
  const [exporting, setExporting] = useState(false);
  const focusAfter = useFocusAfter([c]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening or creating a case, and coming back from the export: the case's title takes the focus.
  useFocusOnMount(heading, c !== null && !exporting);
  /** "Ask about this": the difference becomes the last question, and focus goes to it. */
  const ask = async (question: string) => {
    if (!c) return;
    focusAfter(questionInputId(c.questions.length));
    await setQuestions([...c.questions, question], 'Added to your questions.');
  };

  if (!c) return <div>{error ? <p className="error" role="alert">{error}</p> : <p>Loading…</p>}</div>;
  if (exporting) return <ExportWizard caseDetail={c} onClose={() => { setExporting(false); refresh(); }} />;

  return (
    <div className="case-editor">
      <button type="button" className="back" onClick={onBack}>← All cases</button>
      <div className="case-head">
        <h1 tabIndex={-1} ref={heading}>{c.title}</h1>
        <button className="primary" type="button" onClick={() => setExporting(true)} disabled={c.recordIds.length === 0}>Export bundle…</button>
      </div>
      <CaseStatusRow c={c} onStatus={(status) => void update({ journey: { status } }, 'Status saved.')} />
      {c.identityConflicts.length > 0 && (
        <div className="banner warn" role="note"><p><strong>Patient details differ between the selected records:</strong></p><IdentityConflictList conflicts={c.identityConflicts} /></div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <p role="status" className="hint">{saved}</p>
      <div className="detail-grid">
        <RequestPanel c={c} version={version} onSave={(patch) => void update(patch, 'Case details saved.')} />
        <QuestionList questions={c.questions} onChange={(questions) => setQuestions(questions, 'Questions saved.')} />
      </div>
      <div className="detail-grid">
        <JourneyPanel c={c} onSave={(journey) => void update({ journey }, 'Case details saved.')} />
        <ItemsPanel c={c} onChanged={(message) => void reload(message)} />
      </div>
      <RecordPicker selected={c.recordIds} version={version} onChange={setRecords} />
      <OpinionsSection c={c} onAsk={(q) => void ask(q)} />
      <ShareHistory c={c} />
    </div>
  );
}

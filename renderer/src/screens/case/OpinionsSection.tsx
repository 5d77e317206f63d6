// The opinions this case received (the first one too), and how they compare.
import { useEffect, useState } from 'react';
import { OPINION_TOPICS, type CaseDetail, type ComparedTopic, type Opinion, type OpinionComparison } from '../../../../shared/cases.js';
import { OPINION_ROLE_WORDS, OPINION_TOPIC_WORDS } from '../../../../shared/words/journey.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { Dialog } from '../../components/Dialog.js';
import { useFocusAfter } from '../../components/useFocusAfter.js';
import { formatDate } from '../../format.js';
import { Comparison } from './Comparison.js';
import { OpinionDialog } from './OpinionDialog.js';

const cardId = (id: string) => `opinion-${id}`;

export function OpinionsSection({ c, onAsk }: { c: CaseDetail; onAsk: (question: string) => void }) {
  const bridge = useBridge();
  const [opinions, setOpinions] = useState<Opinion[]>([]);
  const [comparison, setComparison] = useState<OpinionComparison | null>(null);
  const [editing, setEditing] = useState<Opinion | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Opinion | null>(null);
  const [message, setMessage] = useState('');
  const [reload, setReload] = useState(0);
  const focusAfter = useFocusAfter([opinions]);

  useEffect(() => {
    let live = true;
    Promise.all([bridge.call('opinions.list', { caseId: c.id }), bridge.call('opinions.compare', { caseId: c.id })]).then(
      ([list, cmp]) => live && (setOpinions(list), setComparison(cmp)),
      (e: unknown) => live && setMessage(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [bridge, c.id, c.updatedAt, reload]);

  async function mark(topic: ComparedTopic, agreement: 'agree' | 'differ' | null) {
    try {
      setComparison(await bridge.call('opinions.mark', { caseId: c.id, topic: topic.topic, agreement }));
      setMessage('Mark saved.');
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }
  async function remove(o: Opinion) {
    setDeleting(null);
    try {
      await bridge.call('opinions.delete', { id: o.id });
      focusAfter('add-opinion');
      setMessage(`Removed the opinion of ${o.by}.`);
      setReload((n) => n + 1);
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  return (
    <section className="panel" aria-labelledby="opinions-title">
      <div className="case-head">
        <h2 id="opinions-title">Opinions</h2>
        <button type="button" id="add-opinion" onClick={() => setEditing('new')}>Add an opinion…</button>
      </div>
      <p className="hint">Write down what each doctor concluded — your own doctor's first opinion too — so you can see where they agree and where they differ.</p>
      <p role="status" className="hint">{message}</p>
      {opinions.length === 0 ? <p className="hint">No opinions recorded yet.</p> : (
        <ul className="opinion-list">{opinions.map((o) => <OpinionCard key={o.id} o={o} questions={c.questions} onEdit={() => setEditing(o)} onDelete={() => setDeleting(o)} />)}</ul>
      )}
      <h3 id="compare-title">How the opinions compare</h3>
      {comparison && <Comparison comparison={comparison} onMark={(t, a) => void mark(t, a)} onAsk={onAsk} />}
      {editing && (
        <OpinionDialog
          c={c}
          {...(editing !== 'new' ? { opinion: editing } : {})}
          onCancel={() => setEditing(null)}
          onDone={(saved) => {
            setEditing(null);
            focusAfter(cardId(saved.id));
            setMessage(`Saved the opinion of ${saved.by}.`);
            setReload((n) => n + 1);
          }}
        />
      )}
      {deleting && (
        <Dialog title="Remove this opinion?" role="alertdialog" onClose={() => setDeleting(null)}>
          <p>The opinion of {deleting.by} and its answers will be removed from this case. The letter stays in your records.</p>
          <div className="row">
            <button type="button" className="danger" data-autofocus onClick={() => void remove(deleting)}>Remove</button>
            <button type="button" onClick={() => setDeleting(null)}>Keep it</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

function OpinionCard({ o, questions, onEdit, onDelete }: { o: Opinion; questions: string[]; onEdit: () => void; onDelete: () => void }) {
  return (
    <li id={cardId(o.id)} tabIndex={-1} className="opinion-card" aria-label={`Opinion of ${o.by}`}>
      <div className="case-head">
        <h3>{o.by} <span className="card-meta">— {OPINION_ROLE_WORDS[o.role]}{o.date ? `, ${formatDate(o.date)}` : ''}</span></h3>
        <span className="item-actions">
          <button type="button" onClick={onEdit} aria-label={`Edit the opinion of ${o.by}`}>Edit</button>
          <button type="button" className="danger" onClick={onDelete} aria-label={`Remove the opinion of ${o.by}`}>Remove</button>
        </span>
      </div>
      <dl className="facts">
        {o.recordTitle && <><dt>Letter</dt><dd>{o.recordTitle}</dd></>}
        {OPINION_TOPICS.filter((t) => o[t]).map((t) => <div key={t} className="contents"><dt>{OPINION_TOPIC_WORDS[t]}</dt><dd>{o[t]}</dd></div>)}
        {o.notes && <><dt>Other</dt><dd>{o.notes}</dd></>}
        {o.answers.map((a) => {
          const n = questions.indexOf(a.question);
          return <div key={a.question} className="contents"><dt>{n >= 0 ? `Question ${n + 1}` : 'Earlier question'}</dt><dd><em>{a.question}</em> — {a.answer}</dd></div>;
        })}
      </dl>
    </li>
  );
}

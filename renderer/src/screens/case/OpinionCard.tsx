// One opinion as recorded: who and when, the letter, what it says on each topic, its answers.
import { OPINION_TOPICS, type Opinion } from '../../../../shared/cases.js';
import { OPINION_ROLE_WORDS, OPINION_TOPIC_WORDS } from '../../../../shared/words/journey.js';
import { Dialog } from '../../components/Dialog.js';
import { formatDate } from '../../format.js';

export const opinionCardId = (id: string): string => `opinion-${id}`;

/** "Question 2" for one of the case's questions; an answer to a question since removed is "Earlier question". */
export function answerLabel(questions: string[], question: string): string {
  const n = questions.indexOf(question);
  return n >= 0 ? `Question ${n + 1}` : 'Earlier question';
}

export function OpinionCard({ o, questions, onEdit, onDelete }: { o: Opinion; questions: string[]; onEdit: () => void; onDelete: () => void }) {
  return (
    <li id={opinionCardId(o.id)} tabIndex={-1} className="opinion-card" aria-label={`Opinion of ${o.by}`}>
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
        {o.answers.map((a) => <div key={a.question} className="contents"><dt>{answerLabel(questions, a.question)}</dt><dd><em>{a.question}</em> — {a.answer}</dd></div>)}
      </dl>
    </li>
  );
}

export function RemoveOpinionDialog({ opinion, onRemove, onKeep }: { opinion: Opinion; onRemove: () => void; onKeep: () => void }) {
  return (
    <Dialog title="Remove this opinion?" role="alertdialog" onClose={onKeep}>
      <p>The opinion of {opinion.by} and its answers will be removed from this case. The letter stays in your records.</p>
      <div className="row">
        <button type="button" className="danger" data-autofocus onClick={onRemove}>Remove</button>
        <button type="button" onClick={onKeep}>Keep it</button>
      </div>
    </Dialog>
  );
}

// The opinions side by side, per topic, each marked agree / differ / only one opinion. The core
// computes the marks (opinions.compare); the person may change one, or turn a difference into a
// question for the next appointment.
import type { Agreement, ComparedTopic, OpinionComparison } from '../../../../shared/cases.js';
import { AGREEMENT_WORDS, questionAboutDifference, topicLabel } from '../../../../shared/words/journey.js';
import { formatDate } from '../../format.js';

const SYMBOL: Record<Agreement, string> = { agree: '✓', differ: '≠', single: '–' };

export function Comparison({ comparison, onMark, onAsk }: {
  comparison: OpinionComparison;
  onMark: (topic: ComparedTopic, agreement: 'agree' | 'differ' | null) => void;
  onAsk: (question: string) => void;
}) {
  const { opinions, topics } = comparison;
  if (opinions.length < 2) return <p className="hint">Once you have recorded two opinions, they are compared here topic by topic.</p>;
  const names = new Map(opinions.map((o) => [o.id, o.by]));
  const ask = (t: ComparedTopic) => onAsk(questionAboutDifference(t, Object.entries(t.values).map(([id, text]) => ({ by: names.get(id) ?? '', text }))));
  return (
    <div className="compare-wrap">
      <p className="hint">Marked automatically: the same words — ignoring capitals, spaces and punctuation — count as agreeing. If you read it differently, change the mark.</p>
      <table className="compare">
        <thead>
          <tr>
            <th scope="col">Topic</th>
            {opinions.map((o) => <th scope="col" key={o.id}>{o.by}<span className="card-meta block">{o.role === 'first' ? 'First opinion' : 'Second opinion'}{o.date ? `, ${formatDate(o.date)}` : ''}</span></th>)}
            <th scope="col">Do they agree?</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((t) => (
            <tr key={t.topic} className={`mark-row ${t.agreement}`}>
              <th scope="row">{topicLabel(t)}</th>
              {opinions.map((o) => <td key={o.id}>{t.values[o.id] ?? <span className="hint">Not said</span>}</td>)}
              <td className="mark-cell">
                <span className={`mark ${t.agreement}`}><span aria-hidden="true">{SYMBOL[t.agreement]} </span>{AGREEMENT_WORDS[t.agreement]}{t.overridden ? ' (your mark)' : ''}</span>
                {t.automatic !== 'single' && (
                  <select aria-label={`Mark for ${topicLabel(t)}`} value={t.overridden ? t.agreement : ''} onChange={(e) => onMark(t, e.target.value === '' ? null : (e.target.value as 'agree' | 'differ'))}>
                    <option value="">Automatic ({AGREEMENT_WORDS[t.automatic].toLowerCase()})</option>
                    <option value="agree">They agree</option>
                    <option value="differ">They differ</option>
                  </select>
                )}
                {t.agreement === 'differ' && <button type="button" onClick={() => ask(t)} aria-label={`Ask about this: ${topicLabel(t)}`}>Ask about this</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

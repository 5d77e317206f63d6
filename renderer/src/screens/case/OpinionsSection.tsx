// The opinions this case received (the first one too), and how they compare.
import { useState } from 'react';
import type { CaseDetail, Opinion } from '../../../../shared/cases.js';
import { useFocusAfter } from '../../components/useFocusAfter.js';
import { Comparison } from './Comparison.js';
import { OpinionCard, RemoveOpinionDialog, opinionCardId } from './OpinionCard.js';
import { OpinionDialog } from './OpinionDialog.js';
import { useOpinions } from './useOpinions.js';

export function OpinionsSection({ c, onAsk }: { c: CaseDetail; onAsk: (question: string) => void }) {
  const { opinions, comparison, message, setMessage, reload, mark, remove } = useOpinions(c);
  const [editing, setEditing] = useState<Opinion | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Opinion | null>(null);
  const focusAfter = useFocusAfter([opinions]);
  const onSaved = (saved: Opinion) => {
    setEditing(null);
    focusAfter(opinionCardId(saved.id));
    setMessage(`Saved the opinion of ${saved.by}.`);
    reload();
  };
  const onRemove = (o: Opinion) => {
    setDeleting(null);
    void remove(o, () => focusAfter('add-opinion'));
  };

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
      {editing && <OpinionDialog c={c} {...(editing !== 'new' ? { opinion: editing } : {})} onCancel={() => setEditing(null)} onDone={onSaved} />}
      {deleting && <RemoveOpinionDialog opinion={deleting} onRemove={() => onRemove(deleting)} onKeep={() => setDeleting(null)} />}
    </section>
  );
}

// The patient's questions for the doctor: add, edit, remove, move up/down (keyboard friendly).
import { useEffect, useRef, useState } from 'react';

/** The DOM id of question i's input (0-based), for moving focus to a question just added. */
export const questionInputId = (i: number): string => `question-${i}`;

export function QuestionList({ questions, onChange }: { questions: string[]; onChange: (q: string[]) => void }) {
  const [items, setItems] = useState(questions);
  const [next, setNext] = useState('');
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const refs = useRef<(HTMLInputElement | null)[]>([]);
  useEffect(() => setItems(questions), [questions]);
  useEffect(() => {
    if (focusIndex !== null) refs.current[focusIndex]?.focus();
  }, [focusIndex, items]);

  const commit = (list: string[]) => {
    setItems(list);
    onChange(list.map((q) => q.trim()).filter(Boolean));
  };
  const move = (i: number, d: -1 | 1) => {
    const j = i + d;
    if (j < 0 || j >= items.length) return;
    const list = [...items];
    [list[i], list[j]] = [list[j]!, list[i]!];
    commit(list);
    setFocusIndex(j);
  };

  return (
    <section className="panel" aria-labelledby="q-title">
      <h2 id="q-title">Your questions</h2>
      <p className="hint">Write down what you want to ask. They are printed in the bundle, in this order.</p>
      <ol className="questions">
        {items.map((q, i) => (
          <li key={i}>
            <input
              ref={(el) => { refs.current[i] = el; }}
              id={questionInputId(i)}
              aria-label={`Question ${i + 1}`}
              value={q}
              onChange={(e) => setItems(items.map((x, k) => (k === i ? e.target.value : x)))}
              onBlur={() => commit(items)}
            />
            <button type="button" className="icon" aria-label={`Move question ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
            <button type="button" className="icon" aria-label={`Move question ${i + 1} down`} disabled={i === items.length - 1} onClick={() => move(i, 1)}>↓</button>
            <button type="button" className="icon" aria-label={`Remove question ${i + 1}`} onClick={() => commit(items.filter((_, k) => k !== i))}>✕</button>
          </li>
        ))}
      </ol>
      <form className="row" onSubmit={(e) => { e.preventDefault(); if (next.trim()) { commit([...items, next.trim()]); setNext(''); } }}>
        <label htmlFor="q-new" className="sr-only">New question</label>
        <input id="q-new" className="grow" value={next} onChange={(e) => setNext(e.target.value)} placeholder="Add a question…" />
        <button type="submit" disabled={!next.trim()}>Add</button>
      </form>
    </section>
  );
}

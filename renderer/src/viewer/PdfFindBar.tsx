// Find in the document: a search field, previous/next, and how many matches there are.
import { useState, type FormEvent } from 'react';

export function PdfFindBar({ count, current, searching, onFind, onStep }: { count: number | null; current: number; searching: boolean; onFind: (q: string) => void; onStep: (by: 1 | -1) => void }) {
  const [query, setQuery] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onFind(query);
  };
  const status = searching ? 'Searching…' : count === null ? '' : count === 0 ? 'Not found' : `${current + 1} of ${count}`;
  return (
    <form className="find-bar" role="search" onSubmit={submit}>
      <label className="inline-label">
        <span>Find</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Find in this document" />
      </label>
      <button type="submit" className="tool">Find</button>
      <button type="button" className="tool" aria-label="Previous match" disabled={!count} onClick={() => onStep(-1)}>↑</button>
      <button type="button" className="tool" aria-label="Next match" disabled={!count} onClick={() => onStep(1)}>↓</button>
      <span className="find-status" role="status">{status}</span>
    </form>
  );
}

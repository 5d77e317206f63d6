// One row of the library's list: its selection box (Shift: a run) and its card, or a placeholder
// while its page loads.
import type { ButtonHTMLAttributes, CSSProperties } from 'react';
import type { RecordSummary } from '../../../../shared/domain.js';
import { RecordCard } from '../RecordCard.js';
import type { Selection } from '../useSelection.js';

export function RecordRow({ record: r, index, style, selection, personName, identityWarning, onOpen, buttonProps }: {
  record: RecordSummary | undefined;
  index: number;
  style: CSSProperties;
  selection: Selection;
  personName: string | null;
  identityWarning: boolean;
  onOpen: () => void;
  buttonProps: ButtonHTMLAttributes<HTMLButtonElement>;
}) {
  const selected = r ? selection.ids.has(r.id) : false;
  return (
    <div data-index={index} role="listitem" className={`record-row${selected ? ' selected' : ''}`} style={style}>
      {r ? (
        <>
          <input
            type="checkbox"
            className="select-box"
            tabIndex={-1}
            checked={selected}
            aria-label={`Select ${r.title}`}
            onClick={(e) => (e.shiftKey ? (e.preventDefault(), void selection.extend(index)) : selection.toggle(r.id, index))}
            onChange={() => undefined}
          />
          <RecordCard record={r} personName={personName} identityWarning={identityWarning} selected={selected} onOpen={onOpen} buttonProps={buttonProps} />
        </>
      ) : (
        <div className="record-card loading" aria-busy="true">Loading…</div>
      )}
    </div>
  );
}

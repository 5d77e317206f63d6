// The library list's keys and clicks (list-keys.ts), applied: focus moves, selection, opening.
import type { KeyboardEvent, MouseEvent } from 'react';
import type { RecordSummary } from '../../../../shared/domain.js';
import type { Selection } from '../useSelection.js';
import { clickAction, listKeyAction } from './list-keys.js';

export function useListInput({ count, selection, moveTo, setActive, onOpen, onSelectAll }: {
  count: number;
  selection: Selection;
  moveTo: (index: number) => number;
  setActive: (index: number) => void;
  onOpen: (record: RecordSummary, index: number) => void;
  onSelectAll: () => void;
}) {
  const onKey = (e: KeyboardEvent, r: RecordSummary, index: number) => {
    const action = listKeyAction(e, index, count);
    if (!action) return;
    e.preventDefault(); // Space selects; Enter opens
    if (action.kind === 'move') {
      const next = moveTo(action.to);
      if (action.extend) void selection.extend(next);
    } else if (action.kind === 'select') {
      if (action.extend) void selection.extend(index);
      else selection.toggle(r.id, index);
    } else onSelectAll();
  };
  const onClick = (e: MouseEvent, r: RecordSummary, index: number) => {
    setActive(index);
    const action = clickAction(e);
    if (action === 'extend') void selection.extend(index);
    else if (action === 'toggle') selection.toggle(r.id, index);
    else onOpen(r, index);
  };
  return { onKey, onClick };
}

// The library's records: a virtualized list that is one Tab stop. Arrow keys, Home, End and Page
// keys move between records; Enter opens one; Space selects it, Shift with an arrow or Space
// selects a run, Ctrl+A selects all. With the mouse: the checkbox (Shift: a run), or Ctrl/Shift-click.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { RecordSummary } from '../../../shared/domain.js';
import { RecordCard } from './RecordCard.js';
import type { RecordPages } from './useRecords.js';
import type { Selection } from './useSelection.js';

const ROW_HEIGHT = 104;
const PAGE_STEP = 8;

export function RecordList({ records, names, warned, selection, focus, onOpen, onSelectAll }: {
  records: RecordPages;
  names: Map<string, string>;
  warned: Set<string>;
  selection: Selection;
  /** A record to put the focus back on (the one just closed), at its last known position. */
  focus: { id: string; index: number } | undefined;
  onOpen: (record: RecordSummary, index: number) => void;
  onSelectAll: () => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = records.total ?? 0;
  const [active, setActive] = useState(focus?.index ?? 0);
  const [pendingFocus, setPendingFocus] = useState<number | null>(focus ? focus.index : null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? 0;
  const current = Math.min(active, Math.max(0, count - 1));
  // Later pages load as the list scrolls to them (the first one loads with the query).
  useEffect(() => void (records.total !== null && records.ensure(first, last)), [records, first, last]);
  // Moving by keyboard (or coming back from a record): scroll there, then focus the card once it is drawn.
  useEffect(() => {
    if (pendingFocus === null || !count) return;
    virtualizer.scrollToIndex(pendingFocus, { align: 'auto' });
    const card = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus}"] .record-card`);
    if (card) {
      card.focus();
      setPendingFocus(null);
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    setPendingFocus(next);
    return next;
  };
  const onKey = (e: KeyboardEvent, r: RecordSummary, index: number) => {
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP };
    if (e.key in step || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const next = moveTo(e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : index + step[e.key]!);
      if (e.shiftKey) void selection.extend(next);
    } else if (e.key === ' ') {
      e.preventDefault(); // Space selects; Enter opens
      if (e.shiftKey) void selection.extend(index);
      else selection.toggle(r.id, index);
    } else if (e.key.toLowerCase() === 'a' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSelectAll();
    }
  };
  const onCardClick = (e: MouseEvent, r: RecordSummary, index: number) => {
    setActive(index);
    if (e.shiftKey) void selection.extend(index);
    else if (e.ctrlKey || e.metaKey) selection.toggle(r.id, index);
    else onOpen(r, index);
  };

  return (
    <div ref={scrollRef} id="records-list" className="record-scroll">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} {...(count > 0 ? { role: 'list', 'aria-label': 'Records', 'aria-describedby': 'list-keys' } : {})}>
        {visible.map((item) => {
          const r = records.at(item.index);
          const selected = r ? selection.ids.has(r.id) : false;
          return (
            <div key={r?.id ?? `loading-${item.index}`} data-index={item.index} role="listitem" className={`record-row${selected ? ' selected' : ''}`} style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
              {r ? (
                <>
                  <input
                    type="checkbox"
                    className="select-box"
                    tabIndex={-1}
                    checked={selected}
                    aria-label={`Select ${r.title}`}
                    onClick={(e) => (e.shiftKey ? (e.preventDefault(), void selection.extend(item.index)) : selection.toggle(r.id, item.index))}
                    onChange={() => undefined}
                  />
                  <RecordCard
                    record={r}
                    personName={r.personId ? names.get(r.personId) ?? null : null}
                    identityWarning={warned.has(r.id)}
                    selected={selected}
                    onOpen={() => onOpen(r, item.index)}
                    buttonProps={{ tabIndex: item.index === current ? 0 : -1, onKeyDown: (e) => onKey(e, r, item.index), onClick: (e) => onCardClick(e, r, item.index), onFocus: () => setActive(item.index) }}
                  />
                </>
              ) : (
                <div className="record-card loading" aria-busy="true">Loading…</div>
              )}
            </div>
          );
        })}
      </div>
      <p id="list-keys" hidden>Arrow keys move between records, Enter opens one, Space selects it, Shift selects a run.</p>
    </div>
  );
}

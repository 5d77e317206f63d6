// The library's records: a virtualized list that is one Tab stop. Arrow keys, Home, End and Page
// keys move between records; Enter opens one; Space selects it, Shift with an arrow or Space
// selects a run, Ctrl+A selects all. With the mouse: the checkbox (Shift: a run), or Ctrl/Shift-click.
// What each key and click does: record-list/list-keys.ts.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { RecordSummary } from '../../../shared/domain.js';
import { RecordRow } from './record-list/RecordRow.js';
import { useListFocus } from './record-list/useListFocus.js';
import { useListInput } from './record-list/useListInput.js';
import type { RecordPages } from './useRecords.js';
import type { Selection } from './useSelection.js';

const ROW_HEIGHT = 104;

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
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? 0;
  const { current, setActive, moveTo } = useListFocus(scrollRef, virtualizer, count, focus);
  // Later pages load as the list scrolls to them (the first one loads with the query).
  useEffect(() => void (records.total !== null && records.ensure(first, last)), [records, first, last]);

  const input = useListInput({ count, selection, moveTo, setActive, onOpen, onSelectAll });

  return (
    <div ref={scrollRef} id="records-list" className="record-scroll">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} {...(count > 0 ? { role: 'list', 'aria-label': 'Records', 'aria-describedby': 'list-keys' } : {})}>
        {visible.map((item) => {
          const r = records.at(item.index);
          return (
            <RecordRow
              key={r?.id ?? `loading-${item.index}`}
              record={r}
              index={item.index}
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
              selection={selection}
              personName={r?.personId ? names.get(r.personId) ?? null : null}
              identityWarning={r ? warned.has(r.id) : false}
              onOpen={() => r && onOpen(r, item.index)}
              buttonProps={r ? { tabIndex: item.index === current ? 0 : -1, onKeyDown: (e) => input.onKey(e, r, item.index), onClick: (e) => input.onClick(e, r, item.index), onFocus: () => setActive(item.index) } : {}}
            />
          );
        })}
      </div>
      <p id="list-keys" hidden>Arrow keys move between records, Enter opens one, Space selects it, Shift selects a run.</p>
    </div>
  );
}

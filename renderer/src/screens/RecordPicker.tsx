// Choose the records that go into a case: checkboxes over a searchable (virtualized) list.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { RecordSummary } from '../../../shared/domain.js';
import { RecordWho, typeLabel } from '../components/RecordCard.js';
import { usePeople } from '../components/usePeople.js';
import { Thumbnail } from '../components/Thumbnail.js';
import { useRecords } from '../components/useRecords.js';
import { useBridge } from '../bridge-context.js';
import { RECORD_PAGE_MAX } from '../../../shared/api.js';
import { formatBytes, formatDate } from '../format.js';

export function RecordPicker({ selected, version, onChange }: { selected: string[]; version: number; onChange: (ids: string[]) => void }) {
  const bridge = useBridge();
  const [search, setSearch] = useState('');
  const records = useRecords(search.trim() ? { search: search.trim(), sort: 'relevance' } : { sort: 'date-desc' }, version, 200);
  // Optimistic and owned here: the box ticks at once and the case is saved in the background.
  // Not re-synced from `selected`, or a slow earlier save would untick a box just ticked.
  const [local, setLocal] = useState(selected);
  const { people } = usePeople(version);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const chosen = new Set(local);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: records.total ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => 64, overscan: 10 });
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? 0;
  // Later pages load as the list scrolls to them (the first one loads with the query).
  useEffect(() => void (records.total !== null && records.ensure(first, last)), [records, first, last]);
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...local, id] : local.filter((x) => x !== id);
    setLocal(next);
    onChange(next);
  };
  // "The whole CD": every record the same import brought, after those already chosen.
  const addImport = async (importId: string) => {
    const together = await bridge.call('records.list', { importId, sort: 'date-asc', limit: RECORD_PAGE_MAX });
    const next = [...new Set([...local, ...together.records.map((r) => r.id)])];
    setLocal(next);
    onChange(next);
  };

  return (
    <section className="panel" aria-labelledby="pick-title">
      <h2 id="pick-title">Records to include</h2>
      <label className="search">
        <span className="sr-only">Search records to include</span>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search records…" />
      </label>
      <div ref={scrollRef} className="picker-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {visible.map((item) => {
            const r = records.at(item.index);
            if (!r) return null;
            return (
              <PickRow key={r.id} record={r} style={{ transform: `translateY(${item.start}px)`, height: item.size }} checked={chosen.has(r.id)} personName={r.personId ? names.get(r.personId) ?? null : null}
                onToggle={(on) => toggle(r.id, on)} onAddImport={(importId) => void addImport(importId)} />
            );
          })}
        </div>
      </div>
    </section>
  );
}

/** One record to tick, and for one of several imported together: "Add the whole import". */
function PickRow({ record: r, style, checked, personName, onToggle, onAddImport }: {
  record: RecordSummary;
  style: CSSProperties;
  checked: boolean;
  personName: string | null;
  onToggle: (on: boolean) => void;
  onAddImport: (importId: string) => void;
}) {
  return (
    <div className="pick-row" style={style}>
      <label className="pick-label">
        <input type="checkbox" checked={checked} onChange={(e) => onToggle(e.target.checked)} />
        <Thumbnail record={r} size="small" />
        <span className="pick-main grow">
          <span className="pick-title">{r.title}</span>
          <RecordWho record={r} personName={personName} />
        </span>
        <span className="card-meta">{typeLabel(r)} · {formatDate(r.date)}{r.date && r.dateGuessed ? ' (guessed)' : ''} · {formatBytes(r.sizeBytes)}</span>
      </label>
      {r.importId && r.importSize > 1 && (
        <button type="button" className="small" onClick={() => onAddImport(r.importId!)} aria-label={`Add the whole import (${r.importSize}): every record imported with ${r.title}`}>Add the whole import ({r.importSize})</button>
      )}
    </div>
  );
}

// All records in a virtualized list with search, filters and sort.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { RecordQuery } from '../../../shared/api.js';
import { RECORD_TYPES, RECORD_TYPE_LABELS, type IdentityReport, type RecordType } from '../../../shared/domain.js';
import { RecordCard } from '../components/RecordCard.js';
import { recordsWithIdentityWarning } from '../components/identity.js';
import { usePeople } from '../components/usePeople.js';
import { useRecords } from '../components/useRecords.js';
import { plural, readableIdentityText } from '../format.js';

type Sort = NonNullable<RecordQuery['sort']>;
const SORTS: { value: Sort; label: string }[] = [
  { value: 'date-desc', label: 'Newest first' },
  { value: 'date-asc', label: 'Oldest first' },
  { value: 'title', label: 'Title A–Z' },
  { value: 'imported-desc', label: 'Recently added' },
  { value: 'relevance', label: 'Best match' },
];

export function Library({ version, identities, personId, onPersonId, onOpen, onAdd }: {
  version: number;
  identities: IdentityReport | null;
  /** The person filter lives in the App so the People screen can set it. */
  personId: string;
  onPersonId: (id: string) => void;
  onOpen: (id: string) => void;
  onAdd: () => void;
}) {
  const [search, setSearch] = useState('');
  const [type, setType] = useState<RecordType | ''>('');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<Sort>('date-desc');
  const { people } = usePeople(version);
  const names = new Map(people.map((p) => [p.id, p.name]));

  const query: RecordQuery = {
    sort: search && sort === 'date-desc' ? 'relevance' : sort,
    ...(search.trim() && { search: search.trim() }),
    ...(type && { type }),
    ...(personId && { personId }),
    ...(dateFrom && { dateFrom }),
    ...(dateTo && { dateTo }),
    ...(tag.trim() && { tag: tag.trim() }),
  };
  const records = useRecords(query, version);
  const { total, error } = records;
  const warned = recordsWithIdentityWarning(identities);
  const filtered = Boolean(search || type || personId || dateFrom || dateTo || tag);

  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => 84, overscan: 8 });
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? 0;
  // Later pages load as the list scrolls to them (the first one loads with the query).
  useEffect(() => void (records.total !== null && records.ensure(first, last)), [records, first, last]);

  return (
    <div className="library">
      <div className="toolbar" role="search">
        <label className="search">
          <span className="sr-only">Search your records</span>
          <input type="search" placeholder="Search titles, reports, names…" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          <span className="small-label">Type</span>
          <select value={type} onChange={(e) => setType(e.target.value as RecordType | '')}>
            <option value="">All types</option>
            {RECORD_TYPES.map((t) => <option key={t} value={t}>{RECORD_TYPE_LABELS[t]}</option>)}
          </select>
        </label>
        {people.length > 0 && (
          <label>
            <span className="small-label">Person</span>
            <select value={personId} onChange={(e) => onPersonId(e.target.value)}>
              <option value="">Everyone</option>
              {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
        )}
        <label>
          <span className="small-label">From</span>
          <input type="date" value={dateFrom} onChange={(e) => setDateFrom(e.target.value)} />
        </label>
        <label>
          <span className="small-label">To</span>
          <input type="date" value={dateTo} onChange={(e) => setDateTo(e.target.value)} />
        </label>
        <label>
          <span className="small-label">Tag</span>
          <input className="tag-filter" value={tag} onChange={(e) => setTag(e.target.value)} placeholder="any" />
        </label>
        <label>
          <span className="small-label">Sort</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
      </div>
      {identities && identities.conflicts.length > 0 && (
        <div className="banner warn" role="note">
          <strong>Some records carry different patient details.</strong> Please check them before sharing: {readableIdentityText(identities.conflicts.slice(0, 3).join('; '))}
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <p className="count" aria-live="polite">{total === null ? 'Loading…' : filtered ? `${plural(count, 'record')} found` : plural(count, 'record')}</p>
      {total === 0 && (
        <div className="empty">
          {filtered ? <p>Nothing matches. Try fewer words or clear the filters.</p> : (
            <>
              <h2>No records yet</h2>
              <p>Drag a hospital CD folder, a zip from a patient portal, or PDFs anywhere into this window.</p>
              <button className="primary" type="button" onClick={onAdd}>Add records…</button>
            </>
          )}
        </div>
      )}
      <div ref={scrollRef} className="record-scroll" role="list" aria-label="Records">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {visible.map((item) => {
            const r = records.at(item.index);
            return (
              <div key={r?.id ?? `loading-${item.index}`} role="listitem" className="record-row" style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
                {r ? <RecordCard record={r} personName={r.personId ? names.get(r.personId) ?? null : null} identityWarning={warned.has(r.id)} onOpen={() => onOpen(r.id)} /> : <div className="record-card loading" aria-busy="true">Loading…</div>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

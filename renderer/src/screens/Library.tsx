// All records in a virtualized list with search, filters and sort; several can be selected and
// acted on at once. The filters live in the App (LibraryView) so a record opened from here comes
// back to the same list, with that record focused.
import { useEffect, useRef, useState } from 'react';
import type { RecordQuery } from '../../../shared/api.js';
import { RECORD_TYPES, RECORD_TYPE_LABELS, type IdentityReport, type RecordType } from '../../../shared/domain.js';
import { conflictCount } from '../../../shared/words/identity.js';
import { BulkBar } from '../components/BulkBar.js';
import { dateBound } from '../components/date-filter.js';
import { recordsInConflicts, recordsWithIdentityWarning } from '../components/identity.js';
import { IdentityConflictList } from '../components/IdentityConflicts.js';
import { RecordList } from '../components/RecordList.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { usePeople } from '../components/usePeople.js';
import { useRecords } from '../components/useRecords.js';
import { useSelection } from '../components/useSelection.js';
import { plural } from '../format.js';

type Sort = NonNullable<RecordQuery['sort']>;
const SORTS: { value: Sort; label: string }[] = [
  { value: 'date-desc', label: 'Newest first' },
  { value: 'date-asc', label: 'Oldest first' },
  { value: 'title', label: 'Title A–Z' },
  { value: 'imported-desc', label: 'Recently added' },
  { value: 'relevance', label: 'Best match' },
];

export interface LibraryView {
  search: string;
  type: RecordType | '';
  personId: string;
  /** As typed: a year, a month or a day (date-filter.ts). */
  from: string;
  to: string;
  tag: string;
  sort: Sort;
  /** "Show the records involved" on the identity banner: only these. */
  onlyIds: string[] | null;
}

export const EMPTY_LIBRARY_VIEW: LibraryView = { search: '', type: '', personId: '', from: '', to: '', tag: '', sort: 'date-desc', onlyIds: null };

function queryOf(v: LibraryView): RecordQuery {
  const from = dateBound(v.from, 'from');
  const to = dateBound(v.to, 'to');
  return {
    sort: v.search && v.sort === 'date-desc' ? 'relevance' : v.sort,
    ...(v.search.trim() && { search: v.search.trim() }),
    ...(v.type && { type: v.type }),
    ...(v.personId && { personId: v.personId }),
    ...(from && { dateFrom: from }),
    ...(to && { dateTo: to }),
    ...(v.tag.trim() && { tag: v.tag.trim() }),
    ...(v.onlyIds && { ids: v.onlyIds }),
  };
}

export function Library({ version, identities, view, onView, focusId, onOpen, onAdd, onChanged, onDeleted }: {
  version: number;
  identities: IdentityReport | null;
  view: LibraryView;
  onView: (v: LibraryView) => void;
  /** The record just closed: focused again when the list comes back. */
  focusId: { id: string; index: number } | undefined;
  onOpen: (id: string, index: number) => void;
  onAdd: () => void;
  /** Records were changed here (a bulk action): reload what shows them. */
  onChanged: () => void;
  onDeleted: (ids: string[], label: string) => void;
}) {
  const { people } = usePeople(version);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const records = useRecords(queryOf(view), version, 250, JSON.stringify([view.search, view.tag, view.from, view.to]));
  const selection = useSelection(records.idsBetween);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading, !focusId);
  const { total, error } = records;
  const warned = recordsWithIdentityWarning(identities);
  const filtered = JSON.stringify({ ...view, sort: '' }) !== JSON.stringify({ ...EMPTY_LIBRARY_VIEW, sort: '' });
  const set = <K extends keyof LibraryView>(k: K) => (value: LibraryView[K]) => onView({ ...view, [k]: value });
  const selectAll = () => void records.idsBetween(0, (total ?? 1) - 1).then(selection.set);
  // A new search or filter starts a new selection.
  const queryKey = JSON.stringify(view);
  const clear = selection.clear;
  useEffect(() => clear(), [queryKey, clear]);

  return (
    <div className="library">
      <h1 id="library-title" tabIndex={-1} ref={heading} className="screen-title">Your records</h1>
      <Filters view={view} set={set} people={people} />
      <IdentityBanner identities={identities} onlyIds={view.onlyIds} onShow={set('onlyIds')} />
      {error && <p className="error" role="alert">{error}</p>}
      <p className="count" aria-live="polite">{total === null ? 'Loading…' : filtered ? `${plural(total, 'record')} found` : plural(total, 'record')}</p>
      {selection.ids.size > 0 && (
        <BulkBar ids={[...selection.ids]} people={people} total={total ?? 0} onSelectAll={selectAll} onClear={selection.clear} onChanged={onChanged} onDeleted={onDeleted} />
      )}
      {total === 0 && <EmptyLibrary filtered={filtered} onAdd={onAdd} />}
      <RecordList records={records} names={names} warned={warned} selection={selection} focus={focusId} onOpen={(r, i) => onOpen(r.id, i)} onSelectAll={selectAll} />
    </div>
  );
}

function Filters({ view, set, people }: { view: LibraryView; set: <K extends keyof LibraryView>(k: K) => (v: LibraryView[K]) => void; people: { id: string; name: string }[] }) {
  const badFrom = dateBound(view.from, 'from') === null;
  const badTo = dateBound(view.to, 'to') === null;
  return (
    <div className="toolbar" role="search" aria-label="Search and filter your records">
      <label className="search">
        <span className="sr-only">Search your records</span>
        <input type="search" placeholder="Search titles, reports, names…" value={view.search} onChange={(e) => set('search')(e.target.value)} />
      </label>
      <label>
        <span className="small-label">Type</span>
        <select value={view.type} onChange={(e) => set('type')(e.target.value as RecordType | '')}>
          <option value="">All types</option>
          {RECORD_TYPES.map((t) => <option key={t} value={t}>{RECORD_TYPE_LABELS[t]}</option>)}
        </select>
      </label>
      {people.length > 0 && (
        <label>
          <span className="small-label">Person</span>
          <select value={view.personId} onChange={(e) => set('personId')(e.target.value)}>
            <option value="">Everyone</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
      )}
      <label>
        <span className="small-label">From</span>
        <input className="date-filter" value={view.from} onChange={(e) => set('from')(e.target.value)} placeholder="year" inputMode="numeric" aria-invalid={badFrom} aria-describedby="date-hint" />
      </label>
      <label>
        <span className="small-label">To</span>
        <input className="date-filter" value={view.to} onChange={(e) => set('to')(e.target.value)} placeholder="year" inputMode="numeric" aria-invalid={badTo} aria-describedby="date-hint" />
      </label>
      <label>
        <span className="small-label">Tag</span>
        <input className="tag-filter" value={view.tag} onChange={(e) => set('tag')(e.target.value)} placeholder="any" />
      </label>
      <label>
        <span className="small-label">Sort</span>
        <select value={view.sort} onChange={(e) => set('sort')(e.target.value as Sort)}>
          {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </label>
      <p id="date-hint" className={badFrom || badTo ? 'hint warn date-hint' : 'sr-only'}>Dates: a year (2020), a month (2020-03) or a day (2020-03-05).</p>
    </div>
  );
}

function IdentityBanner({ identities, onlyIds, onShow }: { identities: IdentityReport | null; onlyIds: string[] | null; onShow: (ids: string[] | null) => void }) {
  if (onlyIds)
    return (
      <p className="filter-note">
        Showing only the records whose patient details differ.{' '}
        <button type="button" className="link" onClick={() => onShow(null)}>Show all records</button>
      </p>
    );
  if (!identities || identities.conflicts.length === 0) return null;
  const involved = recordsInConflicts(identities.conflicts);
  return (
    <div className="banner warn" role="note">
      <p><strong>Some records carry different patient details</strong> ({conflictCount(identities.conflicts.length)}). Please check them before sharing.</p>
      <IdentityConflictList conflicts={identities.conflicts.slice(0, 3)} />
      {identities.conflicts.length > 3 && <p>…and {plural(identities.conflicts.length - 3, 'more difference')}.</p>}
      <button type="button" onClick={() => onShow(involved)}>Show the {plural(involved.length, 'record')} involved</button>
    </div>
  );
}

function EmptyLibrary({ filtered, onAdd }: { filtered: boolean; onAdd: () => void }) {
  return (
    <div className="empty">
      {filtered ? <p>Nothing matches. Try fewer words or clear the filters.</p> : (
        <>
          <h2>No records yet</h2>
          <p>Drag a hospital CD folder, a zip from a patient portal, or PDFs anywhere into this window.</p>
          <button className="primary" type="button" onClick={onAdd}>Add records…</button>
        </>
      )}
    </div>
  );
}

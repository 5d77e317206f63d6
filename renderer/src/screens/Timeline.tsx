// A person's records in time order, year by year (undated last), filterable by type: the same
// story the bundle's INDEX.HTM tells the doctor, in the app.
import { useEffect, useRef, useState } from 'react';
import { RECORD_PAGE_MAX } from '../../../shared/api.js';
import { RECORD_TYPES, RECORD_TYPE_LABELS, type RecordSummary, type RecordType } from '../../../shared/domain.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { RecordWho, typeLabel } from '../components/RecordCard.js';
import { TypeIcon } from '../components/TypeIcon.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { usePeople } from '../components/usePeople.js';
import { formatDate, plural } from '../format.js';

/** Records in date order, grouped by year; undated ones under null, last. */
export function byYear(records: RecordSummary[]): [string | null, RecordSummary[]][] {
  const groups = new Map<string | null, RecordSummary[]>();
  for (const r of records) {
    const year = r.date?.slice(0, 4) ?? null;
    groups.set(year, [...(groups.get(year) ?? []), r]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a ?? '9999').localeCompare(b ?? '9999'));
}

function useAllRecords(personId: string, version: number): { records: RecordSummary[] | null; error: string | null } {
  const bridge = useBridge();
  const [records, setRecords] = useState<RecordSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const all: RecordSummary[] = [];
      for (let total = 1; all.length < total; ) {
        const page = await bridge.call('records.list', { sort: 'date-asc', limit: RECORD_PAGE_MAX, offset: all.length, ...(personId ? { personId } : {}) });
        all.push(...page.records);
        total = page.records.length ? page.total : 0;
      }
      if (live) setRecords(all);
    })().catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [bridge, personId, version]);
  return { records, error };
}

export function Timeline({ version, focus, onOpen }: { version: number; focus: { id: string; index: number } | undefined; onOpen: (id: string, index: number) => void }) {
  const { people } = usePeople(version);
  const [personId, setPersonId] = useState('');
  const [hidden, setHidden] = useState<Set<RecordType>>(new Set());
  const { records, error } = useAllRecords(personId, version);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading, !focus);
  const shown = (records ?? []).filter((r) => !hidden.has(r.type));
  const names = new Map(people.map((p) => [p.id, p.name]));
  // Back from a record: its entry takes the focus again.
  useEffect(() => {
    if (focus && records) document.querySelector<HTMLElement>(`.timeline [data-record-id="${focus.id}"]`)?.focus();
  }, [focus, records]);
  const toggle = (t: RecordType, on: boolean) => setHidden((old) => new Set(on ? [...old].filter((x) => x !== t) : [...old, t]));

  return (
    <div className="timeline">
      <h1 tabIndex={-1} ref={heading}>Timeline</h1>
      <div className="toolbar">
        <label>
          <span className="small-label">Whose records</span>
          <select value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">Everyone</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <fieldset className="type-filter">
          <legend className="small-label">Show</legend>
          {RECORD_TYPES.map((t) => (
            <label key={t} className="check chip">
              <input type="checkbox" checked={!hidden.has(t)} onChange={(e) => toggle(t, e.target.checked)} />
              {RECORD_TYPE_LABELS[t]}
            </label>
          ))}
        </fieldset>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <p className="count" aria-live="polite">{records === null ? 'Loading…' : plural(shown.length, 'record')}</p>
      {byYear(shown).map(([year, list]) => (
        <section key={year ?? 'undated'} aria-labelledby={`year-${year ?? 'undated'}`} className="timeline-year">
          <h2 id={`year-${year ?? 'undated'}`}>{year ?? 'Date unknown'}</h2>
          <ol className="timeline-list">
            {list.map((r) => (
              <li key={r.id}>
                <button type="button" className="timeline-entry" data-record-id={r.id} onClick={() => onOpen(r.id, shown.indexOf(r))}>
                  <span className="timeline-date">{formatDate(r.date)}{r.date && r.dateGuessed ? ' (guessed)' : ''}</span>
                  <TypeIcon type={r.type} />
                  <span className="card-main">
                    <span className="card-title">{r.title}</span>
                    <RecordWho record={r} personName={r.personId ? names.get(r.personId) ?? null : null} />
                    <span className="card-meta">{[typeLabel(r), r.institution].filter(Boolean).join(' · ')}</span>
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

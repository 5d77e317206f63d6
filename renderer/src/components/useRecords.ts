// The library, a page at a time: the first page loads at once (typing is debounced so the search
// box stays smooth), later pages as the list scrolls to them. A data change (an import finished, a
// record was edited) starts again from the first page so the list is never stale.
import { useCallback, useEffect, useRef, useState } from 'react';
import { RECORD_PAGE_DEFAULT, type RecordQuery } from '../../../shared/api.js';
import type { RecordSummary } from '../../../shared/domain.js';
import { errorMessage, useBridge } from '../bridge-context.js';

const PAGE = RECORD_PAGE_DEFAULT;

export interface RecordPages {
  /** How many records match; null until the first page arrived. */
  total: number | null;
  /** The record at a position, or undefined while its page is loading. */
  at(index: number): RecordSummary | undefined;
  /** Loads the pages covering [first, last] that are not loaded yet. */
  ensure(first: number, last: number): void;
  error: string | null;
}

export function useRecords(query: RecordQuery, version: number, delayMs = 250): RecordPages {
  const bridge = useBridge();
  const [pages, setPages] = useState<Map<number, RecordSummary[]>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);
  const generation = useRef(0);
  const requested = useRef(new Set<number>());
  const lastKey = useRef<string | null>(null);

  const load = useCallback(
    (page: number, gen: number) => {
      requested.current.add(page);
      bridge.call('records.list', { ...(JSON.parse(key) as RecordQuery), limit: PAGE, offset: page * PAGE }).then(
        (r) => {
          if (gen !== generation.current) return;
          setPages((old) => new Map(old).set(page, r.records));
          setTotal(r.total);
          setError(null);
        },
        (err: unknown) => gen === generation.current && setError(errorMessage(err)),
      );
    },
    [bridge, key],
  );

  useEffect(() => {
    const gen = ++generation.current;
    const typing = lastKey.current !== null && lastKey.current !== key;
    lastKey.current = key;
    requested.current = new Set();
    const timer = setTimeout(() => {
      setPages(new Map());
      load(0, gen);
    }, typing ? delayMs : 0);
    return () => clearTimeout(timer);
  }, [key, version, delayMs, load]);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) if (!requested.current.has(p)) load(p, generation.current);
    },
    [load],
  );
  const at = (index: number) => pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  return { total, at, ensure, error };
}

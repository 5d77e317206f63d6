// The library, a page at a time: the first page loads at once (typing is debounced so the search
// box stays smooth), later pages as the list scrolls to them. A data change (an import finished, a
// record was edited) starts again from the first page so the list is never stale.
import { useCallback, useEffect, useRef, useState } from 'react';
import { RECORD_PAGE_DEFAULT, RECORD_PAGE_MAX, type RecordQuery } from '../../../shared/api.js';
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
  /** The ids at positions [first, last] (a shift-click range, "select all"), loaded as needed. */
  idsBetween(first: number, last: number): Promise<string[]>;
  error: string | null;
}

/**
 * `typed`: the part of the query a person types (search words, dates); only its changes wait for
 * the typing to pause — a choice from a list (type, sort) reloads at once, so the rows on screen
 * are never those of the previous query while the person already acts on them.
 */
export function useRecords(query: RecordQuery, version: number, delayMs = 250, typed = query.search ?? ''): RecordPages {
  const bridge = useBridge();
  const [pages, setPages] = useState<Map<number, RecordSummary[]>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);
  const generation = useRef(0);
  const requested = useRef(new Set<number>());
  const lastTyped = useRef<string | null>(null);

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
    const typing = lastTyped.current !== null && lastTyped.current !== typed;
    lastTyped.current = typed;
    requested.current = new Set();
    const timer = setTimeout(() => {
      setPages(new Map());
      load(0, gen);
    }, typing ? delayMs : 0);
    return () => clearTimeout(timer);
  }, [key, version, delayMs, load, typed]);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) if (!requested.current.has(p)) load(p, generation.current);
    },
    [load],
  );
  const at = (index: number) => pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  const idsBetween = useCallback(
    async (first: number, last: number) => {
      const ids: string[] = [];
      for (let offset = first; offset <= last; offset += RECORD_PAGE_MAX) {
        const limit = Math.min(RECORD_PAGE_MAX, last - offset + 1);
        const page = await bridge.call('records.list', { ...(JSON.parse(key) as RecordQuery), limit, offset });
        ids.push(...page.records.map((r) => r.id));
        if (page.records.length < limit) break;
      }
      return ids;
    },
    [bridge, key],
  );
  return { total, at, ensure, idsBetween, error };
}

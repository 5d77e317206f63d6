// Loads records for a query. Typing is debounced so the search box stays smooth; a data change
// (an import finished, a record was edited) reloads at once so the list is never stale.
import { useEffect, useRef, useState } from 'react';
import type { RecordQuery } from '../../../shared/api.js';
import type { RecordSummary } from '../../../shared/domain.js';
import { errorMessage, useBridge } from '../bridge-context.js';

export function useRecords(query: RecordQuery, version: number, delayMs = 250) {
  const bridge = useBridge();
  const [records, setRecords] = useState<RecordSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    let live = true;
    const typing = lastKey.current !== null && lastKey.current !== key;
    lastKey.current = key;
    const timer = setTimeout(() => {
      bridge.call('records.list', JSON.parse(key) as RecordQuery).then(
        (r) => live && (setRecords(r), setError(null)),
        (err: unknown) => live && setError(errorMessage(err)),
      );
    }, typing ? delayMs : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bridge, key, version, delayMs]);
  return { records, error };
}

// Loads records for a query, debounced so typing in the search box stays smooth.
import { useEffect, useState } from 'react';
import type { RecordQuery } from '../../../shared/api.js';
import type { RecordSummary } from '../../../shared/domain.js';
import { errorMessage, useBridge } from '../bridge-context.js';

export function useRecords(query: RecordQuery, version: number, delayMs = 250) {
  const bridge = useBridge();
  const [records, setRecords] = useState<RecordSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      bridge.call('records.list', JSON.parse(key) as RecordQuery).then(
        (r) => live && (setRecords(r), setError(null)),
        (err: unknown) => live && setError(errorMessage(err)),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bridge, key, version, delayMs]);
  return { records, error };
}

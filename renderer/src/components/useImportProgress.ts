// An import's progress as the core reports it, and the library refreshed as records arrive.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress } from '../../../shared/domain.js';
import { useBridge } from '../bridge-context.js';

const REFRESH_EVERY_MS = 2000;

export function useImportProgress(onImported: () => void): { progress: ImportProgress | null; restart(): void } {
  const bridge = useBridge();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // Records become visible while a long import runs: refresh the list as files arrive, but at
  // most every couple of seconds so a 10,000-file CD does not reload the library constantly.
  const lastRefresh = useRef(0);
  useEffect(
    () =>
      bridge.on('import.progress', (p) => {
        setProgress(p);
        const now = Date.now();
        if (p.filesDone > 0 && now - lastRefresh.current > REFRESH_EVERY_MS) {
          lastRefresh.current = now;
          onImported();
        }
      }),
    [bridge, onImported],
  );
  /** A new import: no progress yet, and no refresh before it has run a while. */
  const restart = useCallback(() => {
    setProgress(null);
    lastRefresh.current = Date.now();
  }, []);
  return { progress, restart };
}

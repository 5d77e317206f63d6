// Runs imports (dropped files, picked paths) and tracks progress and the final summary.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportSummary } from '../../../shared/domain.js';
import { errorMessage, useBridge } from '../bridge-context.js';

export interface ImportState {
  running: boolean;
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  error: string | null;
  importFiles(files: File[]): Promise<void>;
  /** Grants for what a native dialog returned (Electron). */
  importPaths(grants: string[]): Promise<void>;
  dismiss(): void;
}

const REFRESH_EVERY_MS = 2000;

export function useImport(onImported: () => void): ImportState {
  const bridge = useBridge();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

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

  const run = useCallback(
    async (job: () => Promise<ImportSummary>) => {
      setRunning(true);
      setSummary(null);
      setError(null);
      setProgress(null);
      lastRefresh.current = Date.now();
      try {
        setSummary(await job());
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setRunning(false);
        onImported();
      }
    },
    [onImported],
  );

  const importFiles = useCallback((files: File[]) => run(() => bridge.importFiles(files)), [run, bridge]);
  const importPaths = useCallback((grants: string[]) => run(() => bridge.call('import.paths', { paths: grants })), [run, bridge]);
  return {
    running,
    progress,
    summary,
    error,
    importFiles,
    importPaths,
    dismiss: () => {
      setSummary(null);
      setError(null);
    },
  };
}

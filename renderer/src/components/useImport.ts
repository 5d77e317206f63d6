// Runs imports (dropped files, picked paths) and tracks progress and the final summary.
import { useCallback, useEffect, useState } from 'react';
import type { ImportProgress, ImportSummary } from '../../../shared/domain.js';
import { errorMessage, useBridge } from '../bridge-context.js';

export interface ImportState {
  running: boolean;
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  error: string | null;
  importFiles(files: File[]): Promise<void>;
  importPaths(paths: string[]): Promise<void>;
  dismiss(): void;
}

export function useImport(onImported: () => void): ImportState {
  const bridge = useBridge();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => bridge.on('import.progress', setProgress), [bridge]);

  const run = useCallback(
    async (job: () => Promise<ImportSummary>) => {
      setRunning(true);
      setSummary(null);
      setError(null);
      setProgress(null);
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
  const importPaths = useCallback((paths: string[]) => run(() => bridge.call('import.paths', { paths })), [run, bridge]);
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

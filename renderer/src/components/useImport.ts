// Runs imports (dropped files, picked paths), tracks progress and the final summary, and stops a
// running import on request (import.cancel: what was already added stays).
import { useCallback, useState } from 'react';
import type { ImportProgress, ImportSummary } from '../../../shared/domain.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { useImportProgress } from './useImportProgress.js';

export interface ImportState {
  running: boolean;
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  error: string | null;
  /** Set from "Stop importing" until the import has stopped. */
  stopping: boolean;
  /** Why asking the import to stop failed (it then goes on). */
  stopError: string | null;
  importFiles(files: File[]): Promise<void>;
  /** Grants for what a native dialog returned (Electron). */
  importPaths(grants: string[]): Promise<void>;
  stop(): Promise<void>;
  dismiss(): void;
}

export function useImport(onImported: () => void): ImportState {
  const bridge = useBridge();
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { progress, restart } = useImportProgress(onImported);
  const { stopping, stopError, stop, stopped } = useImportStop();

  const run = useCallback(
    async (job: () => Promise<ImportSummary>) => {
      setRunning(true);
      setSummary(null);
      setError(null);
      restart();
      try {
        setSummary(await job());
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setRunning(false);
        stopped();
        onImported();
      }
    },
    [onImported, restart, stopped],
  );

  const importFiles = useCallback((files: File[]) => run(() => bridge.importFiles(files)), [run, bridge]);
  const importPaths = useCallback((grants: string[]) => run(() => bridge.call('import.paths', { paths: grants })), [run, bridge]);
  const dismiss = useCallback(() => {
    setSummary(null);
    setError(null);
  }, []);
  return { running, progress, summary, error, stopping, stopError, importFiles, importPaths, stop, dismiss };
}

/** "Stop importing": asks the core to stop after the files it is reading; the import's own reply says what was kept. */
function useImportStop() {
  const bridge = useBridge();
  const [stopping, setStopping] = useState(false);
  const [stopError, setStopError] = useState<string | null>(null);
  const stop = useCallback(async () => {
    setStopping(true);
    setStopError(null);
    try {
      await bridge.call('import.cancel', {});
    } catch (err) {
      setStopping(false);
      setStopError(errorMessage(err));
    }
  }, [bridge]);
  const stopped = useCallback(() => {
    setStopping(false);
    setStopError(null);
  }, []);
  return { stopping, stopError, stop, stopped };
}

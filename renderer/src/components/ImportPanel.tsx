// The drop overlay, the progress panel and the import summary.
import { useEffect, useRef, useState } from 'react';
import { plural } from '../format.js';
import { collectDrop } from './dropped-files.js';
import { importHeading, stoppedText, summaryView, type SummaryView } from './import-outcomes.js';
import { importedSummary, outcomeReason } from '../../../shared/words/import.js';
import type { ImportState } from './useImport.js';

/** Shows "Drop to add to your records" while files are dragged over the window. */
export function DropZone({ onFiles, enabled, walkFolders }: { onFiles: (files: File[]) => void; enabled: boolean; walkFolders: boolean }) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const enter = (e: DragEvent) => {
      if (!enabled || !hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setOver(true);
    };
    const overFn = (e: DragEvent) => {
      if (enabled && hasFiles(e)) e.preventDefault();
    };
    const leave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault(); // never let the browser navigate to a dropped file
      depth.current = 0;
      setOver(false);
      if (!enabled || !e.dataTransfer) return;
      void collectDrop(e.dataTransfer, walkFolders).then((files) => files.length > 0 && onFiles(files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [enabled, onFiles, walkFolders]);
  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <svg viewBox="0 0 24 24" width="48" height="48"><path d="M12 3v12m0 0-5-5m5 5 5-5M4 17v3h16v-3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" /></svg>
        <p>Drop to add to your records</p>
      </div>
    </div>
  );
}

/** `onClose` dismisses the panel and must put the keyboard focus somewhere sensible. */
export function ImportStatus({ state, onClose }: { state: ImportState; onClose: () => void }) {
  const { running, progress, summary, error } = state;
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (summary || error) closeRef.current?.focus();
  }, [summary, error]);
  if (!running && !summary && !error) return null;
  const view = summary ? summaryView(summary) : null;
  const stopped = summary ? stoppedText(summary, progress?.filesTotal ?? null) : null;
  // The list scrolls inside the panel; the Close (or Stop) button stays in view below it.
  return (
    <section className="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{importHeading(state)}</h2>
      <div className="import-body">
        {running && <ImportProgressView progress={progress} stopError={state.stopError} />}
        {error && <p className="error" role="alert">{error}</p>}
        {stopped && <p className="import-stopped" role="status">{stopped}</p>}
        {view && <ImportSummaryView view={view} />}
      </div>
      {running ? (
        // Shown once the core reports the import under way: until then there is nothing to stop.
        progress && (
          <div className="import-actions">
            <button type="button" disabled={state.stopping} onClick={() => void state.stop()}>{state.stopping ? 'Stopping…' : 'Stop importing'}</button>
          </div>
        )
      ) : (
        <div className="import-actions"><button ref={closeRef} type="button" onClick={onClose}>Close</button></div>
      )}
    </section>
  );
}

function ImportProgressView({ progress, stopError }: { progress: ImportState['progress']; stopError: string | null }) {
  const total = progress?.filesTotal ?? null;
  const pct = total ? Math.min(100, Math.round((100 * (progress?.filesDone ?? 0)) / total)) : undefined;
  return (
    <div aria-live="polite">
      <progress max={100} value={pct} aria-label="Import progress" />
      <p className="hint">
        {progress ? `${progress.filesDone.toLocaleString()}${total ? ` of ${total.toLocaleString()}` : ''} files — ${progress.currentFile}` : 'Reading the files…'}
      </p>
      <p className="hint">You can keep using Dossier while this runs.</p>
      {stopError && <p className="error" role="alert">{stopError}</p>}
    </div>
  );
}

function ImportSummaryView({ view }: { view: SummaryView }) {
  return (
    <div role="status">
      <p className="summary-line">
        <strong>{importedSummary(view.records, view.files)} added</strong>
        {view.duplicates > 0 && <> · {plural(view.duplicates, 'duplicate')} already in your records</>}
        {view.indexFiles.length > 0 && <> · {plural(view.indexFiles.length, 'index file')} read</>}
        {view.skipped.length > 0 && <> · {plural(view.skipped.length, 'file')} skipped</>}
      </p>
      {view.indexFiles.length > 0 && (
        <p className="hint">Read (index files): {view.indexFiles.map((o) => o.path.split('/').pop()).join(', ')} — tables of contents that came with your files, used to find and name your records.</p>
      )}
      {view.skipped.length > 0 && (
        <details open={view.skipped.length <= 5}>
          <summary>Why some files were not added</summary>
          <ul className="outcomes">
            {view.skipped.slice(0, 200).map((o, i) => (
              <li key={i}><span className="path">{o.path}</span> — {outcomeReason(o) ?? 'not a kind of file Dossier can keep'}</li>
            ))}
          </ul>
          {view.skipped.length > 200 && <p className="hint">…and {plural(view.skipped.length - 200, 'more file')}.</p>}
        </details>
      )}
    </div>
  );
}

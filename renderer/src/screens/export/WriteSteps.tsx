// Export steps 3 and 4: writing with progress, then the result of reading the bundle back.
import type { ExportDestinationKind, ExportProgress, ExportResult } from '../../../../shared/cases.js';
import { formatBytes, plural } from '../../format.js';
import { progressText } from './export-logic.js';

export function RunningStep({ progress }: { progress: ExportProgress | null }) {
  return (
    <div className="panel" aria-live="polite">
      <progress max={progress?.bytesTotal || 1} value={progress?.bytesDone ?? 0} aria-label="Export progress" />
      <p className="hint">{progressText(progress)}</p>
      <p className="hint">Please don't remove the stick yet.</p>
    </div>
  );
}

export function DoneStep({ result, kind, onDone }: { result: ExportResult; kind: ExportDestinationKind; onDone: () => void }) {
  return (
    <div className="panel" role="status">
      {result.verified.ok ? (
        <div className="banner ok">
          <p><strong>Checked: all {result.verified.fileCount.toLocaleString()} files were read back and match.</strong></p>
          <p>{kind === 'folder' ? 'Safe to remove the stick once your computer says it is ejected.' : 'Safe to remove — the zip file is complete.'}</p>
        </div>
      ) : (
        <div className="banner warn">
          <p><strong>The check found problems — please write the bundle again.</strong></p>
          <ul>{result.verified.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </div>
      )}
      <p className="path">{result.path}</p>
      <p className="hint">{plural(result.fileCount, 'file')}, {formatBytes(result.bytes)}. Fingerprint: <span className="mono">{result.manifestSha256.slice(0, 16)}…</span></p>
      <button className="primary" type="button" onClick={onDone}>Done</button>
    </div>
  );
}

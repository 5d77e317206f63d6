// Shown when the vault's database is damaged: the stored files are intact, and the index can be
// rebuilt from them (and from the newest snapshot of cases, people and notes).
import { useEffect, useState } from 'react';
import type { VaultStatus } from '../../../shared/api.js';
import type { RebuildProgress, RebuildReport } from '../../../shared/vault.js';
import { describeRebuild } from '../../../shared/words/vault.js';
import { errorMessage, useBridge } from '../bridge-context.js';

export function RebuildIndex({ passphrase, problem, onDone }: { passphrase: string; problem: string; onDone: (s: VaultStatus) => void }) {
  const bridge = useBridge();
  const [progress, setProgress] = useState<RebuildProgress | null>(null);
  const [report, setReport] = useState<{ status: VaultStatus; report: RebuildReport } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => bridge.on('rebuild.progress', setProgress), [bridge]);

  async function rebuild() {
    setBusy(true);
    setError(null);
    try {
      setReport(await bridge.call('vault.rebuildIndex', { passphrase }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="banner warn" role="alert" aria-labelledby="rebuild-title">
      <h2 id="rebuild-title">The vault's index needs rebuilding</h2>
      <p>{problem}</p>
      {!report && (
        <>
          <p>Dossier can rebuild it from your stored files and the newest snapshot of your cases, people and notes. The damaged index is kept aside, nothing is deleted.</p>
          <button type="button" className="primary" onClick={() => void rebuild()} disabled={busy}>{busy ? 'Rebuilding…' : 'Rebuild the index'}</button>
          {progress && busy && <p role="status">{progress.filesDone} of {progress.filesTotal} stored files read</p>}
        </>
      )}
      {report && (
        <>
          <ul>{describeRebuild(report.report).map((line) => <li key={line}>{line}</li>)}</ul>
          <button type="button" className="primary" onClick={() => onDone(report.status)} autoFocus>Open my records</button>
        </>
      )}
      {error && <p className="error">{error}</p>}
    </section>
  );
}

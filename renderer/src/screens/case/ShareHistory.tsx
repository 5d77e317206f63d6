// What was handed over from this case: when, to whom, where, how much, and whether it was protected.
import type { CaseDetail } from '../../../../shared/cases.js';
import { formatBytes, formatDate } from '../../format.js';

export function ShareHistory({ c }: { c: CaseDetail }) {
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Share history</h2>
      {c.shares.length === 0 ? <p className="hint">Nothing handed over yet.</p> : (
        <table className="series">
          <thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">Where</th><th scope="col">Files</th><th scope="col">Protected</th></tr></thead>
          <tbody>
            {c.shares.map((s) => (
              <tr key={s.id}>
                <td>{formatDate(s.exportedAt)}</td><td>{s.providerName || '—'}</td>
                <td className="path">{s.destination}</td><td>{s.fileCount} ({formatBytes(s.bytes)})</td>
                <td>{s.encrypted ? 'Password zip' : 'Not encrypted'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

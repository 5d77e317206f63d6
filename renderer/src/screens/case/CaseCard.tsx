// A case in the list of cases: where it stands, its title, what it holds, for whom, and when it was last shared.
import type { CaseSummary } from '../../../../shared/cases.js';
import { CASE_STATUS_WORDS } from '../../../../shared/words/journey.js';
import { formatBytes, formatDate, plural } from '../../format.js';

export function CaseCard({ c, onOpen }: { c: CaseSummary; onOpen: () => void }) {
  return (
    <button type="button" className="case-card" data-case-id={c.id} onClick={onOpen}>
      <span className="badge status-badge">{CASE_STATUS_WORDS[c.journey.status]}{c.journey.appointmentDate ? ` · appointment ${formatDate(c.journey.appointmentDate)}` : ''}</span>
      <span className="card-title">{c.title}</span>
      <span className="card-meta">
        {plural(c.recordCount, 'record')} · {formatBytes(c.totalBytes)} · {plural(c.questionCount, 'question')}
        {c.provider.name || c.provider.institution ? ` · for ${[c.provider.name, c.provider.institution].filter(Boolean).join(', ')}` : ''}
      </span>
      <span className="card-meta">{c.lastExportAt ? `Last shared ${formatDate(c.lastExportAt)}` : 'Not shared yet'}</span>
    </button>
  );
}

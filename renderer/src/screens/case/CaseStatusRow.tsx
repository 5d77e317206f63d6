// Where the case stands (a choice saved at once), and what it holds in one line.
import { CASE_STATUSES, type CaseDetail, type CaseStatus } from '../../../../shared/cases.js';
import { CASE_STATUS_WORDS } from '../../../../shared/words/journey.js';
import { formatBytes, formatDate, plural } from '../../format.js';

export function CaseStatusRow({ c, onStatus }: { c: CaseDetail; onStatus: (status: CaseStatus) => void }) {
  return (
    <div className="row tight status-row">
      <label htmlFor="c-status">Where this case stands</label>
      <select id="c-status" value={c.journey.status} onChange={(e) => onStatus(e.target.value as CaseStatus)}>
        {CASE_STATUSES.map((s) => <option key={s} value={s}>{CASE_STATUS_WORDS[s]}</option>)}
      </select>
      <span className="card-meta">{plural(c.recordIds.length, 'record')} selected · {formatBytes(c.totalBytes)} in total{c.journey.appointmentDate ? ` · appointment ${formatDate(c.journey.appointmentDate)}` : ''}</span>
    </div>
  );
}

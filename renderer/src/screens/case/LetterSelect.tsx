// The letter or report an opinion came in: a record, the case's own listed first.
import { useEffect, useState } from 'react';
import { RECORD_PAGE_MAX } from '../../../../shared/api.js';
import type { CaseDetail } from '../../../../shared/cases.js';
import type { RecordSummary } from '../../../../shared/domain.js';
import { useBridge } from '../../bridge-context.js';
import { formatDate } from '../../format.js';

/** The records a letter can be: the newest ones, and always the case's own. */
export function useLetterChoices(c: CaseDetail): RecordSummary[] {
  const bridge = useBridge();
  const [records, setRecords] = useState<RecordSummary[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const { records: newest } = await bridge.call('records.list', { sort: 'date-desc', limit: RECORD_PAGE_MAX });
      const listed = new Set(newest.map((r) => r.id));
      const missing = await Promise.all(c.recordIds.filter((id) => !listed.has(id)).map((id) => bridge.call('records.get', { id })));
      if (live) setRecords([...missing, ...newest]);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [bridge, c.recordIds]);
  return records;
}

export function RecordSelect({ id, value, onChange, records, caseRecords }: { id: string; value: string; onChange: (v: string) => void; records: RecordSummary[]; caseRecords: string[] }) {
  const inCase = new Set(caseRecords);
  const option = (r: RecordSummary) => <option key={r.id} value={r.id}>{r.title} ({formatDate(r.date)})</option>;
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">None (not in Dossier yet)</option>
      <optgroup label="Records in this case">{records.filter((r) => inCase.has(r.id)).map(option)}</optgroup>
      <optgroup label="Other records">{records.filter((r) => !inCase.has(r.id)).map(option)}</optgroup>
    </select>
  );
}

// The case's records in the export preview, each with its picture, as the person will recognise them.
import { useEffect, useState } from 'react';
import { RECORD_PAGE_MAX } from '../../../../shared/api.js';
import type { RecordSummary } from '../../../../shared/domain.js';
import { useBridge } from '../../bridge-context.js';
import { Thumbnail } from '../../components/Thumbnail.js';

export function BundleRecords({ ids }: { ids: string[] }) {
  const bridge = useBridge();
  const [records, setRecords] = useState<RecordSummary[]>([]);
  useEffect(() => {
    const wanted = new Set(ids);
    // One page is enough to show them: a case of more than a thousand records lists the first thousand.
    bridge.call('records.list', { sort: 'date-asc', limit: RECORD_PAGE_MAX }).then((page) => setRecords(page.records.filter((r) => wanted.has(r.id))), () => setRecords([]));
  }, [bridge, ids]);
  if (!records.length) return null;
  return (
    <ul className="bundle-records" aria-label="Records in this bundle">
      {records.map((r) => (
        <li key={r.id}><Thumbnail record={r} size="small" /><span>{r.title}</span></li>
      ))}
    </ul>
  );
}

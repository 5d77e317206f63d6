// The records in the trash, the ones ticked, and restoring or purging them; each action says what
// it did, clears the ticks and lists the trash again.
import { useEffect, useState } from 'react';
import type { RecordSummary } from '../../../../shared/domain.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { plural } from '../../format.js';

export function useTrash(version: number, onChanged: () => void, onEmptied: () => void) {
  const bridge = useBridge();
  const [records, setRecords] = useState<RecordSummary[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState('');

  const load = () => bridge.call('records.trash', {}).then(setRecords, (err: unknown) => setMessage(errorMessage(err)));
  useEffect(() => void load(), [bridge, version]);

  async function act(job: () => Promise<string>) {
    try {
      setMessage(await job());
      setChosen(new Set());
      onChanged();
      await load();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }
  const restore = (ids: string[] | 'all') => act(async () => `${plural((await bridge.call('records.restore', { ids })).restored, 'record')} put back among your records.`);
  const empty = () =>
    act(async () => {
      const { purged } = await bridge.call('records.emptyTrash', {});
      onEmptied(); // an "Undo" for a purged record would fail: withdraw the offers
      return `Deleted ${plural(purged, 'record')} for good.`;
    });
  const toggle = (id: string, on: boolean) => setChosen((old) => new Set(on ? [...old, id] : [...old].filter((x) => x !== id)));
  return { records, chosen, message, restore, empty, toggle };
}

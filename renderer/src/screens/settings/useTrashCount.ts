// How many records wait in the trash, for the Settings panel. The API has no count of its own, so
// the trash is listed when Settings opens and again after it was emptied.
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { plural } from '../../format.js';

export interface TrashCount {
  /** null until the trash was listed, or when it could not be. */
  trashed: number | null;
  message: string;
  empty(): Promise<void>;
}

export function useTrashCount(onTrashEmptied?: () => void): TrashCount {
  const bridge = useBridge();
  const [trashed, setTrashed] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const count = useCallback(async () => setTrashed((await bridge.call('records.trash', {})).length), [bridge]);
  useEffect(() => {
    void count().catch(() => setTrashed(null));
  }, [count]);

  const empty = useCallback(async () => {
    try {
      const { purged } = await bridge.call('records.emptyTrash', {});
      setMessage(`Deleted ${plural(purged, 'record')} for good.`);
      onTrashEmptied?.(); // an "Undo" offer for a purged record would fail: withdraw it
      await count();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }, [bridge, count, onTrashEmptied]);
  return { trashed, message, empty };
}

/** "3 records in the trash.", "The trash is empty.", or nothing while it is not known. */
export function trashCountText(trashed: number | null): string {
  return trashed === null ? '' : trashed === 0 ? 'The trash is empty.' : `${plural(trashed, 'record')} in the trash.`;
}

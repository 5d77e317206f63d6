// The health items of one person (or of nobody), dismissed ones on request, and how many items
// belong to nobody yet; reloaded when the data changes or after an action.
import { useCallback, useEffect, useState } from 'react';
import type { HealthItem } from '../../../../shared/health.js';
import { errorMessage, useBridge } from '../../bridge-context.js';

export interface HealthItems {
  items: HealthItem[] | null;
  /** Items assigned to nobody, while a person's summary is shown (else 0). */
  unassigned: number;
  reload(): void;
}

/** `onError` must be stable (a state setter): a new one reloads the list. */
export function useHealthItems(personId: string | null, showDismissed: boolean, version: number, onError: (message: string) => void): HealthItems {
  const bridge = useBridge();
  const [items, setItems] = useState<HealthItem[] | null>(null);
  const [unassigned, setUnassigned] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    bridge.call('health.list', { personId, ...(showDismissed ? { includeDismissed: true } : {}) }).then((list) => live && setItems(list), (e: unknown) => live && onError(errorMessage(e)));
    if (personId) bridge.call('health.list', { personId: null }).then((list) => live && setUnassigned(list.length), () => undefined);
    else setUnassigned(0);
    return () => {
      live = false;
    };
  }, [bridge, personId, showDismissed, version, tick, onError]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items, unassigned, reload };
}

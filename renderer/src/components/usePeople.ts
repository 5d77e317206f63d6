// The people whose records are kept in this vault, reloaded when the data changes.
import { useCallback, useEffect, useState } from 'react';
import type { Person } from '../../../shared/domain.js';
import { useBridge } from '../bridge-context.js';

export function usePeople(version = 0): { people: Person[]; added: (p: Person) => void; reload: () => void } {
  const bridge = useBridge();
  const [people, setPeople] = useState<Person[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    bridge.call('people.list', {}).then((p) => live && setPeople(p), () => live && setPeople([]));
    return () => {
      live = false;
    };
  }, [bridge, version, tick]);
  const added = useCallback((p: Person) => setPeople((list) => [...list.filter((x) => x.id !== p.id), p]), []);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { people, added, reload };
}

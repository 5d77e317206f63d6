// Several records chosen for one action: a click or Space toggles one, Shift extends from the last
// one toggled (anchor) to this one — loading the ids in between when they are not on screen.
import { useCallback, useState } from 'react';

export interface Selection {
  ids: Set<string>;
  toggle(id: string, index: number): void;
  /** Selects everything from the anchor to `index`. */
  extend(index: number): Promise<void>;
  set(ids: string[]): void;
  clear(): void;
}

export function useSelection(idsBetween: (first: number, last: number) => Promise<string[]>): Selection {
  const [ids, setIds] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const toggle = useCallback((id: string, index: number) => {
    setIds((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setAnchor(index);
  }, []);
  const extend = useCallback(
    async (index: number) => {
      const from = anchor ?? index;
      const range = await idsBetween(Math.min(from, index), Math.max(from, index));
      setIds((old) => new Set([...old, ...range]));
      setAnchor(index);
    },
    [anchor, idsBetween],
  );
  return {
    ids,
    toggle,
    extend,
    set: useCallback((list: string[]) => setIds(new Set(list)), []),
    clear: useCallback(() => (setIds(new Set()), setAnchor(null)), []),
  };
}

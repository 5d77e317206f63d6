// The library list's one Tab stop: which row is active, and moving the focus to a row — scrolled
// into view first, then focused once its card is drawn (also when coming back from a record).
import { useEffect, useState, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { clampIndex } from './list-keys.js';

export function useListFocus(
  scrollRef: RefObject<HTMLDivElement | null>,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  count: number,
  focus: { index: number } | undefined,
): { current: number; setActive(index: number): void; moveTo(index: number): number } {
  const [active, setActive] = useState(focus?.index ?? 0);
  const [pendingFocus, setPendingFocus] = useState<number | null>(focus ? focus.index : null);
  useEffect(() => {
    if (pendingFocus === null || !count) return;
    virtualizer.scrollToIndex(pendingFocus, { align: 'auto' });
    const card = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus}"] .record-card`);
    if (card) {
      card.focus();
      setPendingFocus(null);
    }
  });
  const moveTo = (index: number) => {
    const next = clampIndex(index, count);
    setActive(next);
    setPendingFocus(next);
    return next;
  };
  return { current: Math.min(active, Math.max(0, count - 1)), setActive, moveTo };
}

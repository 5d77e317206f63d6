// What a key or a click does in the library's list (no React): arrows, Page keys, Home and End
// move (Shift: and select the run), Space selects (Shift: a run), Ctrl/Cmd+A selects all; a click
// opens, Shift-click selects a run, Ctrl/Cmd-click selects one.

export const PAGE_STEP = 8;

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export type ListKeyAction =
  | { kind: 'move'; to: number; extend: boolean }
  | { kind: 'select'; extend: boolean }
  | { kind: 'select-all' }
  | null;

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP };

/** The row a move lands on, kept inside the list. */
export function clampIndex(index: number, count: number): number {
  return Math.max(0, Math.min(count - 1, index));
}

/** `index`: the row that has the focus, of `count` rows. Null: the key is not the list's. */
export function listKeyAction(e: KeyLike, index: number, count: number): ListKeyAction {
  if (Object.prototype.hasOwnProperty.call(STEPS, e.key) || e.key === 'Home' || e.key === 'End') {
    const target = e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : index + (STEPS[e.key] ?? 0);
    return { kind: 'move', to: clampIndex(target, count), extend: e.shiftKey };
  }
  if (e.key === ' ') return { kind: 'select', extend: e.shiftKey };
  if (e.key.toLowerCase() === 'a' && (e.ctrlKey || e.metaKey)) return { kind: 'select-all' };
  return null;
}

export type ClickAction = 'extend' | 'toggle' | 'open';

export function clickAction(e: Pick<KeyLike, 'shiftKey' | 'ctrlKey' | 'metaKey'>): ClickAction {
  if (e.shiftKey) return 'extend';
  if (e.ctrlKey || e.metaKey) return 'toggle';
  return 'open';
}

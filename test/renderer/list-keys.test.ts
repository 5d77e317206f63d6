// What keys and clicks do in the library's list (renderer/src/components/record-list/list-keys.ts).
import { describe, expect, it } from 'vitest';
import { PAGE_STEP, clampIndex, clickAction, listKeyAction, type KeyLike } from '../../renderer/src/components/record-list/list-keys.js';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('listKeyAction', () => {
  it('moves by one, by a page, and to either end, kept inside the list', () => {
    expect(listKeyAction(key('ArrowDown'), 4, 20)).toEqual({ kind: 'move', to: 5, extend: false });
    expect(listKeyAction(key('ArrowUp'), 4, 20)).toEqual({ kind: 'move', to: 3, extend: false });
    expect(listKeyAction(key('PageDown'), 4, 20)).toEqual({ kind: 'move', to: 4 + PAGE_STEP, extend: false });
    expect(listKeyAction(key('PageDown'), 15, 20)).toEqual({ kind: 'move', to: 19, extend: false });
    expect(listKeyAction(key('PageUp'), 3, 20)).toEqual({ kind: 'move', to: 0, extend: false });
    expect(listKeyAction(key('ArrowUp'), 0, 20)).toEqual({ kind: 'move', to: 0, extend: false });
    expect(listKeyAction(key('Home'), 9, 20)).toEqual({ kind: 'move', to: 0, extend: false });
    expect(listKeyAction(key('End'), 9, 20)).toEqual({ kind: 'move', to: 19, extend: false });
  });

  it('selects the run with Shift', () => {
    expect(listKeyAction(key('ArrowDown', { shiftKey: true }), 4, 20)).toEqual({ kind: 'move', to: 5, extend: true });
    expect(listKeyAction(key(' ', { shiftKey: true }), 4, 20)).toEqual({ kind: 'select', extend: true });
  });

  it('selects one with Space, all with Ctrl or Cmd+A, and leaves other keys alone', () => {
    expect(listKeyAction(key(' '), 4, 20)).toEqual({ kind: 'select', extend: false });
    expect(listKeyAction(key('a', { ctrlKey: true }), 4, 20)).toEqual({ kind: 'select-all' });
    expect(listKeyAction(key('A', { metaKey: true }), 4, 20)).toEqual({ kind: 'select-all' });
    expect(listKeyAction(key('a'), 4, 20)).toBeNull();
    expect(listKeyAction(key('Enter'), 4, 20)).toBeNull();
    expect(listKeyAction(key('constructor'), 4, 20)).toBeNull();
  });
});

describe('clickAction and clampIndex', () => {
  it('opens on a plain click, extends with Shift, toggles with Ctrl or Cmd', () => {
    expect(clickAction({ shiftKey: false, ctrlKey: false, metaKey: false })).toBe('open');
    expect(clickAction({ shiftKey: true, ctrlKey: true, metaKey: false })).toBe('extend');
    expect(clickAction({ shiftKey: false, ctrlKey: true, metaKey: false })).toBe('toggle');
    expect(clickAction({ shiftKey: false, ctrlKey: false, metaKey: true })).toBe('toggle');
  });

  it('keeps an index inside the list, and at 0 for an empty one', () => {
    expect(clampIndex(-3, 10)).toBe(0);
    expect(clampIndex(12, 10)).toBe(9);
    expect(clampIndex(5, 0)).toBe(0);
  });
});

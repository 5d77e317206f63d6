// The open vault's screens and tabs (renderer/src/app/navigation.ts).
import { describe, expect, it } from 'vitest';
import { TABS, activeTab, afterRecordDeleted, backFromRecord, tabScreen } from '../../renderer/src/app/navigation.js';

describe('navigation', () => {
  it('shows a record under the list it came from, and the trash under Settings', () => {
    expect(activeTab({ name: 'record', id: 'r', from: 'timeline', index: 3 })).toBe('timeline');
    expect(activeTab({ name: 'trash' })).toBe('settings');
    expect(activeTab({ name: 'cases' })).toBe('cases');
  });

  it('goes back from a record to its list with the record focused where it was', () => {
    expect(backFromRecord({ name: 'record', id: 'r7', from: 'library', index: 42 })).toEqual({ name: 'library', focus: { id: 'r7', index: 42 } });
    expect(backFromRecord({ name: 'record', id: 'r7', from: 'timeline', index: 5 })).toEqual({ name: 'timeline', focus: { id: 'r7', index: 5 } });
    expect(backFromRecord({ name: 'record', id: 'r7', from: 'health', index: 0 })).toEqual({ name: 'health' });
    expect(afterRecordDeleted({ name: 'record', id: 'r7', from: 'library', index: 42 })).toEqual({ name: 'library' });
  });

  it('opens each tab on its own screen, in the order shown', () => {
    expect(TABS.map((t) => t.label)).toEqual(['Records', 'Timeline', 'Health', 'Cases', 'People', 'Settings']);
    for (const t of TABS) expect(tabScreen(t.name)).toEqual({ name: t.name });
  });
});

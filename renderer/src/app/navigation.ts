// The open vault's screens and how the person moves between them (no React).

/** Where "Back" returns to from a record: the list it was opened from, with that record focused. */
export type From = 'library' | 'timeline' | 'health';
/** The record to focus again when a list comes back, and where it was. */
export type Focus = { id: string; index: number };
export type Screen =
  | { name: 'library'; focus?: Focus }
  | { name: 'record'; id: string; from: From; index: number }
  | { name: 'timeline'; focus?: Focus }
  | { name: 'health' }
  | { name: 'cases' }
  | { name: 'people' }
  | { name: 'settings' }
  | { name: 'trash' };
export type ScreenName = Screen['name'];
/** The screens a tab opens (a record and the trash are reached from another screen). */
export type TabName = Exclude<ScreenName, 'record' | 'trash'>;

export const TABS: { name: TabName; label: string }[] = [
  { name: 'library', label: 'Records' },
  { name: 'timeline', label: 'Timeline' },
  { name: 'health', label: 'Health' },
  { name: 'cases', label: 'Cases' },
  { name: 'people', label: 'People' },
  { name: 'settings', label: 'Settings' },
];

export const BACK_LABELS: Record<From, string> = { library: 'Back to records', timeline: 'Back to the timeline', health: 'Back to the health summary' };

/** The screen a tab opens, as it first shows. */
export function tabScreen(name: TabName): Screen {
  const screens: Record<TabName, Screen> = { library: { name: 'library' }, timeline: { name: 'timeline' }, health: { name: 'health' }, cases: { name: 'cases' }, people: { name: 'people' }, settings: { name: 'settings' } };
  return screens[name];
}

/** The tab shown as current: a record belongs to the list it came from, the trash to Settings. */
export function activeTab(screen: Screen): TabName {
  if (screen.name === 'record') return screen.from;
  if (screen.name === 'trash') return 'settings';
  return screen.name;
}

/** Back from a record: its list, with the record focused again where it was. */
export function backFromRecord(screen: Extract<Screen, { name: 'record' }>): Screen {
  if (screen.from === 'health') return { name: 'health' };
  return { name: screen.from, focus: { id: screen.id, index: screen.index } };
}

/** Where a record goes after it was moved to the trash: the list it came from. */
export function afterRecordDeleted(screen: Extract<Screen, { name: 'record' }>): Screen {
  return { name: screen.from };
}

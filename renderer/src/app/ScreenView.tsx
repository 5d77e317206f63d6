// The open vault's main area: the screen the person is on.
import type { VaultStatus } from '../../../shared/api.js';
import type { IdentityReport } from '../../../shared/domain.js';
import { recordsWithIdentityWarning } from '../components/identity.js';
import { Cases } from '../screens/Cases.js';
import { HealthSummary } from '../screens/HealthSummary.js';
import { EMPTY_LIBRARY_VIEW, Library, type LibraryView } from '../screens/Library.js';
import { People } from '../screens/People.js';
import { RecordDetail } from '../screens/RecordDetail.js';
import { Settings } from '../screens/Settings.js';
import { Timeline } from '../screens/Timeline.js';
import { Trash } from '../screens/Trash.js';
import { BACK_LABELS, afterRecordDeleted, backFromRecord, type Screen } from './navigation.js';

export interface ScreenViewProps {
  screen: Screen;
  go: (screen: Screen) => void;
  version: number;
  /** The data changed: every screen reloads. */
  changed: () => void;
  identities: IdentityReport | null;
  libraryView: LibraryView;
  onLibraryView: (view: LibraryView) => void;
  status: VaultStatus;
  onStatus: (s: VaultStatus) => void;
  onAdd: () => void;
  /** Records moved to the trash: offered for undo. */
  onDeleted: (ids: string[], label: string) => void;
  /** The trash was emptied: undo offers are withdrawn. */
  onTrashEmptied: () => void;
}

export function ScreenView(p: ScreenViewProps) {
  const { screen, go, version } = p;
  switch (screen.name) {
    case 'library':
      return (
        <Library version={version} identities={p.identities} view={p.libraryView} onView={p.onLibraryView} focusId={screen.focus}
          onOpen={(id, index) => go({ name: 'record', id, from: 'library', index })} onAdd={p.onAdd} onChanged={p.changed} onDeleted={p.onDeleted} />
      );
    case 'record':
      return (
        <RecordDetail id={screen.id} identityWarning={recordsWithIdentityWarning(p.identities).has(screen.id)} backLabel={BACK_LABELS[screen.from]} onBack={() => go(backFromRecord(screen))}
          onDeleted={(id, title) => { p.onDeleted([id], `“${title}”`); go(afterRecordDeleted(screen)); }} onChanged={p.changed} />
      );
    case 'timeline':
      return <Timeline version={version} focus={screen.focus} onOpen={(id, index) => go({ name: 'record', id, from: 'timeline', index })} />;
    case 'health':
      return <HealthSummary version={version} onOpenRecord={(id) => go({ name: 'record', id, from: 'health', index: 0 })} />;
    case 'cases':
      return <Cases version={version} />;
    case 'people':
      return <People version={version} onShowRecords={(id) => { p.onLibraryView({ ...EMPTY_LIBRARY_VIEW, personId: id }); go({ name: 'library' }); }} />;
    case 'settings':
      return <Settings status={p.status} onStatus={p.onStatus} onTrashEmptied={p.onTrashEmptied} onOpenTrash={() => go({ name: 'trash' })} />;
    case 'trash':
      return <Trash version={version} onChanged={p.changed} onEmptied={p.onTrashEmptied} onBack={() => go({ name: 'settings' })} />;
  }
}

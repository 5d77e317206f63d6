// Top level: vault state (create / unlock / open), navigation, import, lock, undo toasts.
// The open vault's parts are in app/.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LockReason, VaultStatus } from '../../shared/api.js';
import type { IdentityReport } from '../../shared/domain.js';
import { activeTab, tabScreen, type Screen } from './app/navigation.js';
import { ScreenView } from './app/ScreenView.js';
import { TopBar } from './app/TopBar.js';
import { useAddRecords } from './app/useAddRecords.js';
import { errorMessage, useBridge } from './bridge-context.js';
import { DropZone, ImportStatus } from './components/ImportPanel.js';
import { useImport } from './components/useImport.js';
import { UndoToasts, useUndo } from './components/UndoToasts.js';
import { CreateVault } from './screens/CreateVault.js';
import { EMPTY_LIBRARY_VIEW, type LibraryView } from './screens/Library.js';
import { Unlock } from './screens/Unlock.js';

export function App() {
  const bridge = useBridge();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [lockedReason, setLockedReason] = useState<LockReason | null>(null);
  // From "Create my vault" until the recovery key is acknowledged, the first-run screen stays,
  // although the vault already exists and is unlocked.
  const [firstRun, setFirstRun] = useState(false);

  const refresh = useCallback(() => bridge.call('vault.status', {}).then(setStatus, (e: unknown) => setFatal(errorMessage(e))), [bridge]);
  useEffect(() => void refresh(), [refresh]);
  useEffect(
    // The service announces every change of the vault's state; this is the one place that listens.
    () => bridge.on('vault.status', ({ lockReason, ...next }) => {
      if (!next.unlocked) setLockedReason(lockReason ?? null);
      setStatus(next);
    }),
    [bridge],
  );

  if (fatal) return <main className="centered"><div className="panel narrow"><h1>Dossier could not start</h1><p className="error" role="alert">{fatal}</p><button type="button" onClick={() => { setFatal(null); void refresh(); }}>Try again</button></div></main>;
  if (!status) return <main className="centered"><p aria-live="polite">Opening…</p></main>;
  if (!status.exists || firstRun) return <CreateVault onStarted={() => setFirstRun(true)} onDone={() => { setFirstRun(false); void refresh(); }} />;
  if (!status.unlocked) return <Unlock lockedReason={lockedReason} onUnlocked={(s) => { setLockedReason(null); setStatus(s); }} />;
  return <OpenVault status={status} onStatus={setStatus} onLock={async () => setStatus(await bridge.call('vault.lock', {}))} />;
}

function OpenVault({ status, onStatus, onLock }: { status: VaultStatus; onStatus: (s: VaultStatus) => void; onLock: () => Promise<void> }) {
  const bridge = useBridge();
  const [screen, setScreen] = useState<Screen>({ name: 'library' });
  const [version, setVersion] = useState(0);
  const [identities, setIdentities] = useState<IdentityReport | null>(null);
  // Kept here so a record opened from the library comes back to the same list (and "Show records"
  // on the People screen can open it filtered to one person).
  const [libraryView, setLibraryView] = useState<LibraryView>(EMPTY_LIBRARY_VIEW);
  const addButton = useRef<HTMLButtonElement>(null);
  const bumped = useCallback(() => setVersion((v) => v + 1), []);
  const imports = useImport(bumped);
  const undo = useUndo(bumped);
  const adding = useAddRecords(imports);
  const browser = bridge.platform === 'browser';

  useEffect(() => void bridge.call('records.identities', {}).then(setIdentities, () => setIdentities(null)), [bridge, version]);
  const onDeleted = (ids: string[], label: string) => {
    undo.push(ids, label);
    bumped();
  };

  return (
    <div className="app">
      <a className="skip" href="#main">Skip to content</a>
      {screen.name === 'library' && <a className="skip" href="#records-list" onClick={(e) => { e.preventDefault(); document.querySelector<HTMLElement>('#records-list [tabindex="0"]')?.focus(); }}>Skip to the list of records</a>}
      <TopBar active={activeTab(screen)} onTab={(name) => setScreen(tabScreen(name))} adding={adding} browser={browser} importing={imports.running} addButton={addButton} onLock={() => void onLock()} />
      <main id="main" tabIndex={-1} className="content">
        <ScreenView screen={screen} go={setScreen} version={version} changed={bumped} identities={identities} libraryView={libraryView} onLibraryView={setLibraryView}
          status={status} onStatus={onStatus} onAdd={() => void adding.addRecords()} onDeleted={onDeleted} onTrashEmptied={undo.clear} />
      </main>
      <ImportStatus state={imports} onClose={() => { imports.dismiss(); (addButton.current ?? document.getElementById('main'))?.focus(); }} />
      <UndoToasts undo={undo} />
      <DropZone enabled={!imports.running} walkFolders={browser} onFiles={adding.onDropped} />
    </div>
  );
}

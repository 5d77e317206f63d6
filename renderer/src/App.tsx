// Top level: vault state (create / unlock / open), navigation, import, lock, undo toasts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LockReason, VaultStatus } from '../../shared/api.js';
import type { IdentityReport } from '../../shared/domain.js';
import { errorMessage, useBridge } from './bridge-context.js';
import { DropZone, ImportStatus } from './components/ImportPanel.js';
import { recordsWithIdentityWarning } from './components/identity.js';
import { useImport } from './components/useImport.js';
import { UndoToasts, useUndo } from './components/UndoToasts.js';
import { Cases } from './screens/Cases.js';
import { CreateVault } from './screens/CreateVault.js';
import { HealthSummary } from './screens/HealthSummary.js';
import { Library, EMPTY_LIBRARY_VIEW, type LibraryView } from './screens/Library.js';
import { People } from './screens/People.js';
import { RecordDetail } from './screens/RecordDetail.js';
import { Settings } from './screens/Settings.js';
import { Timeline } from './screens/Timeline.js';
import { Trash } from './screens/Trash.js';
import { Unlock } from './screens/Unlock.js';

/** Where "Back" returns to from a record: the list it was opened from, with that record focused. */
type From = 'library' | 'timeline' | 'health';
/** The record to focus again when a list comes back, and where it was. */
type Focus = { id: string; index: number };
type Screen =
  | { name: 'library'; focus?: Focus }
  | { name: 'record'; id: string; from: From; index: number }
  | { name: 'timeline'; focus?: Focus }
  | { name: 'health' }
  | { name: 'cases' }
  | { name: 'people' }
  | { name: 'settings' }
  | { name: 'trash' };

const TABS: { name: Screen['name']; label: string }[] = [
  { name: 'library', label: 'Records' },
  { name: 'timeline', label: 'Timeline' },
  { name: 'health', label: 'Health' },
  { name: 'cases', label: 'Cases' },
  { name: 'people', label: 'People' },
  { name: 'settings', label: 'Settings' },
];

const BACK_LABELS: Record<From, string> = { library: 'Back to records', timeline: 'Back to the timeline', health: 'Back to the health summary' };

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
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => void bridge.call('records.identities', {}).then(setIdentities, () => setIdentities(null)), [bridge, version]);
  useEffect(() => folderInput.current?.setAttribute('webkitdirectory', ''), []);

  const addRecords = async () => {
    if (bridge.platform === 'electron') {
      const chosen = await bridge.pickImportSources();
      if (chosen) await imports.importPaths(chosen.map((c) => c.grant));
    } else fileInput.current?.click();
  };
  const { importFiles } = imports;
  const onDropped = useCallback((files: File[]) => void importFiles(files), [importFiles]);
  const onPicked = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (files.length > 0) void imports.importFiles(files);
  };
  const onDeleted = (ids: string[], label: string) => {
    undo.push(ids, label);
    bumped();
  };
  const active = screen.name === 'record' ? screen.from : screen.name === 'trash' ? 'settings' : screen.name;

  return (
    <div className="app">
      <a className="skip" href="#main">Skip to content</a>
      {screen.name === 'library' && <a className="skip" href="#records-list" onClick={(e) => { e.preventDefault(); document.querySelector<HTMLElement>('#records-list [tabindex="0"]')?.focus(); }}>Skip to the list of records</a>}
      <header className="topbar">
        <span className="brand"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 3h9l4 4v14H6zM14 3v5h5M9 14l2 2 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" /></svg>Dossier</span>
        <nav aria-label="Main">
          {TABS.map((t) => (
            <button key={t.name} type="button" className={`tab${active === t.name ? ' active' : ''}`} aria-current={active === t.name ? 'page' : undefined} onClick={() => setScreen({ name: t.name } as Screen)}>{t.label}</button>
          ))}
        </nav>
        <div className="top-actions">
          <button ref={addButton} type="button" className="primary" onClick={() => void addRecords()} disabled={imports.running}>Add records…</button>
          {bridge.platform === 'browser' && <button type="button" onClick={() => folderInput.current?.click()} disabled={imports.running}>Add a folder…</button>}
          <button type="button" className="lock" onClick={() => void onLock()} aria-label="Lock Dossier">
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" /></svg>
            Lock
          </button>
        </div>
        <input ref={fileInput} type="file" multiple hidden aria-hidden="true" tabIndex={-1} onChange={(e) => { onPicked(e.target.files); e.target.value = ''; }} />
        <input ref={folderInput} type="file" multiple hidden aria-hidden="true" tabIndex={-1} onChange={(e) => { onPicked(e.target.files); e.target.value = ''; }} />
      </header>
      <main id="main" tabIndex={-1} className="content">
        {screen.name === 'library' && (
          <Library
            version={version}
            identities={identities}
            view={libraryView}
            onView={setLibraryView}
            focusId={screen.focus}
            onOpen={(id, index) => setScreen({ name: 'record', id, from: 'library', index })}
            onAdd={() => void addRecords()}
            onChanged={bumped}
            onDeleted={onDeleted}
          />
        )}
        {screen.name === 'record' && (
          <RecordDetail
            id={screen.id}
            identityWarning={recordsWithIdentityWarning(identities).has(screen.id)}
            backLabel={BACK_LABELS[screen.from]}
            onBack={() => setScreen({ name: screen.from, focus: { id: screen.id, index: screen.index } } as Screen)}
            onDeleted={(id, title) => { onDeleted([id], `“${title}”`); setScreen({ name: screen.from } as Screen); }}
            onChanged={bumped}
          />
        )}
        {screen.name === 'timeline' && <Timeline version={version} focus={screen.focus} onOpen={(id, index) => setScreen({ name: 'record', id, from: 'timeline', index })} />}
        {screen.name === 'health' && <HealthSummary version={version} onOpenRecord={(id) => setScreen({ name: 'record', id, from: 'health', index: 0 })} />}
        {screen.name === 'cases' && <Cases version={version} />}
        {screen.name === 'people' && <People version={version} onShowRecords={(id) => { setLibraryView({ ...EMPTY_LIBRARY_VIEW, personId: id }); setScreen({ name: 'library' }); }} />}
        {screen.name === 'settings' && <Settings status={status} onStatus={onStatus} onTrashEmptied={undo.clear} onOpenTrash={() => setScreen({ name: 'trash' })} />}
        {screen.name === 'trash' && <Trash version={version} onChanged={bumped} onEmptied={undo.clear} onBack={() => setScreen({ name: 'settings' })} />}
      </main>
      <ImportStatus state={imports} onClose={() => { imports.dismiss(); (addButton.current ?? document.getElementById('main'))?.focus(); }} />
      <UndoToasts undo={undo} />
      <DropZone enabled={!imports.running} walkFolders={bridge.platform === 'browser'} onFiles={onDropped} />
    </div>
  );
}

// Top level: vault state (create / unlock / open), navigation, import, lock, undo toast.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LockReason, VaultStatus } from '../../shared/api.js';
import type { IdentityReport } from '../../shared/domain.js';
import { errorMessage, useBridge } from './bridge-context.js';
import { DropZone, ImportStatus } from './components/ImportPanel.js';
import { recordsWithIdentityWarning } from './components/identity.js';
import { useImport } from './components/useImport.js';
import { Cases } from './screens/Cases.js';
import { CreateVault } from './screens/CreateVault.js';
import { HealthSummary } from './screens/HealthSummary.js';
import { Library } from './screens/Library.js';
import { People } from './screens/People.js';
import { RecordDetail } from './screens/RecordDetail.js';
import { Settings } from './screens/Settings.js';
import { Unlock } from './screens/Unlock.js';

type Screen = { name: 'library' } | { name: 'record'; id: string } | { name: 'health' } | { name: 'cases' } | { name: 'people' } | { name: 'settings' };

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
  const [undo, setUndo] = useState<{ id: string; title: string } | null>(null);
  // Kept here so "Show records" on the People screen can open the library filtered to one person.
  const [personFilter, setPersonFilter] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const bumped = useCallback(() => setVersion((v) => v + 1), []);
  const imports = useImport(bumped);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => void bridge.call('records.identities', {}).then(setIdentities, () => setIdentities(null)), [bridge, version]);
  useEffect(() => folderInput.current?.setAttribute('webkitdirectory', ''), []);

  const go = (s: Screen) => {
    setScreen(s);
    mainRef.current?.focus();
  };
  const addRecords = async () => {
    if (bridge.platform === 'electron') {
      const paths = await bridge.pickImportSources();
      if (paths) await imports.importPaths(paths);
    } else fileInput.current?.click();
  };
  const { importFiles } = imports;
  const onDropped = useCallback((files: File[]) => void importFiles(files), [importFiles]);
  const onPicked = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (files.length > 0) void imports.importFiles(files);
  };
  const tab = (name: Screen['name'], label: string) => (
    <button type="button" className={`tab${screen.name === name || (name === 'library' && screen.name === 'record') ? ' active' : ''}`} aria-current={screen.name === name ? 'page' : undefined} onClick={() => go({ name } as Screen)}>{label}</button>
  );

  return (
    <div className="app">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 3h9l4 4v14H6zM14 3v5h5M9 14l2 2 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" /></svg>Dossier</span>
        <nav aria-label="Main">{tab('library', 'Records')}{tab('health', 'Health')}{tab('cases', 'Cases')}{tab('people', 'People')}{tab('settings', 'Settings')}</nav>
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
      <main id="main" ref={mainRef} tabIndex={-1} className="content">
        {screen.name === 'library' && <Library version={version} identities={identities} personId={personFilter} onPersonId={setPersonFilter} onOpen={(id) => go({ name: 'record', id })} onAdd={() => void addRecords()} />}
        {screen.name === 'record' && (
          <RecordDetail
            id={screen.id}
            identityWarning={recordsWithIdentityWarning(identities).has(screen.id)}
            onBack={() => go({ name: 'library' })}
            onDeleted={(id, title) => { setUndo({ id, title }); bumped(); go({ name: 'library' }); }}
            onChanged={bumped}
          />
        )}
        {screen.name === 'health' && <HealthSummary version={version} onOpenRecord={(id) => go({ name: 'record', id })} />}
        {screen.name === 'cases' && <Cases version={version} />}
        {screen.name === 'people' && <People version={version} onShowRecords={(id) => { setPersonFilter(id); go({ name: 'library' }); }} />}
        {screen.name === 'settings' && <Settings status={status} onStatus={onStatus} onTrashEmptied={() => setUndo(null)} />}
      </main>
      <ImportStatus state={imports} onClose={() => { imports.dismiss(); (addButton.current ?? mainRef.current)?.focus(); }} />
      {undo && (
        <div className="toast" role="status">
          “{undo.title}” moved to the trash.
          <button type="button" onClick={() => void bridge.call('records.restore', { ids: [undo.id] }).then(() => { setUndo(null); bumped(); })}>Undo</button>
          <button type="button" className="icon" aria-label="Dismiss" onClick={() => setUndo(null)}>✕</button>
        </div>
      )}
      <DropZone enabled={!imports.running} walkFolders={bridge.platform === 'browser'} onFiles={onDropped} />
    </div>
  );
}

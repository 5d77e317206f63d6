// The open vault's top bar: the brand, the main tabs, "Add records…" (and in the browser "Add a
// folder…"), Lock, and the hidden file inputs the browser's add buttons open.
import type { RefObject } from 'react';
import { TABS, type TabName } from './navigation.js';
import type { useAddRecords } from './useAddRecords.js';

export function TopBar({ active, onTab, adding, browser, importing, addButton, onLock }: {
  active: TabName;
  onTab: (name: TabName) => void;
  adding: ReturnType<typeof useAddRecords>;
  /** The browser host: a folder is added through its own input. */
  browser: boolean;
  importing: boolean;
  addButton: RefObject<HTMLButtonElement | null>;
  onLock: () => void;
}) {
  const picked = (e: { target: HTMLInputElement }) => {
    adding.onPicked(e.target.files);
    e.target.value = '';
  };
  return (
    <header className="topbar">
      <span className="brand"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 3h9l4 4v14H6zM14 3v5h5M9 14l2 2 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" /></svg>Dossier</span>
      <nav aria-label="Main">
        {TABS.map((t) => (
          <button key={t.name} type="button" className={`tab${active === t.name ? ' active' : ''}`} aria-current={active === t.name ? 'page' : undefined} onClick={() => onTab(t.name)}>{t.label}</button>
        ))}
      </nav>
      <div className="top-actions">
        <button ref={addButton} type="button" className="primary" onClick={() => void adding.addRecords()} disabled={importing}>Add records…</button>
        {browser && <button type="button" onClick={adding.addFolder} disabled={importing}>Add a folder…</button>}
        <button type="button" className="lock" onClick={onLock} aria-label="Lock Dossier">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" /></svg>
          Lock
        </button>
      </div>
      <input ref={adding.fileInput} type="file" multiple hidden aria-hidden="true" tabIndex={-1} onChange={picked} />
      <input ref={adding.folderInput} type="file" multiple hidden aria-hidden="true" tabIndex={-1} onChange={picked} />
    </header>
  );
}

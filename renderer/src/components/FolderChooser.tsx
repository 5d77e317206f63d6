// Browser mode's folder chooser (a page has no native dialog and must never send a path): the
// host lists removable drives first, then the home folder; the person opens folders, makes one,
// or types a whole path, and chooses. The result is a grant (shared/path-params.ts) and a label.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FolderListing, FolderPlace, FolderProblem } from '../../../shared/folders.js';
import { FOLDER_PROBLEMS } from '../../../shared/folders.js';
import type { ChosenPath, PathPurpose } from '../../../shared/path-params.js';
import { describeFolderProblem } from '../../../shared/words/folders.js';
import { isApiErrorShape } from '../../../shared/errors.js';
import type { FolderChooserBridge } from '../../../shared/api.js';
import { errorMessage } from '../bridge-context.js';
import { Dialog } from './Dialog.js';

/** The chooser's words for a refusal: from its problem code, never from the message. */
function problemText(err: unknown): string {
  const details = isApiErrorShape(err) ? err.details : undefined;
  const problem = details?.['problem'];
  const where = typeof details?.['path'] === 'string' ? details['path'] : undefined;
  return (FOLDER_PROBLEMS as readonly unknown[]).includes(problem) ? describeFolderProblem(problem as FolderProblem, where) : errorMessage(err);
}

export function FolderChooser({ folders, title, purpose, fileName, onChosen, onCancel }: {
  folders: FolderChooserBridge;
  title: string;
  purpose: PathPurpose;
  /** Set to save a file (a zip) in the chosen folder: the name, editable. */
  fileName?: string;
  onChosen: (chosen: ChosenPath) => void;
  onCancel: () => void;
}) {
  const [places, setPlaces] = useState<FolderPlace[]>([]);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [typed, setTyped] = useState('');
  const [newName, setNewName] = useState('');
  const [name, setName] = useState(fileName ?? '');
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstPlace = useRef<HTMLButtonElement>(null);

  const attempt = async (job: () => Promise<void>) => {
    setError(null);
    try {
      await job();
    } catch (err) {
      setError(problemText(err));
    }
  };
  const show = (next: FolderListing) => setListing(next);
  // The folder that opened is announced: its path (the heading) takes the focus.
  useEffect(() => {
    if (listing) heading.current?.focus();
  }, [listing]);
  useEffect(() => void attempt(async () => setPlaces(await folders.call('folders.places', {}))), [folders]);
  // The places arrive after the dialog opened: the first one (a USB stick, else home) takes focus.
  const loaded = places.length > 0;
  useEffect(() => {
    if (loaded) firstPlace.current?.focus();
  }, [loaded]);

  const open = (handle: string) => attempt(async () => show(await folders.call('folders.list', { handle })));
  const go = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    void attempt(async () => show(await folders.call('folders.open', { typed })));
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (listing) void attempt(async () => (show(await folders.call('folders.create', { handle: listing.handle, name: newName })), setNewName('')));
  };
  const choose = () =>
    listing && attempt(async () => onChosen(await folders.call('folders.choose', { handle: listing.handle, purpose, ...(fileName !== undefined ? { fileName: name } : {}) })));

  return (
    <Dialog title={title} onClose={onCancel}>
      <div className="chooser">
        <div className="row tight places" role="group" aria-label="Places">
          {places.map((p) => (
            <button key={p.handle} ref={p === places[0] ? firstPlace : undefined} type="button" onClick={() => void open(p.handle)}>
              {p.kind === 'removable' ? `USB or disc: ${p.label}` : p.label}
            </button>
          ))}
        </div>
        {listing && (
          <section className="folder" aria-labelledby="folder-path">
            <h3 id="folder-path" tabIndex={-1} ref={heading} className="path">{listing.path}</h3>
            {listing.parent && <button type="button" onClick={() => void open(listing.parent!)}>Up one folder</button>}
            <ul className="folder-list" aria-label="Folders in this folder">
              {listing.folders.length === 0 && <li className="hint">No folders here.</li>}
              {listing.folders.map((f) => <li key={f.handle}><button type="button" className="link" onClick={() => void open(f.handle)}>{f.name}</button></li>)}
            </ul>
            <form className="row tight" onSubmit={create}>
              <label htmlFor="fc-new" className="sr-only">Name of a new folder here</label>
              <input id="fc-new" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="New folder name" />
              <button type="submit" disabled={!newName.trim()}>Make folder</button>
            </form>
          </section>
        )}
        <form className="row tight" onSubmit={go}>
          <label htmlFor="fc-typed" className="sr-only">Go to a folder by its whole path</label>
          <input id="fc-typed" className="mono" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="Or type a whole path, e.g. /media/you/USB" />
          <button type="submit" disabled={!typed.trim()}>Go</button>
        </form>
        {fileName !== undefined && (
          <>
            <label htmlFor="fc-name">File name</label>
            <input id="fc-name" value={name} onChange={(e) => setName(e.target.value)} />
          </>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="row">
          <button type="button" className="primary" disabled={!listing || (fileName !== undefined && !name.trim())} onClick={() => void choose()}>
            {fileName !== undefined ? 'Save here' : 'Use this folder'}
          </button>
          <button type="button" onClick={onCancel}>Cancel</button>
        </div>
      </div>
    </Dialog>
  );
}

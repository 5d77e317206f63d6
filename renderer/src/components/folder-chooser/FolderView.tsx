// The open folder: its path (which takes the focus when it opens), "Up one folder", the folders
// in it, and making a new one.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FolderListing } from '../../../../shared/folders.js';

export function FolderView({ listing, onOpen, onCreate }: { listing: FolderListing; onOpen: (handle: string) => void; onCreate: (name: string) => Promise<boolean> }) {
  const [newName, setNewName] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // The folder that opened is announced: its path (the heading) takes the focus.
  useEffect(() => heading.current?.focus(), [listing]);
  const create = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    void onCreate(newName).then((made) => made && setNewName(''));
  };
  return (
    <section className="folder" aria-labelledby="folder-path">
      <h3 id="folder-path" tabIndex={-1} ref={heading} className="path">{listing.path}</h3>
      {listing.parent && <button type="button" onClick={() => onOpen(listing.parent!)}>Up one folder</button>}
      <ul className="folder-list" aria-label="Folders in this folder">
        {listing.folders.length === 0 && <li className="hint">No folders here.</li>}
        {listing.folders.map((f) => <li key={f.handle}><button type="button" className="link" onClick={() => onOpen(f.handle)}>{f.name}</button></li>)}
      </ul>
      <form className="row tight" onSubmit={create}>
        <label htmlFor="fc-new" className="sr-only">Name of a new folder here</label>
        <input id="fc-new" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="New folder name" />
        <button type="submit" disabled={!newName.trim()}>Make folder</button>
      </form>
    </section>
  );
}

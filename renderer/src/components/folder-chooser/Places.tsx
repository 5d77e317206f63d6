// Where to start: removable drives first, then the home folder. The first place takes the focus
// once the places arrive (after the dialog opened).
import { useEffect, useRef, useState } from 'react';
import type { FolderPlace } from '../../../../shared/folders.js';

export function Places({ places, onOpen }: { places: FolderPlace[]; onOpen: (handle: string) => void }) {
  const firstPlace = useRef<HTMLButtonElement>(null);
  const loaded = places.length > 0;
  useEffect(() => {
    if (loaded) firstPlace.current?.focus();
  }, [loaded]);
  return (
    <div className="row tight places" role="group" aria-label="Places">
      {places.map((p) => (
        <button key={p.handle} ref={p === places[0] ? firstPlace : undefined} type="button" onClick={() => onOpen(p.handle)}>
          {p.kind === 'removable' ? `USB or disc: ${p.label}` : p.label}
        </button>
      ))}
    </div>
  );
}

/** "Or type a whole path": opens the folder typed. */
export function TypedPath({ onGo }: { onGo: (typed: string) => void }) {
  const [typed, setTyped] = useState('');
  return (
    <form
      className="row tight"
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation();
        onGo(typed);
      }}
    >
      <label htmlFor="fc-typed" className="sr-only">Go to a folder by its whole path</label>
      <input id="fc-typed" className="mono" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="Or type a whole path, e.g. /media/you/USB" />
      <button type="submit" disabled={!typed.trim()}>Go</button>
    </form>
  );
}

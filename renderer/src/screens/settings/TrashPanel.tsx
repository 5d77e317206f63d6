// Settings → Trash: how many records wait there, "Open the trash", and "Empty trash…" confirmed in place.
import { useState } from 'react';
import { trashCountText, useTrashCount } from './useTrashCount.js';

export function TrashPanel({ onTrashEmptied, onOpenTrash }: { onTrashEmptied?: () => void; onOpenTrash: () => void }) {
  const { trashed, message, empty } = useTrashCount(onTrashEmptied);
  const [confirming, setConfirming] = useState(false);
  const emptyNow = () => {
    setConfirming(false);
    void empty();
  };

  return (
    <section className="panel" aria-labelledby="trash-title">
      <h2 id="trash-title">Trash</h2>
      <p className="hint">
        Deleted records wait in the trash (hidden, never exported) so a mistake can be undone.
        Emptying it removes them and their files from this computer for good.
      </p>
      <p>{trashCountText(trashed)}</p>
      <button type="button" onClick={onOpenTrash}>Open the trash</button>
      {confirming ? (
        <div className="row" role="group" aria-label="Confirm emptying the trash">
          <button type="button" className="danger" onClick={emptyNow}>Delete {trashed === 1 ? 'it' : 'them'} for good</button>
          <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      ) : (
        <button type="button" disabled={!trashed} onClick={() => setConfirming(true)}>Empty trash…</button>
      )}
      <p className="hint" role="status">{message}</p>
    </section>
  );
}

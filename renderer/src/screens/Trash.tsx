// The trash: deleted records wait here (hidden, never exported) until it is emptied. Restore one,
// several or all; empty it — which deletes them and their files from this computer for good.
import { useRef, useState } from 'react';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { plural } from '../format.js';
import { EmptyTrashDialog, TrashRow } from './trash/TrashParts.js';
import { useTrash } from './trash/useTrash.js';

export function Trash({ version, onChanged, onEmptied, onBack }: { version: number; onChanged: () => void; onEmptied: () => void; onBack: () => void }) {
  const { records, chosen, message, restore, empty, toggle } = useTrash(version, onChanged, onEmptied);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const emptyNow = () => {
    setConfirming(false);
    void empty();
  };

  return (
    <div className="trash">
      <button type="button" className="back" onClick={onBack}>← Back to settings</button>
      <h1 tabIndex={-1} ref={heading}>Trash</h1>
      <p className="lead">Deleted records wait here, hidden and never exported, until you empty the trash.</p>
      <p className="hint" role="status">{message}</p>
      {records && records.length === 0 && <p className="empty">The trash is empty.</p>}
      {records && records.length > 0 && (
        <>
          <div className="row" role="group" aria-label="What to do with the records in the trash">
            <button type="button" className="primary" disabled={chosen.size === 0} onClick={() => void restore([...chosen])}>
              Restore {chosen.size ? plural(chosen.size, 'selected record') : 'selected'}
            </button>
            <button type="button" onClick={() => void restore('all')}>Restore all {records.length}</button>
            <button type="button" className="danger" onClick={() => setConfirming(true)}>Empty trash…</button>
          </div>
          <ul className="trash-list" aria-label="Records in the trash">
            {records.map((r) => <TrashRow key={r.id} record={r} chosen={chosen.has(r.id)} onToggle={(on) => toggle(r.id, on)} onRestore={() => void restore([r.id])} />)}
          </ul>
        </>
      )}
      {confirming && records && <EmptyTrashDialog count={records.length} onEmpty={emptyNow} onKeep={() => setConfirming(false)} />}
    </div>
  );
}

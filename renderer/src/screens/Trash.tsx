// The trash: deleted records wait here (hidden, never exported) until it is emptied. Restore one,
// several or all; empty it — which deletes them and their files from this computer for good.
import { useEffect, useRef, useState } from 'react';
import type { RecordSummary } from '../../../shared/domain.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { Dialog } from '../components/Dialog.js';
import { RecordWho, typeLabel } from '../components/RecordCard.js';
import { useFocusOnMount } from '../components/useFocusOnMount.js';
import { formatBytes, formatDate, plural } from '../format.js';

export function Trash({ version, onChanged, onEmptied, onBack }: { version: number; onChanged: () => void; onEmptied: () => void; onBack: () => void }) {
  const bridge = useBridge();
  const [records, setRecords] = useState<RecordSummary[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);

  const load = () => bridge.call('records.trash', {}).then(setRecords, (err: unknown) => setMessage(errorMessage(err)));
  useEffect(() => void load(), [bridge, version]);

  async function act(job: () => Promise<string>) {
    try {
      setMessage(await job());
      setChosen(new Set());
      onChanged();
      await load();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }
  const restore = (ids: string[] | 'all') => act(async () => `${plural((await bridge.call('records.restore', { ids })).restored, 'record')} put back among your records.`);
  const empty = () => {
    setConfirming(false);
    void act(async () => {
      const { purged } = await bridge.call('records.emptyTrash', {});
      onEmptied(); // an "Undo" for a purged record would fail: withdraw the offers
      return `Deleted ${plural(purged, 'record')} for good.`;
    });
  };
  const toggle = (id: string, on: boolean) => setChosen((old) => new Set(on ? [...old, id] : [...old].filter((x) => x !== id)));

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
            {records.map((r) => (
              <li key={r.id} className="panel trash-row">
                <input id={`t-${r.id}`} type="checkbox" checked={chosen.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                <label htmlFor={`t-${r.id}`} className="grow">
                  <span className="card-title">{r.title}</span>
                  <RecordWho record={r} personName={null} />
                  <span className="card-meta">{[typeLabel(r), formatDate(r.date), formatBytes(r.sizeBytes), `deleted ${formatDate(r.deletedAt)}`].join(' · ')}</span>
                </label>
                <button type="button" onClick={() => void restore([r.id])} aria-label={`Restore ${r.title}`}>Restore</button>
              </li>
            ))}
          </ul>
        </>
      )}
      {confirming && records && (
        <Dialog title="Empty the trash?" role="alertdialog" onClose={() => setConfirming(false)}>
          <p>{plural(records.length, 'record')} and {records.length === 1 ? 'its files' : 'their files'} will be deleted from this computer for good. This cannot be undone.</p>
          <div className="row">
            <button type="button" className="danger" onClick={empty}>Delete {records.length === 1 ? 'it' : 'them'} for good</button>
            <button type="button" data-autofocus onClick={() => setConfirming(false)}>Keep them</button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

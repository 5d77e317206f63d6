// A record in the trash (tick it, or restore it alone), and the confirmation before emptying.
import type { RecordSummary } from '../../../../shared/domain.js';
import { Dialog } from '../../components/Dialog.js';
import { RecordWho, typeLabel } from '../../components/RecordCard.js';
import { formatBytes, formatDate, plural } from '../../format.js';

export function TrashRow({ record: r, chosen, onToggle, onRestore }: { record: RecordSummary; chosen: boolean; onToggle: (on: boolean) => void; onRestore: () => void }) {
  return (
    <li className="panel trash-row">
      <input id={`t-${r.id}`} type="checkbox" checked={chosen} onChange={(e) => onToggle(e.target.checked)} />
      <label htmlFor={`t-${r.id}`} className="grow">
        <span className="card-title">{r.title}</span>
        <RecordWho record={r} personName={null} />
        <span className="card-meta">{[typeLabel(r), formatDate(r.date), formatBytes(r.sizeBytes), `deleted ${formatDate(r.deletedAt)}`].join(' · ')}</span>
      </label>
      <button type="button" onClick={onRestore} aria-label={`Restore ${r.title}`}>Restore</button>
    </li>
  );
}

export function EmptyTrashDialog({ count, onEmpty, onKeep }: { count: number; onEmpty: () => void; onKeep: () => void }) {
  return (
    <Dialog title="Empty the trash?" role="alertdialog" onClose={onKeep}>
      <p>{plural(count, 'record')} and {count === 1 ? 'its files' : 'their files'} will be deleted from this computer for good. This cannot be undone.</p>
      <div className="row">
        <button type="button" className="danger" onClick={onEmpty}>Delete {count === 1 ? 'it' : 'them'} for good</button>
        <button type="button" data-autofocus onClick={onKeep}>Keep them</button>
      </div>
    </Dialog>
  );
}

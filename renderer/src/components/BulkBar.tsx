// What to do with the selected records, all at once: assign them to a person, add them to a case,
// tag them, move them to the trash (each deletion can be undone).
import type { Person } from '../../../shared/domain.js';
import { AssignForm, CaseForm, TagForm } from './bulk/BulkForms.js';
import { useBulkActions } from './bulk/useBulkActions.js';

export function BulkBar({ ids, people, total, onSelectAll, onClear, onChanged, onDeleted }: {
  ids: string[];
  people: Person[];
  /** How many records the list shows (for "Select all"). */
  total: number;
  onSelectAll: () => void;
  onClear: () => void;
  onChanged: () => void;
  onDeleted: (ids: string[], label: string) => void;
}) {
  const bulk = useBulkActions({ ids, people, onChanged, onDeleted, onClear });
  return (
    <section className="bulk-bar" aria-labelledby="bulk-title">
      <h2 id="bulk-title" className="bulk-count" aria-live="polite">{bulk.what} selected</h2>
      <AssignForm people={people} onAssign={bulk.assign} />
      <CaseForm onAdd={bulk.addToCase} />
      <TagForm onAdd={bulk.addTag} />
      <div className="bulk-action">
        <button type="button" className="danger" onClick={bulk.remove}>Move to trash</button>
        {ids.length < total && <button type="button" onClick={onSelectAll}>Select all {total.toLocaleString('en-US')}</button>}
        <button type="button" onClick={onClear}>Clear selection</button>
      </div>
      <p className="hint" role="status">{bulk.message}</p>
    </section>
  );
}

// The health summary of one person: conditions, medications, allergies, procedures and treatments,
// typed by the person or suggested from imported records (confirm or dismiss each), and their
// history in their own words. It goes into every bundle's summary for the doctor.
import { useState } from 'react';
import { HEALTH_KINDS, type HealthItem, type HealthKind } from '../../../shared/health.js';
import { plural } from '../format.js';
import { usePeople } from '../components/usePeople.js';
import { useFocusAfter } from '../components/useFocusAfter.js';
import { HealthItemDialog } from './health/HealthItemDialog.js';
import { itemElementId } from './health/HealthItemRow.js';
import { HealthHistory } from './health/HealthHistory.js';
import { KindSection } from './health/KindSection.js';
import { NOBODY, PersonPicker, UnassignedBanner, useWhose } from './health/PersonPicker.js';
import { useHealthActions } from './health/useHealthActions.js';
import { useHealthItems } from './health/useHealthItems.js';

export function HealthSummary({ version, onOpenRecord }: { version: number; onOpenRecord: (recordId: string) => void }) {
  const { people } = usePeople(version);
  const [who, choose] = useWhose(people);
  const personId = who === NOBODY ? null : who;
  const personName = people.find((p) => p.id === personId)?.name;
  const [showDismissed, setShowDismissed] = useState(false);
  const [editing, setEditing] = useState<{ kind: HealthKind; item?: HealthItem } | null>(null);
  const [message, setMessage] = useState('');
  const { items, unassigned, reload } = useHealthItems(personId, showDismissed, version, setMessage);
  const list = items ?? [];
  const focusAfter = useFocusAfter([items]);
  const { act, adoptUnassigned } = useHealthActions({ items: list, personId, personName, showDismissed, focusAfter, setMessage, reload, edit: (item) => setEditing({ kind: item.kind, item }) });
  const onSaved = (saved: HealthItem) => {
    setEditing(null);
    focusAfter(itemElementId(saved.id));
    setMessage(`Saved “${saved.text}”.`);
    reload();
  };

  const suggested = list.filter((i) => i.status === 'suggested').length;
  return (
    <div className="health">
      <h1>Health summary</h1>
      <p className="lead">What a new doctor needs to know at a glance. It is printed at the start of every bundle you hand over.</p>
      {people.length > 0 && <PersonPicker people={people} who={who} onChoose={choose} />}
      {unassigned > 0 && personName && <UnassignedBanner count={unassigned} personName={personName} onAdopt={adoptUnassigned} onShow={() => choose(NOBODY)} />}
      {who === NOBODY && people.length > 0 && list.length > 0 && (
        <p className="hint">These items belong to no one yet. Open a record and say whose it is, and its items follow; or edit an item to confirm it here.</p>
      )}
      {suggested > 0 && <p className="hint">{plural(suggested, 'item')} were read from your records. Please confirm what is right and dismiss what is not.</p>}
      <p role="status" className="hint">{message}</p>
      {HEALTH_KINDS.map((kind) => (
        <KindSection key={kind} kind={kind} items={list.filter((i) => i.kind === kind)} onAdd={() => setEditing({ kind })} onAction={act} onOpenRecord={onOpenRecord} />
      ))}
      <label className="check">
        <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed(e.target.checked)} />
        Show dismissed items
      </label>
      <HealthHistory personId={personId} />
      {editing && <HealthItemDialog kind={editing.kind} {...(editing.item ? { item: editing.item } : {})} personId={personId} onCancel={() => setEditing(null)} onDone={onSaved} />}
    </div>
  );
}

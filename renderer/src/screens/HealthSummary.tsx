// The health summary of one person: conditions, medications, allergies, procedures and treatments,
// typed by the person or suggested from imported records (confirm or dismiss each), and their
// history in their own words. It goes into every bundle's summary for the doctor.
import { useEffect, useRef, useState } from 'react';
import { HEALTH_KINDS, type HealthItem, type HealthKind, type HealthReviewStatus } from '../../../shared/health.js';
import { HEALTH_KIND_WORDS } from '../../../shared/words/health.js';
import { errorMessage, useBridge } from '../bridge-context.js';
import { plural } from '../format.js';
import { usePeople } from '../components/usePeople.js';
import { useFocusAfter } from '../components/useFocusAfter.js';
import { HealthItemDialog } from './health/HealthItemDialog.js';
import { HealthItemRow, itemElementId, type ItemAction } from './health/HealthItemRow.js';
import { HealthHistory } from './health/HealthHistory.js';

const NOBODY = '';
const NEXT_STATUS: Record<'confirm' | 'dismiss', HealthReviewStatus> = { confirm: 'confirmed', dismiss: 'dismissed' };

export function HealthSummary({ version, onOpenRecord }: { version: number; onOpenRecord: (recordId: string) => void }) {
  const bridge = useBridge();
  const { people } = usePeople(version);
  const [who, setWho] = useState(NOBODY);
  const chosen = useRef(false);
  const [items, setItems] = useState<HealthItem[] | null>(null);
  const [unassigned, setUnassigned] = useState(0);
  const [showDismissed, setShowDismissed] = useState(false);
  const [editing, setEditing] = useState<{ kind: HealthKind; item?: HealthItem } | null>(null);
  const [message, setMessage] = useState('');
  const [reload, setReload] = useState(0);
  const focusAfter = useFocusAfter([items]);
  const personId = who === NOBODY ? null : who;

  // The first person's summary, unless the person already chose.
  useEffect(() => {
    if (!chosen.current && people[0]) setWho(people[0].id);
  }, [people]);
  useEffect(() => {
    let live = true;
    bridge.call('health.list', { personId, ...(showDismissed ? { includeDismissed: true } : {}) }).then((list) => live && setItems(list), (e: unknown) => live && setMessage(errorMessage(e)));
    if (personId) bridge.call('health.list', { personId: null }).then((list) => live && setUnassigned(list.length), () => undefined);
    else setUnassigned(0);
    return () => {
      live = false;
    };
  }, [bridge, personId, showDismissed, version, reload]);

  const personName = people.find((p) => p.id === personId)?.name;
  /** The suggestions nobody is set for become this person's (their records stay as they are). */
  async function adoptUnassigned() {
    if (!personId) return;
    try {
      const list = await bridge.call('health.list', { personId: null });
      for (const item of list) await bridge.call('health.update', { id: item.id, patch: { personId } });
      focusAfter('h-person');
      setMessage(`${plural(list.length, 'item')} added to ${personName}'s summary. Please check them.`);
      setReload((n) => n + 1);
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  const choose = (id: string) => {
    chosen.current = true;
    setWho(id);
  };

  /** Focus after an item leaves the list: the next item, else the previous, else its section's Add button. */
  function neighbour(item: HealthItem): string {
    const same = (items ?? []).filter((i) => i.kind === item.kind);
    const at = same.findIndex((i) => i.id === item.id);
    const next = same[at + 1] ?? same[at - 1];
    return next ? itemElementId(next.id) : `add-${item.kind}`;
  }

  async function act(item: HealthItem, action: ItemAction) {
    if (action === 'edit') return setEditing({ kind: item.kind, item });
    try {
      if (action === 'delete') {
        await bridge.call('health.delete', { id: item.id });
        focusAfter(neighbour(item));
        setMessage(`Deleted “${item.text}”.`);
      } else {
        const status = action === 'restore' ? (item.sources.length ? 'suggested' : 'confirmed') : NEXT_STATUS[action];
        await bridge.call('health.update', { id: item.id, patch: { status } });
        focusAfter(status === 'dismissed' && !showDismissed ? neighbour(item) : itemElementId(item.id));
        setMessage(`“${item.text}” ${status === 'dismissed' ? 'dismissed' : status === 'confirmed' ? 'confirmed' : 'restored'}.`);
      }
      setReload((n) => n + 1);
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  const suggested = (items ?? []).filter((i) => i.status === 'suggested').length;
  return (
    <div className="health">
      <h1>Health summary</h1>
      <p className="lead">What a new doctor needs to know at a glance. It is printed at the start of every bundle you hand over.</p>
      {people.length > 0 && (
        <div className="row tight person-pick">
          <label htmlFor="h-person">Whose summary</label>
          <select id="h-person" value={who} onChange={(e) => choose(e.target.value)}>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            <option value={NOBODY}>Not assigned to anyone</option>
          </select>
        </div>
      )}
      {unassigned > 0 && personName && (
        <div className="banner warn" role="note">
          <p>{plural(unassigned, 'item')} read from records that are not assigned to anyone yet: they are not in {personName}'s summary.</p>
          <div className="row tight">
            <button type="button" onClick={() => void adoptUnassigned()}>Add them to {personName}'s summary</button>
            <button type="button" onClick={() => choose(NOBODY)}>Show them first</button>
          </div>
        </div>
      )}
      {who === NOBODY && people.length > 0 && (items ?? []).length > 0 && (
        <p className="hint">These items belong to no one yet. Open a record and say whose it is, and its items follow; or edit an item to confirm it here.</p>
      )}
      {suggested > 0 && <p className="hint">{plural(suggested, 'item')} were read from your records. Please confirm what is right and dismiss what is not.</p>}
      <p role="status" className="hint">{message}</p>
      {HEALTH_KINDS.map((kind) => (
        <KindSection key={kind} kind={kind} items={(items ?? []).filter((i) => i.kind === kind)} onAdd={() => setEditing({ kind })} onAction={(i, a) => void act(i, a)} onOpenRecord={onOpenRecord} />
      ))}
      <label className="check">
        <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed(e.target.checked)} />
        Show dismissed items
      </label>
      <HealthHistory personId={personId} />
      {editing && (
        <HealthItemDialog
          kind={editing.kind}
          {...(editing.item ? { item: editing.item } : {})}
          personId={personId}
          onCancel={() => setEditing(null)}
          onDone={(saved) => {
            setEditing(null);
            focusAfter(itemElementId(saved.id));
            setMessage(`Saved “${saved.text}”.`);
            setReload((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}

function KindSection({ kind, items, onAdd, onAction, onOpenRecord }: {
  kind: HealthKind;
  items: HealthItem[];
  onAdd: () => void;
  onAction: (item: HealthItem, action: ItemAction) => void;
  onOpenRecord: (recordId: string) => void;
}) {
  const words = HEALTH_KIND_WORDS[kind];
  return (
    <section className="health-kind" aria-labelledby={`kind-${kind}`}>
      <div className="case-head">
        <h2 id={`kind-${kind}`}>{words.heading}</h2>
        <button type="button" id={`add-${kind}`} onClick={onAdd}>Add {words.a}…</button>
      </div>
      {items.length === 0 ? <p className="hint">None noted.</p> : (
        <ul className="health-list">
          {items.map((i) => <HealthItemRow key={i.id} item={i} onAction={(a) => onAction(i, a)} onOpenRecord={onOpenRecord} />)}
        </ul>
      )}
    </section>
  );
}

// One kind of health item (conditions, medications…): its heading, "Add…", and its items.
import type { HealthItem, HealthKind } from '../../../../shared/health.js';
import { HEALTH_KIND_WORDS } from '../../../../shared/words/health.js';
import { HealthItemRow, type ItemAction } from './HealthItemRow.js';

export function KindSection({ kind, items, onAdd, onAction, onOpenRecord }: {
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

// Items that cannot go in the bundle — pathology slides and blocks, discs, films — and where each
// one is. The bundle lists them as "sent separately".
import { useState } from 'react';
import { CASE_ITEM_STATUSES, type CaseDetail, type CaseItem } from '../../../../shared/cases.js';
import { CASE_ITEM_STATUS_WORDS } from '../../../../shared/words/journey.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { useFocusAfter } from '../../components/useFocusAfter.js';
import { formatDate } from '../../format.js';
import { ItemDialog } from './ItemDialog.js';

const rowId = (id: string) => `case-item-${id}`;

export function ItemsPanel({ c, onChanged }: { c: CaseDetail; onChanged: (message: string) => void }) {
  const bridge = useBridge();
  const [editing, setEditing] = useState<CaseItem | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const focusAfter = useFocusAfter([c.items]);

  async function remove(item: CaseItem) {
    try {
      await bridge.call('caseItems.delete', { id: item.id });
      focusAfter('add-item');
      onChanged(`Removed “${item.what}”.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <section className="panel" aria-labelledby="items-title">
      <div className="case-head">
        <h2 id="items-title">Sent separately</h2>
        <button type="button" id="add-item" onClick={() => setEditing('new')}>Add an item…</button>
      </div>
      <p className="hint">Second-opinion centres often ask for the pathology slides or blocks themselves. Keep track of them here; the bundle lists them too.</p>
      {error && <p className="error" role="alert">{error}</p>}
      {c.items.length === 0 ? <p className="hint">Nothing sent separately.</p> : (
        <ul className="item-list">
          {c.items.map((i) => (
            <li key={i.id} id={rowId(i.id)} tabIndex={-1} className="item-card" aria-label={i.what}>
              <span className="grow">
                <strong>{i.what}</strong>{i.from ? ` — from ${i.from}` : ''}
                <span className="block"><span className="mark single">{CASE_ITEM_STATUS_WORDS[i.status]}</span> <span className="card-meta">{CASE_ITEM_STATUSES.filter((s) => i.dates[s]).map((s) => `${CASE_ITEM_STATUS_WORDS[s]} ${formatDate(i.dates[s]!)}`).join(' · ')}</span></span>
                {(i.carrier || i.tracking) && <span className="card-meta block">Shipping: {[i.carrier, i.tracking].filter(Boolean).join(' ')}</span>}
              </span>
              <span className="item-actions">
                <button type="button" onClick={() => setEditing(i)} aria-label={`Edit ${i.what}`}>Edit</button>
                <button type="button" className="danger" onClick={() => void remove(i)} aria-label={`Remove ${i.what}`}>Remove</button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <ItemDialog
          caseId={c.id}
          {...(editing !== 'new' ? { item: editing } : {})}
          onCancel={() => setEditing(null)}
          onDone={(saved) => {
            setEditing(null);
            focusAfter(rowId(saved.id));
            onChanged(`Saved “${saved.what}”.`);
          }}
        />
      )}
    </section>
  );
}

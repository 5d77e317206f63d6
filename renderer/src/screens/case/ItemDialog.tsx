// Add or edit a physical item sent separately: slides, blocks, a disc, films.
import { useState, type FormEvent } from 'react';
import { CASE_ITEM_STATUSES, type CaseItem } from '../../../../shared/cases.js';
import { CASE_ITEM_STATUS_WORDS } from '../../../../shared/words/journey.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { Dialog } from '../../components/Dialog.js';
import { itemForm, itemInput, todayIso, withField, type ItemForm } from './item-form.js';
import { FormFooter } from '../../components/FormFooter.js';

const SUGGESTIONS = ['Pathology slides', 'Paraffin blocks', 'Imaging disc (CD/DVD)', 'X-ray films', 'Tissue sample'];
type Setter = (k: keyof ItemForm) => (e: { target: { value: string } }) => void;

export function ItemDialog({ caseId, item, onDone, onCancel }: { caseId: string; item?: CaseItem; onDone: (saved: CaseItem) => void; onCancel: () => void }) {
  const bridge = useBridge();
  const [form, setForm] = useState(() => itemForm(item, todayIso()));
  const [error, setError] = useState<string | null>(null);
  const set: Setter = (k) => (e) => setForm((f) => withField(f, k, e.target.value, item, todayIso()));

  async function submit(e: FormEvent) {
    e.preventDefault();
    e.stopPropagation();
    if (!form.what.trim()) return setError('Please say what it is.');
    const input = itemInput(form);
    try {
      onDone(item ? await bridge.call('caseItems.update', { id: item.id, patch: input }) : await bridge.call('caseItems.add', { caseId, item: input }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog title={item ? 'Edit item' : 'Add an item sent separately'} onClose={onCancel}>
      <form onSubmit={submit}>
        <label htmlFor="it-what">What it is</label>
        <input id="it-what" list="it-what-list" value={form.what} onChange={set('what')} data-autofocus autoComplete="off" placeholder="e.g. Pathology slides (12)" />
        <datalist id="it-what-list">{SUGGESTIONS.map((s) => <option key={s} value={s} />)}</datalist>
        <label htmlFor="it-from">Requested from</label>
        <input id="it-from" value={form.from} onChange={set('from')} placeholder="e.g. City Hospital pathology department" />
        <ItemWhereabouts form={form} set={set} />
        <label htmlFor="it-notes">Notes <span className="hint-inline">(optional)</span></label>
        <textarea id="it-notes" rows={2} value={form.notes} onChange={set('notes')} />
        <FormFooter error={error} submitLabel={item ? 'Save' : 'Add item'} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

/** Where it is now and since when, and how it travels. */
function ItemWhereabouts({ form, set }: { form: ItemForm; set: Setter }) {
  return (
    <div className="form-grid">
      <div>
        <label htmlFor="it-status">Where it is now</label>
        <select id="it-status" value={form.status} onChange={set('status')}>
          {CASE_ITEM_STATUSES.map((s) => <option key={s} value={s}>{CASE_ITEM_STATUS_WORDS[s]}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="it-date">On</label>
        <input id="it-date" type="date" value={form.date} onChange={set('date')} />
      </div>
      <div>
        <label htmlFor="it-carrier">Carrier</label>
        <input id="it-carrier" value={form.carrier} onChange={set('carrier')} placeholder="e.g. FedEx" />
      </div>
      <div>
        <label htmlFor="it-tracking">Tracking number</label>
        <input id="it-tracking" value={form.tracking} onChange={set('tracking')} className="mono" />
      </div>
    </div>
  );
}

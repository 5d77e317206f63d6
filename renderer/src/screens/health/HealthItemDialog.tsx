// Add or edit one health summary item: its words, and the details that apply to its kind.
import { useState, type FormEvent } from 'react';
import {
  ALLERGY_SEVERITIES,
  CLINICAL_STATUSES,
  HEALTH_FIELDS_BY_KIND,
  PARTIAL_DATE,
  PROCEDURE_CATEGORIES,
  type HealthField,
  type HealthFields,
  type HealthItem,
  type HealthKind,
} from '../../../../shared/health.js';
import { CLINICAL_STATUS_WORDS, HEALTH_KIND_WORDS, PROCEDURE_CATEGORY_WORDS, SEVERITY_WORDS, fieldLabel } from '../../../../shared/words/health.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { Dialog } from '../../components/Dialog.js';
import { FormFooter } from '../../components/FormFooter.js';

const TEXT_LABEL: Record<HealthKind, string> = { condition: 'Condition or diagnosis', medication: 'Medicine (name and strength)', allergy: 'Allergic to', procedure: 'Procedure or treatment' };
const DATE_FIELDS: readonly HealthField[] = ['date', 'endDate'];
const CHOICES: Partial<Record<HealthField, (kind: HealthKind) => [string, string][]>> = {
  clinicalStatus: (kind) => CLINICAL_STATUSES[kind].map((s) => [s, CLINICAL_STATUS_WORDS[s]]),
  severity: () => ALLERGY_SEVERITIES.map((s) => [s, SEVERITY_WORDS[s]]),
  category: () => PROCEDURE_CATEGORIES.map((c) => [c, PROCEDURE_CATEGORY_WORDS[c]]),
};

export function HealthItemDialog({ kind, item, personId, onDone, onCancel }: {
  kind: HealthKind;
  item?: HealthItem;
  personId: string | null;
  onDone: (saved: HealthItem) => void;
  onCancel: () => void;
}) {
  const bridge = useBridge();
  const [text, setText] = useState(item?.text ?? '');
  const [fields, setFields] = useState<Record<string, string>>({ ...(item?.fields as Record<string, string> | undefined) });
  const [error, setError] = useState<string | null>(null);
  const badDate = DATE_FIELDS.find((f) => fields[f] && !PARTIAL_DATE.test(fields[f]!.trim()));

  async function submit(e: FormEvent) {
    e.preventDefault();
    e.stopPropagation();
    if (!text.trim()) return setError('Please say what it is.');
    if (badDate) return setError(`${fieldLabel(kind, badDate)}: write a year, a month or a day, like 2019, 2019-05 or 2019-05-14.`);
    const clean = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)) as HealthFields;
    try {
      onDone(item ? await bridge.call('health.update', { id: item.id, patch: { text: text.trim(), fields: clean, ...(item.status === 'suggested' ? { status: 'confirmed' as const } : {}) } }) : await bridge.call('health.add', { kind, text: text.trim(), fields: clean, personId }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog title={item ? `Edit ${HEALTH_KIND_WORDS[kind].one}` : `Add ${HEALTH_KIND_WORDS[kind].a}`} onClose={onCancel}>
      <form onSubmit={submit}>
        <label htmlFor="hi-text">{TEXT_LABEL[kind]}</label>
        <input id="hi-text" value={text} onChange={(e) => setText(e.target.value)} data-autofocus autoComplete="off" />
        {HEALTH_FIELDS_BY_KIND[kind].map((f) => <FieldInput key={f} kind={kind} field={f} value={fields[f] ?? ''} invalid={f === badDate} onChange={(v) => setFields((x) => ({ ...x, [f]: v }))} />)}
        {item?.status === 'suggested' && <p className="hint">Saving also confirms it: it was read from a record, and you have now checked it.</p>}
        <FormFooter error={error} submitLabel={item ? 'Save' : 'Add'} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

function FieldInput({ kind, field, value, invalid, onChange }: { kind: HealthKind; field: HealthField; value: string; invalid: boolean; onChange: (v: string) => void }) {
  const id = `hi-${field}`;
  const label = fieldLabel(kind, field);
  const choices = CHOICES[field]?.(kind);
  if (choices)
    return (
      <>
        <label htmlFor={id}>{label}</label>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Not known</option>
          {choices.map(([v, words]) => <option key={v} value={v}>{words}</option>)}
        </select>
      </>
    );
  if (field === 'detail')
    return (
      <>
        <label htmlFor={id}>{label} <span className="hint-inline">(optional)</span></label>
        <textarea id={id} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
      </>
    );
  const isDate = DATE_FIELDS.includes(field);
  return (
    <>
      <label htmlFor={id}>{label} {isDate && <span className="hint-inline">(a year, month or day: 2019, 2019-05, 2019-05-14)</span>}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} inputMode={isDate ? 'numeric' : undefined} autoComplete="off" />
    </>
  );
}

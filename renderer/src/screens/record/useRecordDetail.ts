// One record loaded for its detail screen, its form, and saving or moving it to the trash.
import { useEffect, useState, type FormEvent } from 'react';
import type { RecordDetail } from '../../../../shared/domain.js';
import { errorMessage, useBridge } from '../../bridge-context.js';
import { EMPTY_RECORD_FORM, recordForm, recordPatch, type RecordForm } from './record-form.js';

export interface RecordDetailState {
  record: RecordDetail | null;
  error: string | null;
  form: RecordForm;
  /** "Saved." shows until the form changes again. */
  saved: boolean;
  change(patch: Partial<RecordForm>): void;
  save(e: FormEvent): Promise<void>;
  remove(): Promise<void>;
}

export function useRecordDetail(id: string, onChanged: () => void, onDeleted: (id: string, title: string) => void): RecordDetailState {
  const bridge = useBridge();
  const [record, setRecord] = useState<RecordDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState<RecordForm>(EMPTY_RECORD_FORM);

  useEffect(() => {
    bridge.call('records.get', { id }).then(
      (r) => {
        setRecord(r);
        setForm(recordForm(r));
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [bridge, id]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setRecord(await bridge.call('records.update', { id, patch: recordPatch(form) }));
      setSaved(true);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  async function remove() {
    try {
      await bridge.call('records.delete', { ids: [id] });
      onDeleted(id, record?.title ?? 'Record');
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  const change = (patch: Partial<RecordForm>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };
  return { record, error, form, saved, change, save, remove };
}

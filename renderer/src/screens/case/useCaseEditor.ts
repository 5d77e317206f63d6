// One case, loaded and kept as the core returns it after each change; each change says what was saved.
import { useEffect, useState } from 'react';
import type { CaseInput } from '../../../../shared/api.js';
import type { CaseDetail } from '../../../../shared/cases.js';
import { errorMessage, useBridge } from '../../bridge-context.js';

export function useCaseEditor(id: string, version: number) {
  const bridge = useBridge();
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    bridge.call('cases.get', { id }).then(setCase, (e: unknown) => setError(errorMessage(e)));
  }, [bridge, id, version]);

  async function apply(job: Promise<CaseDetail>, message: string) {
    setError(null);
    try {
      setCase(await job);
      setSaved(message);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return {
    c,
    error,
    saved,
    apply,
    update: (patch: Partial<CaseInput>, message: string) => apply(bridge.call('cases.update', { id, patch }), message),
    reload: (message: string) => apply(bridge.call('cases.get', { id }), message),
    setQuestions: (questions: string[], message: string) => apply(bridge.call('cases.setQuestions', { id, questions }), message),
    setRecords: (recordIds: string[]) => apply(bridge.call('cases.setRecords', { id, recordIds }), 'Records updated.'),
    /** After the export: the case again, quietly (its share history grew). */
    refresh: () => void bridge.call('cases.get', { id }).then(setCase),
  };
}

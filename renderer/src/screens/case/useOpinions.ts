// A case's opinions and their comparison, reloaded when the case changes or after an action;
// marking a topic as agreed or differing, and removing an opinion.
import { useEffect, useState } from 'react';
import type { CaseDetail, ComparedTopic, Opinion, OpinionComparison } from '../../../../shared/cases.js';
import { errorMessage, useBridge } from '../../bridge-context.js';

export function useOpinions(c: CaseDetail) {
  const bridge = useBridge();
  const [opinions, setOpinions] = useState<Opinion[]>([]);
  const [comparison, setComparison] = useState<OpinionComparison | null>(null);
  const [message, setMessage] = useState('');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all([bridge.call('opinions.list', { caseId: c.id }), bridge.call('opinions.compare', { caseId: c.id })]).then(
      ([list, cmp]) => live && (setOpinions(list), setComparison(cmp)),
      (e: unknown) => live && setMessage(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [bridge, c.id, c.updatedAt, tick]);
  const reload = () => setTick((n) => n + 1);

  async function mark(topic: ComparedTopic, agreement: 'agree' | 'differ' | null) {
    try {
      setComparison(await bridge.call('opinions.mark', { caseId: c.id, topic: topic.topic, agreement }));
      setMessage('Mark saved.');
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }
  /** `removed` runs once it is gone (before the list reloads): where the focus goes. */
  async function remove(o: Opinion, removed: () => void) {
    try {
      await bridge.call('opinions.delete', { id: o.id });
      removed();
      setMessage(`Removed the opinion of ${o.by}.`);
      reload();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }
  return { opinions, comparison, message, setMessage, reload, mark, remove };
}

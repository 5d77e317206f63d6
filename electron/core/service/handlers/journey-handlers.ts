// caseItems.*, opinions.* and health.*: the second-opinion journey around a case — items sent
// separately, the opinions and their comparison, and each person's health summary.
import { addCaseItem, deleteCaseItem, updateCaseItem } from '../../cases/case-items.js';
import { addOpinion, compareCaseOpinions, deleteOpinion, listOpinions, markTopic, updateOpinion } from '../../cases/opinion-store.js';
import { addHealthItem, deleteHealthItem, getHealthHistory, listHealthItems, setHealthHistory, updateHealthItem } from '../../health/health-store.js';
import type { Handlers, HandlerContext } from './types.js';

type JourneyMethods =
  | 'caseItems.add'
  | 'caseItems.update'
  | 'caseItems.delete'
  | 'opinions.list'
  | 'opinions.add'
  | 'opinions.update'
  | 'opinions.delete'
  | 'opinions.compare'
  | 'opinions.mark'
  | 'health.list'
  | 'health.add'
  | 'health.update'
  | 'health.delete'
  | 'health.getHistory'
  | 'health.setHistory';

const ok = { ok: true as const };

export function journeyHandlers({ session }: HandlerContext): Pick<Handlers, JourneyMethods> {
  const db = () => session.open().db;
  return {
    'caseItems.add': ({ caseId, item }) => addCaseItem(db(), caseId, item),
    'caseItems.update': ({ id, patch }) => updateCaseItem(db(), id, patch),
    'caseItems.delete': ({ id }) => (deleteCaseItem(db(), id), ok),

    'opinions.list': ({ caseId }) => listOpinions(db(), caseId),
    'opinions.add': ({ caseId, opinion }) => addOpinion(db(), caseId, opinion),
    'opinions.update': ({ id, patch }) => updateOpinion(db(), id, patch),
    'opinions.delete': ({ id }) => (deleteOpinion(db(), id), ok),
    'opinions.compare': ({ caseId }) => compareCaseOpinions(db(), caseId),
    'opinions.mark': ({ caseId, topic, agreement }) => markTopic(db(), caseId, topic, agreement),

    'health.list': (query) => listHealthItems(db(), query),
    'health.add': (input) => addHealthItem(db(), input),
    'health.update': ({ id, patch }) => updateHealthItem(db(), id, patch),
    'health.delete': ({ id }) => (deleteHealthItem(db(), id), ok),
    'health.getHistory': ({ personId }) => getHealthHistory(db(), personId),
    'health.setHistory': ({ personId, text }) => setHealthHistory(db(), personId, text),
  };
}

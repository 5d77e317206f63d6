// Words for a case's journey — status, how records travel, items sent separately, opinions and
// their comparison — for the app, the CLI and the bundle.
import type { Agreement, CaseItemStatus, CaseStatus, OpinionRole, OpinionTopic, RecordsSentBy } from '../cases.js';

export const CASE_STATUS_WORDS: Record<CaseStatus, string> = {
  planning: 'Planning',
  'records-sent': 'Records sent',
  appointment: 'Appointment booked',
  'opinion-received': 'Opinion received',
  closed: 'Closed',
};

export const RECORDS_SENT_BY_WORDS: Record<RecordsSentBy | '', string> = {
  '': 'Not decided yet',
  portal: 'Upload to their portal',
  mail: 'By post / courier',
  'in-person': 'In person',
  email: 'By email',
  other: 'Another way',
};

export const CASE_ITEM_STATUS_WORDS: Record<CaseItemStatus, string> = { requested: 'Requested', received: 'Received', sent: 'Sent', returned: 'Returned' };

export const OPINION_ROLE_WORDS: Record<OpinionRole, string> = { first: 'first opinion', second: 'second opinion' };

export const OPINION_TOPIC_WORDS: Record<OpinionTopic, string> = { diagnosis: 'Diagnosis', stage: 'Stage or grade', treatment: 'Recommended treatment', urgency: 'Urgency' };

export const AGREEMENT_WORDS: Record<Agreement, string> = { agree: 'Agree', differ: 'Differ', single: 'Only one opinion' };

/** A topic's name as a person reads it: "Diagnosis", or the question itself. */
export function topicLabel(topic: { topic: string; question?: string }): string {
  return topic.question ?? OPINION_TOPIC_WORDS[topic.topic as OpinionTopic] ?? topic.topic;
}

/** The question "Ask about this" adds to the case when opinions differ. */
export function questionAboutDifference(topic: { topic: string; question?: string }, said: { by: string; text: string }[]): string {
  const views = said.map((s) => `${s.by}: “${s.text}”`).join('; ');
  const what = topic.question ? `the question “${topic.question}”` : topicLabel(topic).toLowerCase();
  return `The opinions differ on ${what} (${views}). Which is right for me, and why?`;
}

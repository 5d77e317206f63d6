// Opinions side by side: per topic (diagnosis, stage, treatment, urgency, each of the case's
// questions) what each opinion says, and whether they agree (same text once case, whitespace and
// punctuation are ignored), differ, or only one opinion speaks to it. The person may override a
// mark; an override holds only for the values it was made on. Pure: no database, no I/O.
import { OPINION_TOPICS, type Agreement, type AgreementOverride, type ComparedTopic, type Opinion, type OpinionComparison, type OpinionTopic } from '../../../shared/cases.js';
import { normalizeForComparison } from '../../../shared/text-compare.js';

export interface TopicMark {
  agreement: AgreementOverride;
  /** The values the person looked at (valuesKey) when setting the mark. */
  valuesKey: string;
}

export type TopicRef = { field: OpinionTopic } | { question: string };

/** The key a mark is stored under: a field's name, or the question's normalised text (stable when questions move). */
export function topicKey(ref: TopicRef): string {
  return 'field' in ref ? `field:${ref.field}` : `question:${normalizeForComparison(ref.question)}`;
}

/** What the topic looked like: which opinion said what (normalised), in a fixed order. */
export function valuesKey(values: Record<string, string>): string {
  return JSON.stringify(Object.entries(values).map(([id, v]) => [id, normalizeForComparison(v)]).sort());
}

export function automaticAgreement(values: string[]): Agreement {
  if (values.length <= 1) return 'single';
  const first = normalizeForComparison(values[0]!);
  return values.every((v) => normalizeForComparison(v) === first) ? 'agree' : 'differ';
}

/** The topic a name from the comparison ('diagnosis', 'question 2') refers to, or undefined. */
export function topicRef(topic: string, questions: string[]): TopicRef | undefined {
  if ((OPINION_TOPICS as readonly string[]).includes(topic)) return { field: topic as OpinionTopic };
  const n = /^question (\d+)$/.exec(topic);
  const question = n ? questions[Number(n[1]) - 1] : undefined;
  return question !== undefined ? { question } : undefined;
}

function answerTo(opinion: Opinion, question: string): string {
  const key = normalizeForComparison(question);
  return opinion.answers.find((a) => normalizeForComparison(a.question) === key)?.answer ?? '';
}

function topic(name: string, ref: TopicRef, said: (o: Opinion) => string, opinions: Opinion[], marks: ReadonlyMap<string, TopicMark>): ComparedTopic | undefined {
  const values: Record<string, string> = {};
  for (const o of opinions) {
    const v = said(o).trim();
    if (v) values[o.id] = v;
  }
  const texts = Object.values(values);
  if (!texts.length) return undefined;
  const automatic = automaticAgreement(texts);
  const mark = marks.get(topicKey(ref));
  const overridden = automatic !== 'single' && mark !== undefined && mark.valuesKey === valuesKey(values);
  return {
    topic: name,
    ...('question' in ref ? { question: ref.question } : {}),
    values,
    agreement: overridden && mark ? mark.agreement : automatic,
    automatic,
    overridden,
  };
}

export function compareOpinions(opinions: Opinion[], questions: string[], marks: ReadonlyMap<string, TopicMark> = new Map()): OpinionComparison {
  const topics = [
    ...OPINION_TOPICS.map((field) => topic(field, { field }, (o) => o[field], opinions, marks)),
    ...questions.map((question, i) => topic(`question ${i + 1}`, { question }, (o) => answerTo(o, question), opinions, marks)),
  ].filter((t): t is ComparedTopic => t !== undefined);
  return { opinions: opinions.map((o) => ({ id: o.id, by: o.by, date: o.date, role: o.role })), topics };
}

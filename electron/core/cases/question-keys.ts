// Answers and agree/differ marks are kept by question text (moving a question changes nothing).
// When one question's wording is edited, they move to the new wording so nothing is lost.
import { normalizeForComparison } from '../../../shared/text-compare.js';
import type { Db } from '../vault/database.js';
import type { OpinionAnswersRow } from '../vault/rows.js';
import { topicKey } from './opinion-compare.js';

/** Called inside setCaseQuestions' transaction with the questions before and after. */
export function carryQuestionOver(db: Db, caseId: string, before: string[], after: string[]): void {
  const norm = (list: string[]) => new Set(list.map(normalizeForComparison));
  const [was, now] = [norm(before), norm(after)];
  const removed = before.filter((q) => !now.has(normalizeForComparison(q)));
  const added = after.filter((q) => !was.has(normalizeForComparison(q)));
  if (removed.length !== 1 || added.length !== 1) return;
  const [from, to] = [removed[0]!, added[0]!];
  const answers = db
    .prepare('SELECT a.opinion_id, a.question FROM opinion_answers a JOIN opinions o ON o.id = a.opinion_id WHERE o.case_id = ?')
    .all(caseId) as Pick<OpinionAnswersRow, 'opinion_id' | 'question'>[];
  const move = db.prepare('UPDATE OR IGNORE opinion_answers SET question = ? WHERE opinion_id = ? AND question = ?');
  for (const a of answers) if (normalizeForComparison(a.question) === normalizeForComparison(from)) move.run(to, a.opinion_id, a.question);
  db.prepare('UPDATE OR IGNORE opinion_marks SET topic_key = ? WHERE case_id = ? AND topic_key = ?').run(topicKey({ question: to }), caseId, topicKey({ question: from }));
}

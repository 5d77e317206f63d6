// Opinions recorded for a case — the first (treating) doctor's and each second opinion: who, when,
// the letter as a record, the structured fields compared side by side, and answers to the case's
// questions. Also the comparison itself (opinion-compare.ts) with the person's own marks.
import type { AgreementOverride, Opinion, OpinionAnswer, OpinionComparison, OpinionInput, OpinionRole } from '../../../shared/cases.js';
import type { Db } from '../vault/database.js';
import { DossierError } from '../base/errors.js';
import { newId } from '../base/ids.js';
import { assertCase } from './case-exists.js';
import { caseQuestions } from './case-store.js';
import { compareOpinions, topicKey, topicRef, valuesKey, type TopicMark } from './opinion-compare.js';
import type { Narrowed, OpinionAnswersRow, OpinionMarksRow, OpinionsRow, RecordsRow } from '../vault/rows.js';

/** An opinion with the title of its letter's record (null when there is none, or it is in the trash). */
type OpinionRow = Narrowed<OpinionsRow, { role: OpinionRole }> & { record_title: RecordsRow['title'] | null };

type OpinionFields = Pick<Opinion, 'diagnosis' | 'stage' | 'treatment' | 'urgency' | 'notes'>;
const FIELD_NAMES = ['diagnosis', 'stage', 'treatment', 'urgency', 'notes'] as const;
const EMPTY_FIELDS: OpinionFields = { diagnosis: '', stage: '', treatment: '', urgency: '', notes: '' };

const SELECT = `SELECT o.*, r.title AS record_title FROM opinions o LEFT JOIN records r ON r.id = o.record_id AND r.deleted_at IS NULL`;
/** The first opinion first, then by date (undated last), then as entered. */
const ORDER = `ORDER BY o.role = 'second', o.date IS NULL, o.date, o.created_at, o.rowid`;

function answers(db: Db, opinionId: string): OpinionAnswer[] {
  return db.prepare('SELECT question, answer FROM opinion_answers WHERE opinion_id = ? ORDER BY rowid').all(opinionId) as Pick<OpinionAnswersRow, 'question' | 'answer'>[];
}

function toOpinion(db: Db, r: OpinionRow): Opinion {
  return {
    id: r.id,
    caseId: r.case_id,
    by: r.author,
    role: r.role,
    date: r.date,
    recordId: r.record_title === null ? null : r.record_id,
    recordTitle: r.record_title,
    ...EMPTY_FIELDS,
    ...(JSON.parse(r.fields) as Partial<OpinionFields>),
    answers: answers(db, r.id),
    createdAt: r.created_at,
  };
}

export function listOpinions(db: Db, caseId: string): Opinion[] {
  assertCase(db, caseId);
  return (db.prepare(`${SELECT} WHERE o.case_id = ? ${ORDER}`).all(caseId) as OpinionRow[]).map((r) => toOpinion(db, r));
}

export function getOpinion(db: Db, id: string): Opinion {
  const row = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OpinionRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no opinion with id ${id}.`);
  return toOpinion(db, row);
}

function author(by: string): string {
  const t = by.trim();
  if (!t) throw new DossierError('invalid-params', 'Say whose opinion it is (for example "Dr Meyer, University Hospital").', { details: { field: 'by' } });
  return t;
}

function assertRecord(db: Db, recordId: string | null | undefined): void {
  if (recordId && !db.prepare('SELECT 1 FROM records WHERE id = ? AND deleted_at IS NULL').get(recordId))
    throw new DossierError('not-found', `There is no record with id ${recordId}.`, { details: { field: 'recordId' } });
}

function fieldsJson(current: OpinionFields, patch: Partial<OpinionInput>): string {
  return JSON.stringify(Object.fromEntries(FIELD_NAMES.map((k) => [k, patch[k]?.trim() ?? current[k]])));
}

function setAnswers(db: Db, opinionId: string, list: OpinionAnswer[]): void {
  db.prepare('DELETE FROM opinion_answers WHERE opinion_id = ?').run(opinionId);
  const ins = db.prepare('INSERT OR REPLACE INTO opinion_answers (opinion_id, question, answer) VALUES (?, ?, ?)');
  for (const a of list) if (a.question.trim() && a.answer.trim()) ins.run(opinionId, a.question.trim(), a.answer.trim());
}

export function addOpinion(db: Db, caseId: string, input: OpinionInput): Opinion {
  assertCase(db, caseId);
  assertRecord(db, input.recordId);
  const id = newId();
  const at = new Date().toISOString();
  db.transaction(() => {
    db.prepare('INSERT INTO opinions (id, case_id, author, role, date, record_id, fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      caseId,
      author(input.by),
      input.role ?? 'second',
      input.date ?? null,
      input.recordId ?? null,
      fieldsJson(EMPTY_FIELDS, input),
      at,
      at,
    );
    setAnswers(db, id, input.answers ?? []);
  })();
  return getOpinion(db, id);
}

export function updateOpinion(db: Db, id: string, patch: Partial<OpinionInput>): Opinion {
  const o = getOpinion(db, id);
  assertRecord(db, patch.recordId);
  db.transaction(() => {
    db.prepare('UPDATE opinions SET author = ?, role = ?, date = ?, record_id = ?, fields = ?, updated_at = ? WHERE id = ?').run(
      patch.by !== undefined ? author(patch.by) : o.by,
      patch.role ?? o.role,
      patch.date !== undefined ? patch.date : o.date,
      patch.recordId !== undefined ? patch.recordId : o.recordId,
      fieldsJson(o, patch),
      new Date().toISOString(),
      id,
    );
    if (patch.answers) setAnswers(db, id, patch.answers);
  })();
  return getOpinion(db, id);
}

export function deleteOpinion(db: Db, id: string): void {
  getOpinion(db, id);
  db.prepare('DELETE FROM opinions WHERE id = ?').run(id);
}

type MarkRow = Narrowed<Pick<OpinionMarksRow, 'topic_key' | 'agreement' | 'values_key'>, { agreement: AgreementOverride }>;

function marks(db: Db, caseId: string): Map<string, TopicMark> {
  const rows = db.prepare('SELECT topic_key, agreement, values_key FROM opinion_marks WHERE case_id = ?').all(caseId) as MarkRow[];
  return new Map(rows.map((r) => [r.topic_key, { agreement: r.agreement, valuesKey: r.values_key }]));
}

export function compareCaseOpinions(db: Db, caseId: string): OpinionComparison {
  return compareOpinions(listOpinions(db, caseId), caseQuestions(db, caseId), marks(db, caseId));
}

/** The person's own mark on a topic of the current comparison (null removes it). */
export function markTopic(db: Db, caseId: string, topic: string, agreement: AgreementOverride | null): OpinionComparison {
  const current = compareCaseOpinions(db, caseId);
  const ref = topicRef(topic, caseQuestions(db, caseId));
  const shown = current.topics.find((t) => t.topic === topic);
  if (!ref || !shown) throw new DossierError('not-found', `The opinions of this case have nothing on "${topic}" to compare.`, { details: { topic } });
  const key = topicKey(ref);
  if (agreement === null) db.prepare('DELETE FROM opinion_marks WHERE case_id = ? AND topic_key = ?').run(caseId, key);
  else if (shown.automatic === 'single') throw new DossierError('invalid-params', `Only one opinion speaks to "${topic}": there is nothing to compare yet.`, { details: { topic } });
  else
    db.prepare('INSERT INTO opinion_marks (case_id, topic_key, agreement, values_key) VALUES (?, ?, ?, ?) ON CONFLICT(case_id, topic_key) DO UPDATE SET agreement = excluded.agreement, values_key = excluded.values_key').run(
      caseId,
      key,
      agreement,
      valuesKey(shown.values),
    );
  return compareCaseOpinions(db, caseId);
}

// Cases: one second-opinion request each — the question, the provider, the journey (status,
// appointment, insurance, cost), the chosen records in order, the questions for the appointment,
// the items sent separately, and the history of bundles handed over.
import type { CaseDetail, CaseJourney, CaseStatus, CaseSummary, Provider, ShareRecord, ExportDestinationKind } from '../../../shared/cases.js';
import type { CaseInput } from '../../../shared/api.js';
import type { Db } from '../vault/database.js';
import { DossierError } from '../base/errors.js';
import { newId } from '../base/ids.js';
import { carriedIdentities, identityReport } from '../records/identity.js';
import { listCaseItems } from './case-items.js';
import { caseNotFound } from './case-exists.js';
import { carryQuestionOver } from './question-keys.js';
import type { CaseQuestionsRow, CaseRecordsRow, CasesRow, Narrowed, PeopleRow, SharesRow } from '../vault/rows.js';

type CaseRow = Narrowed<CasesRow, { status: CaseStatus }>;

const EMPTY_PROVIDER: Provider = { name: '', institution: '', contact: '', notes: '', specialty: '', credentials: '', credentialsCheckedOn: null };
/** The journey's fields kept as JSON (the status has a column of its own: the case list shows it). */
type JourneyDetails = Omit<CaseJourney, 'status'>;
const EMPTY_JOURNEY: JourneyDetails = { appointmentDate: null, recordsSentBy: '', insurance: '', preAuthorization: '', cost: '', preparedBy: '', preparerContact: '' };

function provider(json: string): Provider {
  return { ...EMPTY_PROVIDER, ...(JSON.parse(json) as Partial<Provider>) };
}

function journey(row: CaseRow): CaseJourney {
  return { ...EMPTY_JOURNEY, ...(JSON.parse(row.journey) as Partial<JourneyDetails>), status: row.status };
}

function journeyDetails(current: JourneyDetails, patch: Partial<CaseJourney> = {}): string {
  const { status: _status, ...details } = patch;
  const next: JourneyDetails = { ...current, ...details };
  for (const k of ['insurance', 'preAuthorization', 'cost', 'preparedBy', 'preparerContact'] as const) next[k] = next[k].trim();
  return JSON.stringify(next);
}

function caseRow(db: Db, id: string): CaseRow {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
  if (!row) throw caseNotFound(id);
  return row;
}

function summary(db: Db, row: CaseRow): CaseSummary {
  const stats = db
    .prepare(
      `SELECT count(DISTINCT cr.record_id) AS n, coalesce(sum(f.size), 0) AS bytes
       FROM case_records cr JOIN records r ON r.id = cr.record_id AND r.deleted_at IS NULL
       LEFT JOIN files f ON f.record_id = cr.record_id WHERE cr.case_id = ?`,
    )
    .get(row.id) as { n: number; bytes: number };
  const questions = (db.prepare('SELECT count(*) AS n FROM case_questions WHERE case_id = ?').get(row.id) as { n: number }).n;
  const last = db.prepare('SELECT max(exported_at) AS t FROM shares WHERE case_id = ?').get(row.id) as { t: string | null };
  return {
    id: row.id,
    title: row.title,
    question: row.question,
    personId: row.person_id,
    provider: provider(row.provider),
    recordCount: stats.n,
    totalBytes: stats.bytes,
    questionCount: questions,
    journey: journey(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastExportAt: last.t,
  };
}

export function listCases(db: Db): CaseSummary[] {
  return (db.prepare('SELECT * FROM cases ORDER BY updated_at DESC').all() as CaseRow[]).map((r) => summary(db, r));
}

export function caseQuestions(db: Db, id: string): string[] {
  return (db.prepare('SELECT text FROM case_questions WHERE case_id = ? ORDER BY position').all(id) as Pick<CaseQuestionsRow, 'text'>[]).map((q) => q.text);
}

export function getCase(db: Db, id: string): CaseDetail {
  const row = caseRow(db, id);
  const recordIds = (
    db.prepare('SELECT cr.record_id AS id FROM case_records cr JOIN records r ON r.id = cr.record_id WHERE cr.case_id = ? AND r.deleted_at IS NULL ORDER BY cr.position').all(id) as { id: CaseRecordsRow['record_id'] }[]
  ).map((r) => r.id);
  const questions = caseQuestions(db, id);
  const person = row.person_id ? (db.prepare('SELECT name, birth_date FROM people WHERE id = ?').get(row.person_id) as Pick<PeopleRow, 'name' | 'birth_date'> | undefined) : undefined;
  const report = identityReport(carriedIdentities(db, recordIds), person ? { name: person.name, birthDate: person.birth_date } : undefined);
  return { ...summary(db, row), recordIds, questions, items: listCaseItems(db, id), shares: listShares(db, id), identityConflicts: report.conflicts };
}

export function createCase(db: Db, input: CaseInput): CaseDetail {
  const title = input.title.trim();
  if (!title) throw new DossierError('invalid-params', 'A case needs a title (for example "Second opinion on my biopsy").');
  const id = newId();
  const t = new Date().toISOString();
  db.prepare('INSERT INTO cases (id, title, question, person_id, provider, status, journey, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    title,
    input.question?.trim() ?? '',
    input.personId ?? null,
    JSON.stringify({ ...EMPTY_PROVIDER, ...input.provider }),
    input.journey?.status ?? 'planning',
    journeyDetails(EMPTY_JOURNEY, input.journey),
    t,
    t,
  );
  return getCase(db, id);
}

export function updateCase(db: Db, id: string, patch: Partial<CaseInput>): CaseDetail {
  const row = caseRow(db, id);
  const next = {
    title: patch.title?.trim() || row.title,
    question: patch.question !== undefined ? patch.question.trim() : row.question,
    person_id: patch.personId !== undefined ? patch.personId : row.person_id,
    provider: patch.provider ? JSON.stringify({ ...provider(row.provider), ...patch.provider }) : row.provider,
    status: patch.journey?.status ?? row.status,
    journey: patch.journey ? journeyDetails(journey(row), patch.journey) : row.journey,
  };
  db.prepare('UPDATE cases SET title = ?, question = ?, person_id = ?, provider = ?, status = ?, journey = ?, updated_at = ? WHERE id = ?').run(
    next.title,
    next.question,
    next.person_id,
    next.provider,
    next.status,
    next.journey,
    new Date().toISOString(),
    id,
  );
  return getCase(db, id);
}

export function deleteCase(db: Db, id: string): void {
  caseRow(db, id);
  db.prepare('DELETE FROM cases WHERE id = ?').run(id);
}

function assertRecords(db: Db, recordIds: string[]): void {
  const exists = db.prepare('SELECT 1 FROM records WHERE id = ? AND deleted_at IS NULL');
  for (const r of recordIds) if (!exists.get(r)) throw new DossierError('not-found', `There is no record with id ${r}.`);
}

export function setCaseRecords(db: Db, id: string, recordIds: string[]): CaseDetail {
  caseRow(db, id);
  const unique = [...new Set(recordIds)];
  assertRecords(db, unique);
  db.transaction(() => {
    db.prepare('DELETE FROM case_records WHERE case_id = ?').run(id);
    const ins = db.prepare('INSERT INTO case_records (case_id, record_id, position) VALUES (?, ?, ?)');
    unique.forEach((r, i) => ins.run(id, r, i));
    db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  })();
  return getCase(db, id);
}

export function addCaseRecords(db: Db, id: string, recordIds: string[]): CaseDetail {
  const current = getCase(db, id).recordIds;
  return setCaseRecords(db, id, [...current, ...recordIds]);
}

export function setCaseQuestions(db: Db, id: string, questions: string[]): CaseDetail {
  caseRow(db, id);
  const clean = questions.map((q) => q.trim()).filter(Boolean);
  const before = caseQuestions(db, id);
  db.transaction(() => {
    carryQuestionOver(db, id, before, clean);
    db.prepare('DELETE FROM case_questions WHERE case_id = ?').run(id);
    const ins = db.prepare('INSERT INTO case_questions (case_id, position, text) VALUES (?, ?, ?)');
    clean.forEach((q, i) => ins.run(id, i, q));
    db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  })();
  return getCase(db, id);
}

/** What an export reports; the store adds the id and the time. */
export type NewShare = Omit<ShareRecord, 'id' | 'exportedAt'> & { recordIds: string[] };

export function recordShare(db: Db, share: NewShare): ShareRecord {
  const id = newId();
  const exportedAt = new Date().toISOString();
  db.prepare(
    `INSERT INTO shares (id, case_id, exported_at, provider_name, destination_kind, destination, encrypted, file_count, bytes, manifest_sha256, record_ids)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, share.caseId, exportedAt, share.providerName, share.destinationKind, share.destination, share.encrypted ? 1 : 0, share.fileCount, share.bytes, share.manifestSha256, JSON.stringify(share.recordIds));
  return { id, exportedAt, ...share };
}

export function listShares(db: Db, caseId: string | null): ShareRecord[] {
  const rows = (caseId === null ? db.prepare('SELECT * FROM shares ORDER BY exported_at DESC').all() : db.prepare('SELECT * FROM shares WHERE case_id = ? ORDER BY exported_at DESC').all(caseId)) as SharesRow[];
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    exportedAt: r.exported_at,
    providerName: r.provider_name,
    destinationKind: r.destination_kind as ExportDestinationKind,
    destination: r.destination,
    encrypted: r.encrypted === 1,
    fileCount: r.file_count,
    bytes: r.bytes,
    manifestSha256: r.manifest_sha256,
  }));
}

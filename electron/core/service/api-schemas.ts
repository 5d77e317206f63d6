// Validation of every params object that crosses the process boundary. The mapped type makes the
// compiler check each schema against the contract in shared/api.ts.
import path from 'node:path';
import { z } from 'zod';
import { FILE_READ_MAX_BYTES, LOCK_REASONS, RECORD_PAGE_MAX, THUMBNAIL_MAX_BYTES, type ApiMethod, type ApiParams } from '../../../shared/api.js';
import { RECORD_TYPES } from '../../../shared/domain.js';
import { CASE_ITEM_STATUSES, CASE_STATUSES, OPINION_ROLES, RECORDS_SENT_BY } from '../../../shared/cases.js';
import {
  ALL_CLINICAL_STATUSES,
  ALLERGY_SEVERITIES,
  HEALTH_FIELD_MAX,
  HEALTH_HISTORY_MAX,
  HEALTH_KINDS,
  HEALTH_REVIEW_STATUSES,
  HEALTH_TEXT_MAX,
  PARTIAL_DATE,
  PROCEDURE_CATEGORIES,
} from '../../../shared/health.js';

const id = z.string().regex(/^[0-9a-f]{12}$/, 'not a valid id');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must look like 2024-03-05');
const text = (max: number) => z.string().max(max);
const passphrase = z.string().min(1).max(1024);
// A relative path would resolve against the process's working folder: never what anyone chose.
const pathString = z.string().min(1).max(4096).refine((p) => path.isAbsolute(p), 'must be an absolute path');
const empty = z.object({}).strict();
const partialDate = z.string().regex(PARTIAL_DATE, 'a date must look like 2024, 2024-03 or 2024-03-05');
const provider = z
  .object({
    name: text(200),
    institution: text(200),
    contact: text(500),
    notes: text(5000),
    specialty: text(200),
    credentials: text(2000),
    credentialsCheckedOn: isoDate.nullable(),
  })
  .partial()
  .strict();
const journey = z
  .object({
    status: z.enum(CASE_STATUSES),
    appointmentDate: isoDate.nullable(),
    recordsSentBy: z.enum([...RECORDS_SENT_BY, '']),
    insurance: text(5000),
    preAuthorization: text(5000),
    cost: text(5000),
    preparedBy: text(200),
    preparerContact: text(500),
  })
  .partial()
  .strict();
const caseInput = z
  .object({ title: text(200), question: text(10_000).optional(), personId: id.nullable().optional(), provider: provider.optional(), journey: journey.optional() })
  .strict();
const caseItem = z
  .object({
    what: text(500),
    from: text(500).optional(),
    status: z.enum(CASE_ITEM_STATUSES).optional(),
    carrier: text(200).optional(),
    tracking: text(200).optional(),
    date: isoDate.optional(),
    notes: text(5000).optional(),
  })
  .strict();
const opinion = z
  .object({
    by: text(300),
    role: z.enum(OPINION_ROLES).optional(),
    date: isoDate.nullable().optional(),
    recordId: id.nullable().optional(),
    diagnosis: text(5000).optional(),
    stage: text(2000).optional(),
    treatment: text(5000).optional(),
    urgency: text(2000).optional(),
    notes: text(20_000).optional(),
    answers: z.array(z.object({ question: text(2000), answer: text(10_000) }).strict()).max(200).optional(),
  })
  .strict();
const healthFields = z
  .object({
    date: partialDate,
    endDate: partialDate,
    clinicalStatus: z.enum(ALL_CLINICAL_STATUSES),
    dose: text(HEALTH_FIELD_MAX),
    frequency: text(HEALTH_FIELD_MAX),
    reaction: text(HEALTH_FIELD_MAX),
    severity: z.enum(ALLERGY_SEVERITIES),
    category: z.enum(PROCEDURE_CATEGORIES),
    detail: text(HEALTH_FIELD_MAX),
  })
  .partial()
  .strict();
const selection = {
  caseId: id.optional(),
  recordIds: z.array(id).max(100_000).optional(),
  all: z.boolean().optional(),
  reportsAsDicom: z.boolean().optional(),
  viewerImages: z.boolean().optional(),
  allowIdentityMismatch: z.boolean().optional(),
};

type Schemas = { [K in ApiMethod]: z.ZodType<ApiParams<K>> };

export const API_SCHEMAS: Schemas = {
  'vault.status': empty,
  'vault.create': z.object({ passphrase }).strict(),
  // `remember` is handled by the Electron shell (safeStorage); the core ignores it.
  'vault.unlock': z.object({ passphrase, remember: z.boolean().optional() }).strict(),
  'vault.lock': z.object({ reason: z.enum(LOCK_REASONS).optional() }).strict(),
  'vault.changePassphrase': z.object({ current: passphrase, next: passphrase }).strict(),
  'vault.recover': z.object({ recoveryKey: text(200), newPassphrase: passphrase }).strict(),
  'vault.check': empty,
  'vault.rebuildIndex': z.object({ passphrase }).strict(),
  'vault.activity': empty,
  'vault.backup': z.object({ destination: pathString }).strict(),
  'settings.setAutoLock': z.object({ minutes: z.number().int().min(0).max(1440) }).strict(),

  'people.list': empty,
  'people.create': z.object({ name: text(200).min(1), birthDate: isoDate.nullable().optional(), relation: text(50).optional() }).strict(),
  'people.update': z.object({ id, name: text(200).min(1).optional(), birthDate: isoDate.nullable().optional(), relation: text(50).optional() }).strict(),

  'records.list': z
    .object({
      search: text(500).optional(),
      type: z.enum(RECORD_TYPES).optional(),
      personId: id.optional(),
      dateFrom: isoDate.optional(),
      dateTo: isoDate.optional(),
      tag: text(100).optional(),
      ids: z.array(id).max(100_000).optional(),
      importId: id.optional(),
      sort: z.enum(['date-desc', 'date-asc', 'title', 'imported-desc', 'relevance']).optional(),
      limit: z.number().int().min(1).max(RECORD_PAGE_MAX).optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
    })
    .strict(),
  'records.get': z.object({ id }).strict(),
  'records.update': z
    .object({
      id,
      patch: z
        .object({
          title: text(500).optional(),
          type: z.enum(RECORD_TYPES).optional(),
          date: isoDate.nullable().optional(),
          tags: z.array(text(100)).max(100).optional(),
          notes: text(100_000).optional(),
          personId: id.nullable().optional(),
        })
        .strict(),
    })
    .strict(),
  'records.updateMany': z
    .object({
      ids: z.array(id).min(1).max(100_000),
      patch: z.object({ personId: id.nullable().optional(), addTags: z.array(text(100)).max(100).optional() }).strict(),
    })
    .strict(),
  'records.delete': z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
  'records.restore': z.object({ ids: z.union([z.array(id).min(1).max(100_000), z.literal('all')]) }).strict(),
  'records.trash': empty,
  'records.emptyTrash': empty,
  'records.identities': empty,
  'records.thumbnail': z.object({ id }).strict(),
  // The size is checked here too, so a huge array is refused before anything looks inside it.
  'records.storeThumbnail': z.object({ id, image: z.instanceof(Uint8Array).refine((b) => b.length <= THUMBNAIL_MAX_BYTES, 'the image is too large') }).strict(),
  'images.series': z.object({ recordId: id }).strict(),
  'images.frame': z.object({ fileId: id, frame: z.number().int().min(0).max(2 ** 31 - 1) }).strict(),
  'documents.view': z.object({ recordId: id }).strict(),

  'import.paths': z.object({ paths: z.array(pathString).min(1).max(10_000), ocr: z.boolean().optional() }).strict(),
  'import.cancel': empty,
  'files.read': z.object({ id, start: z.number().int().min(0).optional(), length: z.number().int().min(1).max(FILE_READ_MAX_BYTES).optional() }).strict(),

  'cases.list': empty,
  'cases.get': z.object({ id }).strict(),
  'cases.create': caseInput,
  'cases.update': z.object({ id, patch: caseInput.partial() }).strict(),
  'cases.delete': z.object({ id }).strict(),
  'cases.setRecords': z.object({ id, recordIds: z.array(id).max(100_000) }).strict(),
  'cases.addRecords': z.object({ id, recordIds: z.array(id).min(1).max(100_000) }).strict(),
  'cases.setQuestions': z.object({ id, questions: z.array(text(2000)).max(200) }).strict(),
  'cases.shareHistory': z.object({ id }).strict(),

  'caseItems.add': z.object({ caseId: id, item: caseItem }).strict(),
  'caseItems.update': z.object({ id, patch: caseItem.partial() }).strict(),
  'caseItems.delete': z.object({ id }).strict(),

  'opinions.list': z.object({ caseId: id }).strict(),
  'opinions.add': z.object({ caseId: id, opinion }).strict(),
  'opinions.update': z.object({ id, patch: opinion.partial() }).strict(),
  'opinions.delete': z.object({ id }).strict(),
  'opinions.compare': z.object({ caseId: id }).strict(),
  'opinions.mark': z.object({ caseId: id, topic: text(100), agreement: z.enum(['agree', 'differ']).nullable() }).strict(),

  'health.list': z.object({ personId: id.nullable().optional(), kind: z.enum(HEALTH_KINDS).optional(), includeDismissed: z.boolean().optional() }).strict(),
  'health.add': z.object({ personId: id.nullable().optional(), kind: z.enum(HEALTH_KINDS), text: text(HEALTH_TEXT_MAX), fields: healthFields.optional() }).strict(),
  'health.update': z
    .object({
      id,
      patch: z.object({ personId: id.nullable().optional(), text: text(HEALTH_TEXT_MAX).optional(), fields: healthFields.optional(), status: z.enum(HEALTH_REVIEW_STATUSES).optional() }).strict(),
    })
    .strict(),
  'health.delete': z.object({ id }).strict(),
  'health.getHistory': z.object({ personId: id.nullable() }).strict(),
  'health.setHistory': z.object({ personId: id.nullable(), text: text(HEALTH_HISTORY_MAX) }).strict(),

  'export.preview': z.object(selection).strict(),
  'export.run': z
    .object({
      ...selection,
      destination: z.object({ kind: z.enum(['folder', 'zip']), path: pathString }).strict(),
      zipPassword: z.string().min(1).max(1024).optional(),
      replaceExisting: z.boolean().optional(),
    })
    .strict(),
  'export.verify': z.object({ path: pathString, zipPassword: z.string().min(1).max(1024).optional() }).strict(),
};

export { isApiMethod } from '../../../shared/api-methods.js';

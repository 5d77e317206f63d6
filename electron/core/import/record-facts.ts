// What each blob carries, sealed in its trailer, to rebuild its record when the index is lost:
// the ids it was given, where it came from, and the analysis the importer made of it
// (docs/vault-format.md, "Record facts"). Read back only through parseRecordFacts.
import { z } from 'zod';
import { FILE_FORMATS, RECORD_KINDS, RECORD_TYPES } from '../../../shared/domain.js';
import { ALL_CLINICAL_STATUSES, ALLERGY_SEVERITIES, HEALTH_KINDS, PROCEDURE_CATEGORIES } from '../../../shared/health.js';
import type { Analysis } from '../base/analysis.js';

export const RECORD_FACTS_VERSION = 1;

/** The analysis minus embedded files (they are blobs of their own). */
export type StoredAnalysis = Omit<Analysis, 'embedded'>;

export interface RecordFacts {
  v: typeof RECORD_FACTS_VERSION;
  recordId: string;
  fileId: string;
  importedAt: string;
  originalName: string;
  originalPath: string;
  /** The import run that brought the file (records imported together share it). */
  importId?: string;
  analysis: StoredAnalysis;
}

export function recordFacts(ids: { recordId: string; fileId: string; importedAt: string; importId?: string }, source: { name: string; displayPath: string }, analysis: Analysis): RecordFacts {
  const { embedded: _embedded, ...stored } = analysis;
  return { v: RECORD_FACTS_VERSION, ...ids, originalName: source.name, originalPath: source.displayPath, analysis: stored };
}

const id = z.string().regex(/^[0-9a-f]{12}$/);
const identity = z.object({ name: z.string().optional(), id: z.string().optional(), birthDate: z.string().optional(), sex: z.string().optional(), source: z.string() }).passthrough();
const dicom = z
  .object({
    studyInstanceUID: z.string().min(1),
    seriesInstanceUID: z.string().min(1),
    sopInstanceUID: z.string().min(1),
    sopClassUID: z.string(),
    transferSyntaxUID: z.string(),
    modality: z.string(),
    patient: identity,
    tags: z.record(z.string(), z.unknown()),
  })
  .passthrough();
// Health facts are re-checked as strictly as an import would write them: they become rows again.
const healthFact = z
  .object({
    kind: z.enum(HEALTH_KINDS),
    text: z.string().min(1),
    fields: z
      .object({
        date: z.string().optional(),
        endDate: z.string().optional(),
        clinicalStatus: z.enum(ALL_CLINICAL_STATUSES).optional(),
        dose: z.string().optional(),
        frequency: z.string().optional(),
        reaction: z.string().optional(),
        severity: z.enum(ALLERGY_SEVERITIES).optional(),
        category: z.enum(PROCEDURE_CATEGORIES).optional(),
        detail: z.string().optional(),
      })
      .strict(),
  })
  .strict();
const analysis = z
  .object({
    format: z.enum(FILE_FORMATS),
    kind: z.enum(RECORD_KINDS),
    type: z.enum(RECORD_TYPES),
    typeGuessed: z.boolean(),
    title: z.string(),
    date: z.string().optional(),
    dateGuessed: z.boolean(),
    institution: z.string().optional(),
    identity: identity.optional(),
    text: z.string().optional(),
    pageCount: z.number().optional(),
    metadata: z.record(z.string(), z.unknown()),
    dicom: dicom.optional(),
    health: z.array(healthFact).optional(),
  })
  .passthrough();
const factsSchema = z.object({
  v: z.literal(RECORD_FACTS_VERSION),
  recordId: id,
  fileId: id,
  importedAt: z.string(),
  originalName: z.string(),
  originalPath: z.string(),
  importId: id.optional(),
  analysis,
});

/** The facts a blob carries, or null when it carries none this version understands. */
export function parseRecordFacts(facts: Record<string, unknown>): RecordFacts | null {
  const parsed = factsSchema.safeParse(facts);
  return parsed.success ? (parsed.data as unknown as RecordFacts) : null;
}

// The common starting point of the export acceptance tests, driven through the built CLI: a vault
// holding one patient's generated records, and a case with a question, a provider and 3 questions.
// The vault is created in-process with a cheap KDF (the CLI would use the real, slow one) so that
// every one of the many CLI runs below stays fast.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { Vault } from '../../electron/core/vault/vault.js';
import { CLI_PASSPHRASE, dossier, json, type CliResult } from '../helpers/cli.js';
import { FAST_KDF, tempDir } from '../helpers/temp-vault.js';
import { JANE, writePatientData, type PatientSpec, type WrittenSource } from './patient-data.js';

export interface RecordListing {
  id: string;
  kind: 'imaging' | 'document';
  type: string;
  title: string;
  patientName: string | null;
  studyInstanceUID?: string;
  seriesCount?: number;
  instanceCount?: number;
}

export interface CaseJson {
  id: string;
  title: string;
  question: string;
  questions: string[];
  provider: { name: string; institution: string };
  recordIds: string[];
  identityConflicts: string[];
  shares: {
    exportedAt: string;
    destinationKind: 'folder' | 'zip';
    destination: string;
    encrypted: boolean;
    fileCount: number;
    bytes: number;
    manifestSha256: string;
    providerName: string;
  }[];
}

export const QUESTION = 'Is surgery needed for the lung nodule?';
export const PROVIDER = 'Dr. Ada Second';
export const QUESTIONS = ['What is the 8 mm nodule most likely to be?', 'Should we wait and repeat the CT in 3 months?', 'Would a PET scan change the plan?'];

export interface Scenario {
  root: string;
  vault: string;
  source: WrittenSource;
  records: RecordListing[];
  caseId: string;
  /** Runs the CLI against this vault. */
  run(args: string[], env?: Record<string, string | undefined>): CliResult;
}

export async function createVault(dir: string): Promise<void> {
  const { vault } = await Vault.create(dir, CLI_PASSPHRASE, { kdfCost: FAST_KDF });
  vault.close();
}

export interface ImportOutcome {
  status: 'imported' | 'duplicate' | 'skipped';
  path: string;
  reason?: string;
}

/** Imports with the CLI; by default every file must be imported (none skipped). */
export function importInto(vault: string, paths: string[], opts: { allowSkipped?: boolean } = {}): ImportOutcome[] {
  const outcomes = json<ImportOutcome[]>(dossier(['import', '--vault', vault, ...paths, '--json']));
  if (!opts.allowSkipped) expect(outcomes.filter((o) => o.status === 'skipped'), 'every generated file is imported').toEqual([]);
  return outcomes;
}

export function listRecords(vault: string): RecordListing[] {
  return json<RecordListing[]>(dossier(['list', '--vault', vault, '--json']));
}

/** Vault + imported data + case with every record. `extraPatient` adds another person's records too. */
export async function buildScenario(opts: { extraPatient?: PatientSpec; caseRecords?: 'all' | 'first-patient' } = {}): Promise<Scenario> {
  const root = tempDir('dossier-export-');
  const vault = path.join(root, 'vault');
  await createVault(vault);
  const source = await writePatientData(path.join(root, 'src'), JANE);
  importInto(vault, [source.dicomDir, source.documentsDir]);
  if (opts.extraPatient) {
    const other = await writePatientData(path.join(root, 'src-other'), opts.extraPatient);
    importInto(vault, [other.pdfs[0]!]);
  }
  const records = listRecords(vault);
  const run = (args: string[], env: Record<string, string | undefined> = {}) => dossier([...args, '--vault', vault], env);
  const created = json<{ id: string }>(run(['case', 'create', '--title', 'Second opinion: lung nodule', '--question', QUESTION, '--provider', PROVIDER, '--json']));
  const add = run(['case', 'add', created.id, ...records.map((r) => r.id)]);
  expect(add.status, add.stderr).toBe(0);
  for (const q of QUESTIONS) expect(run(['case', 'questions', created.id, '--add', q]).status).toBe(0);
  mkdirSync(path.join(root, 'out'));
  return { root, vault, source, records, caseId: created.id, run };
}

export function showCase(s: Scenario): CaseJson {
  return json<CaseJson>(s.run(['case', 'show', s.caseId, '--json']));
}

// The import acceptance tests drive the built CLI against a vault created in-process with a cheap
// KDF (the CLI's own `init` uses the real, slow one), so each of the many CLI runs stays fast.
import path from 'node:path';
import type { RecordSummary } from '../../shared/domain.js';
import { Vault } from '../../electron/core/vault/vault.js';
import { CLI_PASSPHRASE, dossier, json, type CliResult } from '../helpers/cli.js';
import { FAST_KDF, tempDir } from '../helpers/temp-vault.js';

export interface Outcome {
  path: string;
  status: 'imported' | 'duplicate' | 'skipped' | 'index';
  recordId?: string;
  skip?: { code: string } & Record<string, unknown>;
  index?: { kind: string } & Record<string, unknown>;
  duplicate?: string;
  reason?: string;
}

/** `dossier list --json`, as documented in docs/cli.md: a RecordSummary without the app-only fields. */
export type Listed = Omit<RecordSummary, 'personId' | 'importedAt'>;

export interface Shown extends Listed {
  notes: string;
  series: { seriesInstanceUID: string; modality: string; seriesDescription: string; seriesNumber: number | null; instanceCount: number }[];
  files: { id: string; originalName: string; originalPath: string; sizeBytes: number; format: string; importedAt: string }[];
  metadata: Record<string, unknown>;
}

export interface CliVault {
  root: string;
  dir: string;
  run(args: string[]): CliResult;
  importJson(paths: string[]): Outcome[];
  list(extra?: string[]): Listed[];
  show(id: string): Shown;
}

export async function cliVault(prefix = 'dossier-import-'): Promise<CliVault> {
  const root = tempDir(prefix);
  const dir = path.join(root, 'vault');
  const { vault } = await Vault.create(dir, CLI_PASSPHRASE, { kdfCost: FAST_KDF });
  vault.close();
  const run = (args: string[]) => dossier([...args, '--vault', dir]);
  return {
    root,
    dir,
    run,
    importJson: (paths) => json<Outcome[]>(run(['import', ...paths, '--json'])),
    list: (extra = []) => json<Listed[]>(run(['list', ...extra, '--json'])),
    show: (id) => json<Shown>(run(['show', id, '--json'])),
  };
}

export function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

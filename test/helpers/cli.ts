// Runs the built `dossier` CLI as a separate process, as a person (or a script) would.
import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve('bin/dossier.js');
export const CLI_PASSPHRASE = 'cli test passphrase';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export function dossier(args: string[], env: Record<string, string | undefined> = {}): CliResult {
  const res = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DOSSIER_PASSPHRASE: CLI_PASSPHRASE, ...env },
    maxBuffer: 512 * 2 ** 20,
    input: '',
  });
  return { status: res.status, stdout: res.stdout.toString('utf8'), stderr: res.stderr.toString('utf8'), stdoutBytes: res.stdout };
}

export function dossierAsync(args: string[], env: Record<string, string | undefined> = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { env: { ...process.env, DOSSIER_PASSPHRASE: CLI_PASSPHRASE, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function json<T>(res: CliResult): T {
  if (res.status !== 0) throw new Error(`dossier failed (${res.status}): ${res.stderr}`);
  return JSON.parse(res.stdout) as T;
}

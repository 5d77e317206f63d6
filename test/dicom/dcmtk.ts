// Runs Debian's dcmtk tools as an independent check of what we write.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const HAS_DCMTK = existsSync('/usr/bin/dcmdump');
if (!HAS_DCMTK) console.warn('dcmtk is not installed (/usr/bin/dcmdump missing): skipping the dcmtk cross-checks');

export interface ToolRun {
  status: number;
  output: string;
}

/** Runs a dcmtk tool; output is stdout and stderr together (dcmtk logs E:/W: lines to either). */
export function runDcmtk(tool: string, args: string[], cwd?: string): ToolRun {
  const run = spawnSync(`/usr/bin/${tool}`, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: run.status ?? -1, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}

/** dcmdump output and its problems: E:/W: log lines dcmtk prints for anything non-conformant. */
export function dcmdump(path: string): { status: number; output: string; problems: string[] } {
  const run = runDcmtk('dcmdump', [path]);
  return { ...run, problems: run.output.split('\n').filter((l) => /^(E|W|F): /.test(l)) };
}

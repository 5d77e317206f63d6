// One CLI command: its name, its usage line, the options it takes, and what it does.
import type { CliContext } from '../context.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
}

export interface Command {
  name: string;
  usage: string;
  options?: Record<string, OptionSpec>;
  run(ctx: CliContext, args: string[]): Promise<number>;
}

export const JSON_OPTION: Record<string, OptionSpec> = { json: { type: 'boolean' } };

/** --progress: one progress line per step on stderr (for scripts following a long run). */
export const PROGRESS_OPTION: Record<string, OptionSpec> = { progress: { type: 'boolean' } };

// Commands beyond the vault basics: identities, cases, export and verify.
import type { Options } from '../context.js';

export interface ExtraCommand {
  name: string;
  usage: string;
  run(options: Options, args: string[]): Promise<number>;
}

export const EXTRA_COMMANDS: ExtraCommand[] = [];

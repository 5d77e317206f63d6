// The CLI's dispatch table: every command, in the order the usage text lists them.
import type { Command } from './command.js';
import { VAULT_COMMANDS } from './vault-commands.js';
import { RECORD_COMMANDS } from './record-commands.js';
import { CASE_COMMANDS } from './case-commands.js';
import { EXPORT_COMMANDS } from './export-commands.js';
import { HEALTH_COMMANDS } from './health-commands.js';
import { OPINION_COMMANDS } from './opinion-commands.js';

export const COMMANDS: Command[] = [...VAULT_COMMANDS, ...RECORD_COMMANDS, ...HEALTH_COMMANDS, ...CASE_COMMANDS, ...OPINION_COMMANDS, ...EXPORT_COMMANDS];

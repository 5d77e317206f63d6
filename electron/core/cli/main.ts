// `dossier`: the core driven from a terminal, through the same service API as the app. User errors
// print one clear line (no stack trace); see docs/cli.md for exit codes.
import { parseArgs } from 'node:util';
import type { ErrorCode } from '../../../shared/errors.js';
import { ApiError, toApiError } from '../service/errors.js';
import { createContext, type CliContext, type OptionValues } from './context.js';
import { COMMANDS } from './commands/index.js';
import type { Command, OptionSpec } from './commands/command.js';
import { UsageError } from './usage-error.js';

const COMMON_OPTIONS: Record<string, OptionSpec> = { vault: { type: 'string' }, help: { type: 'boolean', short: 'h' } };

const USAGE = `Usage: dossier COMMAND [--vault DIR] [options]

${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}

The vault folder is --vault DIR, else $DOSSIER_VAULT, else the desktop app's vault.
The passphrase is read from $DOSSIER_PASSPHRASE when set, otherwise asked for.`;

/** What to do next, by error code: the CLI's own words for the next step. */
const HINTS: Partial<Record<ErrorCode, string>> = {
  'database-damaged': 'Run `dossier rebuild-index` to rebuild it from them.',
  'identity-mismatch': '(If they are the same person: add --allow-identity-mismatch.)',
  'bundle-exists': '(Add --overwrite to replace it.)',
};

const EXIT = { ok: 0, error: 1, usage: 2, interrupted: 130, internal: 70 } as const;

function findCommand(argv: string[]): Command | undefined {
  const name = argv.find((a) => !a.startsWith('-'));
  return COMMANDS.find((c) => c.name === name);
}

function parse(argv: string[], command: Command | undefined): { options: OptionValues; args: string[] } {
  const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...command?.options }, allowPositionals: true, strict: true });
  return { options: values as OptionValues, args: positionals.slice(1) };
}

async function run(argv: string[]): Promise<number> {
  const command = findCommand(argv);
  let parsed;
  try {
    parsed = parse(argv, command);
  } catch (err) {
    process.stderr.write(`dossier: ${(err as Error).message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (!command || parsed.options.help) {
    const asked = parsed.options.help || argv[0] === 'help';
    if (!asked && argv.length) process.stderr.write(`dossier: unknown command "${argv.find((a) => !a.startsWith('-'))}"\n\n`);
    process.stdout.write(USAGE + '\n');
    return asked ? EXIT.ok : EXIT.usage;
  }
  const ctx = createContext(parsed.options, (detail) => process.env.DOSSIER_DEBUG && process.stderr.write(`${detail}\n`));
  stopOnInterrupt(ctx);
  try {
    return await command.run(ctx, parsed.args);
  } finally {
    await ctx.close();
  }
}

/** Ctrl-C: an import stops after its current batch (what it printed is kept); a second one quits now. */
function stopOnInterrupt(ctx: CliContext): void {
  let asked = false;
  process.on('SIGINT', () => {
    if (asked) process.exit(EXIT.interrupted);
    asked = true;
    void ctx.call('import.cancel', {}).catch(() => undefined);
  });
}

function report(thrown: unknown): number {
  if (thrown instanceof UsageError) {
    process.stderr.write(`dossier: ${thrown.message}\n`);
    return EXIT.usage;
  }
  const shape = thrown instanceof ApiError ? thrown.shape : toApiError(thrown, (detail) => process.env.DOSSIER_DEBUG && process.stderr.write(`${detail}\n`));
  const hint = HINTS[shape.code];
  process.stderr.write(`dossier: ${shape.message}${hint ? ` ${hint}` : ''}\n`);
  if (shape.code !== 'internal') return EXIT.error;
  if (!process.env.DOSSIER_DEBUG) process.stderr.write('(set DOSSIER_DEBUG=1 for details)\n');
  return EXIT.internal;
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0); // `dossier cat … | head` is fine
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (thrown: unknown) => {
    process.exitCode = report(thrown);
  },
);

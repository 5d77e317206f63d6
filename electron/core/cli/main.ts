// `dossier`: the core driven from a terminal. User errors print one clear line (no stack trace).
import { parseArgs } from 'node:util';
import { DossierError } from '../vault/errors.js';
import type { Options } from './context.js';
import { init, passwd, recover, check } from './commands/vault-commands.js';
import { importCommand, list, show, cat } from './commands/record-commands.js';
import { EXTRA_COMMANDS } from './commands/registry.js';
import { asDossierError } from '../export/bundle-errors.js';

const USAGE = `Usage: dossier COMMAND [--vault DIR] [options]

Vault
  init                         create an encrypted vault (prints the recovery key once)
  passwd                       change the passphrase (DOSSIER_NEW_PASSPHRASE or prompt)
  recover --recovery-key KEY   set a new passphrase using the recovery key
  check                        verify every stored file and the database

Records
  import PATH... [--json] [--no-ocr]   add files, folders, zips, CD folders
                               (--no-ocr: do not read text from photos and scanned pages)
  list [--search Q] [--type T] [--json]
  show ID [--json]
  cat ID [--out FILE]          original bytes of a file (or of a single-file record)
${EXTRA_COMMANDS.map((c) => `  ${c.usage}`).join('\n')}

The vault folder is --vault DIR, else $DOSSIER_VAULT, else the desktop app's vault.
The passphrase is read from $DOSSIER_PASSPHRASE when set, otherwise asked for.`;

const OPTION_SPEC = {
  vault: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  search: { type: 'string' },
  type: { type: 'string' },
  'recovery-key': { type: 'string' },
  title: { type: 'string' },
  question: { type: 'string' },
  provider: { type: 'string' },
  add: { type: 'string', multiple: true },
  case: { type: 'string' },
  records: { type: 'string' },
  all: { type: 'boolean' },
  zip: { type: 'boolean' },
  'zip-password-env': { type: 'string' },
  'reports-as-dicom': { type: 'boolean' },
  'allow-identity-mismatch': { type: 'boolean' },
  overwrite: { type: 'boolean' },
  'no-ocr': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTION_SPEC, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`dossier: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const options = parsed.values as Options & { help?: boolean };
  if (!command || options.help || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command || options.help ? 0 : 2;
  }
  switch (command) {
    case 'init':
      return init(options);
    case 'passwd':
      return passwd(options);
    case 'recover':
      return recover(options);
    case 'check':
      return check(options);
    case 'import':
      return importCommand(options, rest);
    case 'list':
      return list(options);
    case 'show':
      return show(options, rest[0]);
    case 'cat':
      return cat(options, rest[0]);
  }
  const extra = EXTRA_COMMANDS.find((c) => c.name === command);
  if (extra) return extra.run(options, rest);
  process.stderr.write(`dossier: unknown command "${command}"\n\n${USAGE}\n`);
  return 2;
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0); // `dossier cat … | head` is fine
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (thrown: unknown) => {
    const err = asDossierError(thrown);
    if (err instanceof DossierError) {
      process.stderr.write(`dossier: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`dossier: unexpected error: ${(err as Error)?.message ?? String(err)}\n`);
      if (process.env.DOSSIER_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
      else process.stderr.write('(set DOSSIER_DEBUG=1 for details)\n');
      process.exitCode = 70;
    }
  },
);

// Commands beyond the vault basics: identities, cases, export and verify.
import type { Options } from '../context.js';
import { identities, caseCommand } from './case-commands.js';
import { exportCommand, verifyCommand } from './export-commands.js';
import { deleteCommand, restoreCommand, emptyTrashCommand } from './trash-commands.js';

export interface ExtraCommand {
  name: string;
  usage: string;
  run(options: Options, args: string[]): Promise<number>;
}

export const EXTRA_COMMANDS: ExtraCommand[] = [
  { name: 'delete', usage: 'delete ID...                 move records to the trash', run: deleteCommand },
  { name: 'restore', usage: 'restore ID...                take records back out of the trash', run: restoreCommand },
  { name: 'empty-trash', usage: 'empty-trash                  delete the records in the trash for good', run: (o) => emptyTrashCommand(o) },
  { name: 'identities', usage: 'identities [--json]          patient identities the records carry, and conflicts', run: (o) => identities(o) },
  {
    name: 'case',
    usage: 'case create --title T [--question Q] [--provider NAME] | add CASE RECORD... | questions CASE --add "…" | list | show CASE [--json]',
    run: caseCommand,
  },
  {
    name: 'export',
    usage: 'export (--case ID | --records ID,ID | --all) --out PATH [--zip] [--zip-password-env VAR] [--reports-as-dicom] [--allow-identity-mismatch] [--overwrite]',
    run: (o) => exportCommand(o),
  },
  { name: 'verify', usage: 'verify PATH [--zip-password-env VAR]   re-check a written bundle (folder or zip)', run: verifyCommand },
];

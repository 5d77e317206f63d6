// dossier export | verify
import path from 'node:path';
import { formatBytes, plural } from '../../../../shared/format.js';
import { str, type CliContext } from '../context.js';
import { UsageError } from '../usage-error.js';
import { ProgressBar } from '../terminal.js';
import { JSON_OPTION, PROGRESS_OPTION, type Command } from './command.js';

function zipPassword(ctx: CliContext): string | undefined {
  const name = str(ctx.options['zip-password-env']);
  if (!name) return undefined;
  const value = process.env[name];
  if (!value) throw new UsageError(`The environment variable ${name} (named by --zip-password-env) is not set or empty.`);
  return value;
}

const exportCommand: Command = {
  name: 'export',
  usage: 'export (--case ID | --records ID,ID | --all) --out PATH [--zip] [--zip-password-env VAR] [--reports-as-dicom] [--no-viewer-images] [--allow-identity-mismatch] [--overwrite] [--progress]',
  options: {
    ...JSON_OPTION,
    ...PROGRESS_OPTION,
    case: { type: 'string' },
    records: { type: 'string' },
    all: { type: 'boolean' },
    out: { type: 'string' },
    zip: { type: 'boolean' },
    'zip-password-env': { type: 'string' },
    'reports-as-dicom': { type: 'boolean' },
    'no-viewer-images': { type: 'boolean' },
    'allow-identity-mismatch': { type: 'boolean' },
    overwrite: { type: 'boolean' },
  },
  async run(ctx) {
    const o = ctx.options;
    const out = str(o.out);
    if (!out) throw new UsageError('Say where to write the bundle: --out PATH (a folder, e.g. a USB stick, or a .zip with --zip).');
    if ([o.case, o.records, o.all].filter(Boolean).length !== 1) throw new UsageError('Say what to export: exactly one of --case ID, --records ID,ID or --all.');
    const password = zipPassword(ctx);
    const kind = o.zip || out.toLowerCase().endsWith('.zip') ? 'zip' : 'folder';
    if (password && kind !== 'zip') throw new UsageError('A password needs --zip: a USB folder is never encrypted (hand it over in person).');
    await ctx.unlock();
    const bar = new ProgressBar(Boolean(ctx.options.progress));
    ctx.on('export.progress', (p) => bar.update(p.filesDone, p.filesTotal, p.bytesDone, `${p.phase}: ${p.currentFile}`));
    const result = await ctx.call('export.run', {
      ...(str(o.case) ? { caseId: str(o.case)! } : {}),
      ...(str(o.records) ? { recordIds: str(o.records)!.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      ...(o.all ? { all: true } : {}),
      destination: { kind, path: path.resolve(out) },
      ...(password ? { zipPassword: password } : {}),
      ...(o['reports-as-dicom'] ? { reportsAsDicom: true } : {}),
      ...(o['no-viewer-images'] ? { viewerImages: false } : {}),
      ...(o['allow-identity-mismatch'] ? { allowIdentityMismatch: true } : {}),
      ...(o.overwrite ? { replaceExisting: true } : {}),
    });
    bar.clear();
    if (ctx.options.json) ctx.printJson(result);
    else {
      ctx.print(`Wrote ${plural(result.fileCount, 'file')} (${formatBytes(result.bytes)}) to ${result.path}`);
      ctx.print(result.verified.ok ? 'bundle ok (every file re-read and checked against the manifest)' : 'The written bundle did NOT verify:');
      for (const p of result.verified.problems) ctx.print(`  ${p}`);
      if (kind === 'folder') ctx.print('This folder is not encrypted: anyone holding it can read it — hand it over in person.');
      else if (password)
        ctx.print(
          "The zip is AES-256 encrypted: its contents are hidden, but not how many files it holds, their sizes or their names. Windows' built-in zip tool cannot open it: use 7-Zip, or macOS Archive Utility.",
        );
    }
    return result.verified.ok ? 0 : 1;
  },
};

const verify: Command = {
  name: 'verify',
  usage: 'verify PATH [--zip-password-env VAR]   re-check a written bundle (folder or zip)',
  options: { ...JSON_OPTION, 'zip-password-env': { type: 'string' } },
  async run(ctx, [target]) {
    if (!target) throw new UsageError('Say which bundle: dossier verify PATH (a folder or a .zip)');
    const password = zipPassword(ctx);
    const result = await ctx.call('export.verify', { path: path.resolve(target), ...(password ? { zipPassword: password } : {}) });
    if (ctx.options.json) ctx.printJson(result);
    else if (result.ok) ctx.print(`bundle ok (${plural(result.fileCount, 'file')} checked)`);
    else {
      ctx.print(`bundle NOT ok: ${plural(result.problems.length, 'problem')}`);
      for (const p of result.problems) ctx.print(`  ${p}`);
    }
    return result.ok ? 0 : 1;
  },
};

export const EXPORT_COMMANDS: Command[] = [exportCommand, verify];

// dossier export | verify
import path from 'node:path';
import { exportBundle } from '../../export/export-bundle.js';
import { verifyBundle } from '../../bundle/verify.js';
import { asDossierError } from '../../export/bundle-errors.js';
import { DossierError } from '../../base/errors.js';
import { withVault, print, printJson, type Options } from '../context.js';
import { ProgressBar, formatBytes } from '../terminal.js';
import { APP_VERSION } from '../../base/app-version.js';

function zipPassword(options: Options): string | undefined {
  const name = options['zip-password-env'];
  if (!name) return undefined;
  const value = process.env[name];
  if (!value) throw new DossierError('invalid-params', `The environment variable ${name} (named by --zip-password-env) is not set or empty.`);
  return value;
}

export async function exportCommand(options: Options): Promise<number> {
  if (!options.out) throw new DossierError('invalid-params', 'Say where to write the bundle: --out PATH (a folder, e.g. a USB stick, or a .zip with --zip).');
  const chosen = [options.case, options.records, options.all].filter(Boolean).length;
  if (chosen !== 1) throw new DossierError('invalid-params', 'Say what to export: exactly one of --case ID, --records ID,ID or --all.');
  const password = zipPassword(options);
  const kind = options.zip || options.out.toLowerCase().endsWith('.zip') ? 'zip' : 'folder';
  if (password && kind !== 'zip') throw new DossierError('invalid-params', 'A password needs --zip: a USB folder is never encrypted (hand it over in person).');
  return withVault(options, async (vault) => {
    const bar = new ProgressBar();
    const result = await exportBundle(vault, {
      ...(options.case ? { caseId: options.case } : {}),
      ...(options.records ? { recordIds: options.records.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      ...(options.all ? { all: true } : {}),
      destination: { kind, path: path.resolve(options.out!) },
      ...(password ? { zipPassword: password } : {}),
      ...(options['reports-as-dicom'] ? { reportsAsDicom: true } : {}),
      ...(options['allow-identity-mismatch'] ? { allowIdentityMismatch: true } : {}),
      ...(options.overwrite ? { overwrite: true } : {}),
      appVersion: APP_VERSION,
      onProgress: (p) => bar.update(p.filesDone, p.filesTotal, p.bytesDone, `${p.phase}: ${p.currentFile}`),
    }).catch((err: unknown) => {
      if (err instanceof DossierError && err.code === 'identity-mismatch')
        throw new DossierError(err.code, `${err.message}\n(If they are the same person: add --allow-identity-mismatch.)`);
      throw err;
    });
    bar.clear();
    if (options.json) printJson(result);
    else {
      print(`Wrote ${result.fileCount} files (${formatBytes(result.bytes)}) to ${result.path}`);
      print(result.verified.ok ? 'bundle ok (every file re-read and checked against the manifest)' : 'The written bundle did NOT verify:');
      for (const p of result.verified.problems) print(`  ${p}`);
      if (kind === 'folder') print('This folder is not encrypted: anyone holding it can read it — hand it over in person.');
      else if (password) print("The zip is AES-256 encrypted. Windows' built-in zip tool cannot open it: use 7-Zip, or macOS Archive Utility.");
    }
    return result.verified.ok ? 0 : 1;
  });
}

export async function verifyCommand(options: Options, args: string[]): Promise<number> {
  const target = args[0];
  if (!target) throw new DossierError('invalid-params', 'Say which bundle: dossier verify PATH (a folder or a .zip)');
  const password = zipPassword(options);
  let result;
  try {
    result = await verifyBundle(path.resolve(target), password ? { password } : {});
  } catch (err) {
    throw asDossierError(err);
  }
  if (options.json) printJson(result);
  else if (result.ok) print(`bundle ok (${result.fileCount} files checked)`);
  else {
    print(`bundle NOT ok: ${result.problems.length} problem(s)`);
    for (const p of result.problems) print(`  ${p}`);
  }
  return result.ok ? 0 : 1;
}

// dossier init | passwd | recover | check
import { Vault } from '../../vault/vault.js';
import { checkVault } from '../../vault/check.js';
import { vaultDir, withVault, print, printJson, type Options } from '../context.js';
import { newPassphrase, passphraseFromEnvOrPrompt, formatBytes } from '../terminal.js';
import { DossierError } from '../../base/errors.js';

export async function init(options: Options): Promise<number> {
  const dir = vaultDir(options);
  const passphrase = process.env.DOSSIER_PASSPHRASE || (await newPassphrase('DOSSIER_PASSPHRASE'));
  const { vault, recoveryKey } = await Vault.create(dir, passphrase);
  vault.close();
  print(`Created an encrypted vault in ${dir}`);
  print('');
  print('Your recovery key (shown only this once — write it down and keep it somewhere safe):');
  print('');
  print(`    ${recoveryKey}`);
  print('');
  print('If you forget your passphrase, `dossier recover --recovery-key KEY` sets a new one with it.');
  return 0;
}

export async function passwd(options: Options): Promise<number> {
  const dir = vaultDir(options);
  const current = await passphraseFromEnvOrPrompt('DOSSIER_PASSPHRASE', `Current passphrase for ${dir}: `);
  const vault = await Vault.open(dir, current);
  try {
    const next = await newPassphrase('DOSSIER_NEW_PASSPHRASE');
    await vault.changePassphrase(current, next);
  } finally {
    vault.close();
  }
  print('Passphrase changed. Your recovery key still works.');
  return 0;
}

export async function recover(options: Options): Promise<number> {
  const key = options['recovery-key'];
  if (!key) throw new DossierError('invalid-params', 'Give the recovery key: dossier recover --recovery-key KEY');
  const next = await newPassphrase('DOSSIER_NEW_PASSPHRASE');
  const vault = await Vault.recover(vaultDir(options), key, next);
  vault.close();
  print('The vault is open again: a new passphrase is set. Your recovery key still works.');
  return 0;
}

export async function check(options: Options): Promise<number> {
  return withVault(options, async (vault) => {
    const report = await checkVault(vault);
    if (options.json) printJson(report);
    else if (report.ok) print(`vault ok (${report.records} records, ${report.files} files, ${formatBytes(report.bytes)})`);
    else {
      print(`vault damaged: ${report.problems.length} problem(s)`);
      for (const p of report.problems) print(`  ${p}`);
    }
    return report.ok ? 0 : 1;
  });
}

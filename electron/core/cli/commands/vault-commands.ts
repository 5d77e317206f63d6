// dossier init | passwd | recover | check | rebuild-index
import { describeCheckProblem, describeRebuild } from '../../../../shared/words/vault.js';
import { formatBytes, plural } from '../../../../shared/format.js';
import { UsageError } from '../usage-error.js';
import { newPassphrase, passphraseFromEnvOrPrompt, promptHidden } from '../terminal.js';
import { JSON_OPTION, type Command } from './command.js';

const init: Command = {
  name: 'init',
  usage: 'init                         create an encrypted vault (prints the recovery key once)',
  async run(ctx) {
    const passphrase = process.env.DOSSIER_PASSPHRASE || (await newPassphrase('DOSSIER_PASSPHRASE'));
    const { recoveryKey } = await ctx.call('vault.create', { passphrase });
    ctx.print(`Created an encrypted vault in ${ctx.vaultDir}`);
    ctx.print('');
    ctx.print('Your recovery key (shown only this once — write it down and keep it somewhere safe):');
    ctx.print('');
    ctx.print(`    ${recoveryKey}`);
    ctx.print('');
    ctx.print('If you forget your passphrase, `dossier recover` sets a new one with it.');
    return 0;
  },
};

const passwd: Command = {
  name: 'passwd',
  usage: 'passwd                       change the passphrase (DOSSIER_NEW_PASSPHRASE or prompt)',
  async run(ctx) {
    const current = await passphraseFromEnvOrPrompt('DOSSIER_PASSPHRASE', `Current passphrase for ${ctx.vaultDir}: `);
    await ctx.call('vault.unlock', { passphrase: current });
    await ctx.call('vault.changePassphrase', { current, next: await newPassphrase('DOSSIER_NEW_PASSPHRASE') });
    ctx.print('Passphrase changed. Your recovery key still works.');
    return 0;
  },
};

const recover: Command = {
  name: 'recover',
  usage: 'recover                      set a new passphrase with the recovery key (DOSSIER_RECOVERY_KEY or prompt)',
  options: { 'recovery-key': { type: 'string' } },
  async run(ctx) {
    // A key on the command line lands in shell history and the process list: refuse it.
    if (ctx.options['recovery-key'] !== undefined)
      throw new UsageError('Do not put the recovery key on the command line (shell history, process list): set DOSSIER_RECOVERY_KEY or type it at the prompt.');
    const recoveryKey = process.env.DOSSIER_RECOVERY_KEY || (await promptHidden('Recovery key: '));
    await ctx.call('vault.recover', { recoveryKey, newPassphrase: await newPassphrase('DOSSIER_NEW_PASSPHRASE') });
    ctx.print('The vault is open again: a new passphrase is set. Your recovery key still works.');
    return 0;
  },
};

const check: Command = {
  name: 'check',
  usage: 'check [--json]               verify every stored file and the database',
  options: JSON_OPTION,
  async run(ctx) {
    await ctx.unlock();
    const report = await ctx.call('vault.check', {});
    if (ctx.options.json) ctx.printJson(report);
    else if (report.problems.some((p) => p.code === 'database-damaged')) ctx.print(`${describeCheckProblem(report.problems[0]!)} Run \`dossier rebuild-index\` to rebuild it from them.`);
    else if (report.ok) {
      const unlisted = report.unlistedFiles ? `; ${plural(report.unlistedFiles, 'stored file')} not in the index — \`dossier rebuild-index\` adds them back` : '';
      ctx.print(`vault ok (${plural(report.records, 'record')}, ${plural(report.files, 'file')}, ${formatBytes(report.bytes)}${unlisted})`);
    } else {
      ctx.print(`vault damaged: ${plural(report.problems.length, 'problem')}`);
      for (const p of report.problems) ctx.print(`  ${describeCheckProblem(p)}`);
    }
    return report.ok ? 0 : 1;
  },
};

const rebuildIndex: Command = {
  name: 'rebuild-index',
  usage: 'rebuild-index                recreate the database from the stored files and the latest snapshot',
  options: JSON_OPTION,
  async run(ctx) {
    const passphrase = await passphraseFromEnvOrPrompt('DOSSIER_PASSPHRASE', `Passphrase for ${ctx.vaultDir}: `);
    if (!ctx.options.json) ctx.on('rebuild.progress', (p) => p.recordId && ctx.print(`restored  ${p.recordId}  (${p.filesDone} of ${p.filesTotal} stored files)`));
    const { report } = await ctx.call('vault.rebuildIndex', { passphrase });
    if (ctx.options.json) ctx.printJson(report);
    else for (const line of describeRebuild(report)) ctx.print(line);
    return 0;
  },
};

export const VAULT_COMMANDS: Command[] = [init, passwd, recover, check, rebuildIndex];

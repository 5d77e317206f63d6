// dossier case create | add | questions | list | show (and update | item | compare: case-journey-commands.ts)
import { formatBytes, plural } from '../../../../shared/format.js';
import { CASE_STATUS_WORDS, RECORDS_SENT_BY_WORDS } from '../../../../shared/words/journey.js';
import type { CaseDetail } from '../../../../shared/cases.js';
import { str, type CliContext } from '../context.js';
import { UsageError } from '../usage-error.js';
import { JSON_OPTION, type Command } from './command.js';
import { describeConflict } from '../../../../shared/words/identity.js';
import { JOURNEY_OPTIONS, JOURNEY_SUBCOMMANDS, itemLine } from './case-journey-commands.js';

type Sub = (ctx: CliContext, args: string[]) => Promise<number>;

const create: Sub = async (ctx) => {
  const title = str(ctx.options.title);
  if (!title) throw new UsageError('Give the case a title: dossier case create --title "Second opinion on my biopsy"');
  const question = str(ctx.options.question);
  const provider = str(ctx.options.provider);
  const c = await ctx.call('cases.create', { title, ...(question ? { question } : {}), ...(provider ? { provider: { name: provider } } : {}) });
  if (ctx.options.json) ctx.printJson(c);
  else ctx.print(`Created case ${c.id}: ${c.title}`);
  return 0;
};

const add: Sub = async (ctx, [caseId, ...recordIds]) => {
  if (!caseId || !recordIds.length) throw new UsageError('Usage: dossier case add CASE RECORD...');
  const c = await ctx.call('cases.addRecords', { id: caseId, recordIds });
  ctx.print(`Case ${c.id} now has ${plural(c.recordIds.length, 'record')}.`);
  for (const conflict of c.identityConflicts) ctx.print(`  ! ${describeConflict(conflict)}`);
  return 0;
};

const questions: Sub = async (ctx, [caseId]) => {
  if (!caseId) throw new UsageError('Usage: dossier case questions CASE --add "…"');
  const added = (ctx.options.add as string[] | undefined) ?? [];
  const c = await ctx.call('cases.get', { id: caseId });
  const next = added.length ? await ctx.call('cases.setQuestions', { id: caseId, questions: [...c.questions, ...added] }) : c;
  if (ctx.options.json) ctx.printJson(next.questions);
  else next.questions.forEach((q, i) => ctx.print(`${i + 1}. ${q}`));
  return 0;
};

const list: Sub = async (ctx) => {
  const cases = await ctx.call('cases.list', {});
  if (ctx.options.json) ctx.printJson(cases);
  else if (!cases.length) ctx.print('No cases yet. Create one: dossier case create --title "…"');
  else
    for (const c of cases)
      ctx.print(
        `${c.id}  ${c.title}  [${CASE_STATUS_WORDS[c.journey.status]}${c.journey.appointmentDate ? `, appointment ${c.journey.appointmentDate}` : ''}]  (${plural(c.recordCount, 'record')}, ${formatBytes(c.totalBytes)}${c.provider.name ? `, for ${c.provider.name}` : ''})`,
      );
  return 0;
};

const show: Sub = async (ctx, [caseId]) => {
  if (!caseId) throw new UsageError('Usage: dossier case show CASE');
  const c = await ctx.call('cases.get', { id: caseId });
  if (ctx.options.json) {
    ctx.printJson(c);
    return 0;
  }
  ctx.print(c.title);
  if (c.question) ctx.print(`  Question: ${c.question}`);
  printJourney(ctx, c);
  ctx.print(`  ${plural(c.recordIds.length, 'record')}, ${formatBytes(c.totalBytes)}: ${c.recordIds.join(' ')}`);
  c.questions.forEach((q, i) => ctx.print(`  ${i + 1}. ${q}`));
  for (const conflict of c.identityConflicts) ctx.print(`  ! ${describeConflict(conflict)}`);
  if (c.items.length) ctx.print('  Sent separately:');
  for (const i of c.items) ctx.print(`    ${itemLine(i)}`);
  ctx.print(c.shares.length ? '  Shared:' : '  Not shared yet.');
  for (const s of c.shares)
    ctx.print(
      `    ${s.exportedAt}  ${s.destinationKind}${s.encrypted ? ' (password)' : ''} ${s.destination}  ${plural(s.fileCount, 'file')}, ${formatBytes(s.bytes)}${s.providerName ? `, to ${s.providerName}` : ''}  manifest ${s.manifestSha256.slice(0, 16)}…`,
    );
  return 0;
};

/** Provider, credentials, status, appointment, how records travel, insurance and cost — what is set. */
function printJourney(ctx: CliContext, c: CaseDetail): void {
  const p = c.provider;
  const j = c.journey;
  const lines: [string, string][] = [
    ['Status', CASE_STATUS_WORDS[j.status]],
    ['For', [p.name, p.specialty, p.institution].filter(Boolean).join(', ')],
    ['Credentials', p.credentials ? `${p.credentials}${p.credentialsCheckedOn ? ` (checked on ${p.credentialsCheckedOn})` : ' (not checked yet)'}` : ''],
    ['Contact', p.contact],
    ['Appointment', j.appointmentDate ?? ''],
    ['Records sent', j.recordsSentBy ? RECORDS_SENT_BY_WORDS[j.recordsSentBy] : ''],
    ['Insurance', j.insurance],
    ['Pre-authorisation', j.preAuthorization],
    ['Cost', j.cost],
    ['Prepared by', [j.preparedBy, j.preparerContact].filter(Boolean).join(', ')],
  ];
  for (const [label, value] of lines) if (value) ctx.print(`  ${label}: ${value}`);
}

const SUBCOMMANDS: Record<string, Sub> = { create, add, questions, list, show, ...JOURNEY_SUBCOMMANDS };

const caseCommand: Command = {
  name: 'case',
  usage:
    'case create --title T [--question Q] [--provider NAME] | add CASE RECORD... | questions CASE --add "…" | list | show CASE [--json]\n' +
    '  case update CASE [--provider-name N] [--provider-institution I] [--provider-specialty S] [--provider-credentials C] [--credentials-checked DATE|today]\n' +
    '              [--provider-contact X] [--insurance T] [--preauth T] [--cost T] [--appointment DATE] [--status STATUS] [--records-sent-by HOW]\n' +
    '              [--prepared-by NAME] [--preparer-contact X]\n' +
    '  case item add CASE --what T [--from T] [--status requested|received|sent|returned] [--carrier C] [--tracking T] [--date D] | item update ID … | item delete ID\n' +
    '  case compare CASE [--json]      the opinions side by side: agree / differ / only one opinion',
  options: { ...JSON_OPTION, ...JOURNEY_OPTIONS, title: { type: 'string' }, question: { type: 'string' }, provider: { type: 'string' }, add: { type: 'string', multiple: true } },
  async run(ctx, [sub, ...rest]) {
    const run = sub ? SUBCOMMANDS[sub] : undefined;
    if (!run) throw new UsageError(`Usage: dossier case ${Object.keys(SUBCOMMANDS).join('|')} …`);
    await ctx.unlock();
    return run(ctx, rest);
  },
};

export const CASE_COMMANDS: Command[] = [caseCommand];

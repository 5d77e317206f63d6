// dossier case update | item | compare — the practical side of a case: provider and credentials,
// insurance and cost, appointment and status; items sent separately; the opinions compared.
import { CASE_ITEM_STATUSES, CASE_STATUSES, RECORDS_SENT_BY, type CaseItem, type CaseItemInput, type CaseJourney, type Provider } from '../../../../shared/cases.js';
import { AGREEMENT_WORDS, CASE_ITEM_STATUS_WORDS, topicLabel } from '../../../../shared/words/journey.js';
import { str, type CliContext } from '../context.js';
import { UsageError } from '../usage-error.js';
import type { OptionSpec } from './command.js';
import { optionalChoice } from './choice.js';

type Sub = (ctx: CliContext, args: string[]) => Promise<number>;

const PROVIDER_OPTIONS: Record<string, keyof Provider> = {
  'provider-name': 'name',
  'provider-institution': 'institution',
  'provider-specialty': 'specialty',
  'provider-credentials': 'credentials',
  'provider-contact': 'contact',
  'credentials-checked': 'credentialsCheckedOn',
};
const JOURNEY_TEXT_OPTIONS: Record<string, 'insurance' | 'preAuthorization' | 'cost' | 'appointmentDate' | 'preparedBy' | 'preparerContact'> = {
  insurance: 'insurance',
  preauth: 'preAuthorization',
  cost: 'cost',
  appointment: 'appointmentDate',
  'prepared-by': 'preparedBy',
  'preparer-contact': 'preparerContact',
};
const ITEM_OPTIONS = ['what', 'from', 'carrier', 'tracking', 'date', 'notes'] as const;

const stringOptions = (names: string[]): Record<string, OptionSpec> => Object.fromEntries(names.map((n) => [n, { type: 'string' } as OptionSpec]));

/** Every option the journey subcommands take (added to the `case` command's table). */
export const JOURNEY_OPTIONS: Record<string, OptionSpec> = {
  ...stringOptions([...Object.keys(PROVIDER_OPTIONS), ...Object.keys(JOURNEY_TEXT_OPTIONS), ...ITEM_OPTIONS, 'status', 'records-sent-by']),
};

const today = (): string => new Date().toISOString().slice(0, 10);

function picked<K extends string>(ctx: CliContext, table: Record<string, K>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [option, field] of Object.entries(table)) {
    const value = str(ctx.options[option]);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

const update: Sub = async (ctx, [caseId]) => {
  if (!caseId) throw new UsageError('Usage: dossier case update CASE [--provider-name N] [--status STATUS] [--appointment DATE] …');
  const provider: Partial<Provider> = picked(ctx, PROVIDER_OPTIONS);
  if (provider.credentialsCheckedOn === 'today') provider.credentialsCheckedOn = today();
  const texts = picked(ctx, JOURNEY_TEXT_OPTIONS);
  const journey: Partial<CaseJourney> = { ...texts, ...(texts.appointmentDate === '' ? { appointmentDate: null } : {}) };
  const status = optionalChoice(str(ctx.options.status), CASE_STATUSES, '--status');
  if (status) journey.status = status;
  const sentBy = optionalChoice(str(ctx.options['records-sent-by']), [...RECORDS_SENT_BY, ''], '--records-sent-by');
  if (sentBy !== undefined) journey.recordsSentBy = sentBy;
  const title = str(ctx.options.title);
  const question = str(ctx.options.question);
  const patch = {
    ...(title ? { title } : {}),
    ...(question !== undefined ? { question } : {}),
    ...(Object.keys(provider).length ? { provider } : {}),
    ...(Object.keys(journey).length ? { journey } : {}),
  };
  if (!Object.keys(patch).length) throw new UsageError('Nothing to change: give at least one option (see dossier --help).');
  const c = await ctx.call('cases.update', { id: caseId, patch });
  if (ctx.options.json) ctx.printJson(c);
  else ctx.print(`Case ${c.id} updated.`);
  return 0;
};

function itemInput(ctx: CliContext): Partial<CaseItemInput> {
  const input: Partial<CaseItemInput> = picked(ctx, Object.fromEntries(ITEM_OPTIONS.map((o) => [o, o])) as Record<string, (typeof ITEM_OPTIONS)[number]>);
  const status = optionalChoice(str(ctx.options.status), CASE_ITEM_STATUSES, '--status');
  if (status) input.status = status;
  return input;
}

export function itemLine(item: CaseItem): string {
  const when = CASE_ITEM_STATUSES.filter((s) => item.dates[s]).map((s) => `${CASE_ITEM_STATUS_WORDS[s].toLowerCase()} ${item.dates[s]}`);
  const shipping = [item.carrier, item.tracking].filter(Boolean).join(' ');
  return `${item.id}  ${item.what}${item.from ? ` (from ${item.from})` : ''} — ${CASE_ITEM_STATUS_WORDS[item.status]}${when.length ? ` (${when.join(', ')})` : ''}${shipping ? `, ${shipping}` : ''}`;
}

const item: Sub = async (ctx, [action, target]) => {
  if (!target || !action || !['add', 'update', 'delete'].includes(action)) throw new UsageError('Usage: dossier case item add CASE --what T … | item update ID … | item delete ID');
  if (action === 'delete') {
    await ctx.call('caseItems.delete', { id: target });
    ctx.print(`Deleted item ${target}.`);
    return 0;
  }
  const input = itemInput(ctx);
  let saved: CaseItem;
  if (action === 'add') {
    if (!input.what) throw new UsageError('Say what it is: dossier case item add CASE --what "Pathology slides (12)"');
    saved = await ctx.call('caseItems.add', { caseId: target, item: { ...input, what: input.what } });
  } else saved = await ctx.call('caseItems.update', { id: target, patch: input });
  if (ctx.options.json) ctx.printJson(saved);
  else ctx.print(itemLine(saved));
  return 0;
};

const compare: Sub = async (ctx, [caseId]) => {
  if (!caseId) throw new UsageError('Usage: dossier case compare CASE [--json]');
  const c = await ctx.call('opinions.compare', { caseId });
  if (ctx.options.json) {
    ctx.printJson(c);
    return 0;
  }
  if (c.opinions.length === 0) ctx.print('No opinions recorded yet. Add one: dossier opinion add CASE --by "Dr …"');
  const names = new Map(c.opinions.map((o) => [o.id, `${o.by}${o.date ? ` (${o.date})` : ''}`]));
  for (const t of c.topics) {
    ctx.print(`${topicLabel(t)}: ${AGREEMENT_WORDS[t.agreement].toUpperCase()}${t.overridden ? ' (your mark)' : ''}`);
    for (const [id, text] of Object.entries(t.values)) ctx.print(`  ${names.get(id) ?? id}: ${text}`);
  }
  return 0;
};

export const JOURNEY_SUBCOMMANDS: Record<string, Sub> = { update, item, compare };

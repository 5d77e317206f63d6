// dossier health add | list | update | confirm | dismiss | delete — the health summary per person.
import { ALLERGY_SEVERITIES, CLINICAL_STATUSES, HEALTH_KINDS, PROCEDURE_CATEGORIES, type HealthFields, type HealthItem, type HealthKind } from '../../../../shared/health.js';
import { HEALTH_KIND_WORDS, REVIEW_STATUS_WORDS, describeHealthDetails } from '../../../../shared/words/health.js';
import { str, type CliContext } from '../context.js';
import { UsageError } from '../usage-error.js';
import { JSON_OPTION, type Command, type OptionSpec } from './command.js';
import { choice } from './choice.js';

type Sub = (ctx: CliContext, args: string[]) => Promise<number>;

const FIELD_OPTIONS: Record<string, keyof HealthFields> = {
  date: 'date',
  'end-date': 'endDate',
  status: 'clinicalStatus',
  dose: 'dose',
  frequency: 'frequency',
  reaction: 'reaction',
  severity: 'severity',
  category: 'category',
  detail: 'detail',
};

/** The details given on the command line; enumerated ones are checked here to name the choices. */
function fieldsFrom(ctx: CliContext, kind: HealthKind, base: HealthFields = {}): HealthFields {
  const fields: Record<string, string> = { ...(base as Record<string, string>) };
  for (const [option, field] of Object.entries(FIELD_OPTIONS)) {
    const value = str(ctx.options[option]);
    if (value !== undefined) fields[field] = value;
  }
  if (fields['clinicalStatus']) choice(fields['clinicalStatus'], CLINICAL_STATUSES[kind], '--status');
  if (fields['severity']) choice(fields['severity'], ALLERGY_SEVERITIES, '--severity');
  if (fields['category']) choice(fields['category'], PROCEDURE_CATEGORIES, '--category');
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) as HealthFields;
}

/** `--person ID`, or `--person none` for items nobody is set for; undefined when not given. */
function personOption(ctx: CliContext): string | null | undefined {
  const p = str(ctx.options.person);
  return p === undefined ? undefined : p === 'none' ? null : p;
}

function itemLine(item: HealthItem): string {
  const details = describeHealthDetails(item);
  const from = item.sources.length ? `  (from record ${item.sources.map((s) => s.recordId).join(', ')})` : '';
  const review = item.status === 'confirmed' ? '' : `  [${REVIEW_STATUS_WORDS[item.status]}]`;
  return `  ${item.id}  ${item.text}${details ? ` — ${details}` : ''}${review}${from}`;
}

const add: Sub = async (ctx) => {
  const kind = choice(str(ctx.options.kind), HEALTH_KINDS, '--kind');
  const text = str(ctx.options.text);
  if (!text) throw new UsageError('Say what it is: dossier health add --kind condition --text "High blood pressure"');
  const personId = personOption(ctx);
  const item = await ctx.call('health.add', { kind, text, fields: fieldsFrom(ctx, kind), ...(personId !== undefined ? { personId } : {}) });
  if (ctx.options.json) ctx.printJson(item);
  else ctx.print(`Added ${HEALTH_KIND_WORDS[kind].one} ${item.id}: ${item.text}`);
  return 0;
};

const list: Sub = async (ctx) => {
  const personId = personOption(ctx);
  const items = await ctx.call('health.list', { ...(personId !== undefined ? { personId } : {}), ...(ctx.options.all ? { includeDismissed: true } : {}) });
  if (ctx.options.json) {
    ctx.printJson(items);
    return 0;
  }
  if (!items.length) ctx.print('The health summary is empty. Add to it: dossier health add --kind medication --text "…"');
  for (const kind of HEALTH_KINDS) {
    const ofKind = items.filter((i) => i.kind === kind);
    if (!ofKind.length) continue;
    ctx.print(HEALTH_KIND_WORDS[kind].heading);
    for (const i of ofKind) ctx.print(itemLine(i));
  }
  return 0;
};

const update: Sub = async (ctx, [id]) => {
  if (!id) throw new UsageError('Usage: dossier health update ID [--text T] [--date D] [--status S] …');
  const current = (await ctx.call('health.list', { includeDismissed: true })).find((i) => i.id === id);
  if (!current) throw new UsageError(`There is no health summary item with id ${id}.`);
  const text = str(ctx.options.text);
  const personId = personOption(ctx);
  const item = await ctx.call('health.update', { id, patch: { fields: fieldsFrom(ctx, current.kind, current.fields), ...(text ? { text } : {}), ...(personId !== undefined ? { personId } : {}) } });
  ctx.print(itemLine(item));
  return 0;
};

const review =
  (status: 'confirmed' | 'dismissed'): Sub =>
  async (ctx, ids) => {
    if (!ids.length) throw new UsageError(`Say which items: dossier health ${status === 'confirmed' ? 'confirm' : 'dismiss'} ID...`);
    for (const id of ids) ctx.print(itemLine(await ctx.call('health.update', { id, patch: { status } })));
    return 0;
  };

const del: Sub = async (ctx, ids) => {
  if (!ids.length) throw new UsageError('Say which items: dossier health delete ID...');
  for (const id of ids) await ctx.call('health.delete', { id });
  ctx.print(`Deleted ${ids.join(', ')}.`);
  return 0;
};

const SUBCOMMANDS: Record<string, Sub> = { add, list, update, confirm: review('confirmed'), dismiss: review('dismissed'), delete: del };

const OPTIONS: Record<string, OptionSpec> = {
  ...JSON_OPTION,
  kind: { type: 'string' },
  text: { type: 'string' },
  person: { type: 'string' },
  all: { type: 'boolean' },
  ...Object.fromEntries(Object.keys(FIELD_OPTIONS).map((o) => [o, { type: 'string' } as OptionSpec])),
};

const healthCommand: Command = {
  name: 'health',
  usage:
    'health add --kind condition|medication|allergy|procedure --text T [--date D] [--status S] [--detail T] [--person ID]\n' +
    '              [--dose T] [--frequency T] [--reaction T] [--severity S] [--category C] [--end-date D]\n' +
    '  health list [--person ID|none] [--all] [--json] | update ID [same options] | confirm ID... | dismiss ID... | delete ID...',
  options: OPTIONS,
  async run(ctx, [sub, ...rest]) {
    const run = sub ? SUBCOMMANDS[sub] : undefined;
    if (!run) throw new UsageError(`Usage: dossier health ${Object.keys(SUBCOMMANDS).join('|')} …`);
    await ctx.unlock();
    return run(ctx, rest);
  },
};

export const HEALTH_COMMANDS: Command[] = [healthCommand];

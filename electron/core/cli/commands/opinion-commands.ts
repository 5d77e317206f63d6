// dossier opinion add | list | mark | delete — the opinions a case received (the first one too).
import { OPINION_TOPICS, type Opinion, type OpinionAnswer } from '../../../../shared/cases.js';
import { OPINION_ROLE_WORDS, OPINION_TOPIC_WORDS } from '../../../../shared/words/journey.js';
import { str, type CliContext } from '../context.js';
import { UsageError } from '../usage-error.js';
import { JSON_OPTION, type Command, type OptionSpec } from './command.js';
import { choice } from './choice.js';

type Sub = (ctx: CliContext, args: string[]) => Promise<number>;

/** `--answer N=TEXT`: N counts the case's questions from 1 (as `case questions` lists them). */
function answers(values: string[], questions: string[]): OpinionAnswer[] {
  return values.map((v) => {
    const m = /^(\d+)=([\s\S]*)$/.exec(v);
    const question = m ? questions[Number(m[1]) - 1] : undefined;
    if (!m || question === undefined)
      throw new UsageError(`--answer takes N=TEXT, N a question number from 1 to ${questions.length} (dossier case questions CASE lists them); got "${v}".`);
    return { question, answer: m[2]!.trim() };
  });
}

const add: Sub = async (ctx, [caseId]) => {
  const by = str(ctx.options.by);
  if (!caseId || !by) throw new UsageError('Usage: dossier opinion add CASE --by NAME [--date D] [--diagnosis T] [--stage T] [--treatment T] [--urgency T] [--notes T] [--record ID] [--answer N=TEXT]…');
  const { questions } = await ctx.call('cases.get', { id: caseId });
  const o = ctx.options;
  const texts = Object.fromEntries(['diagnosis', 'stage', 'treatment', 'urgency', 'notes'].map((k) => [k, str(o[k])]).filter(([, v]) => v !== undefined));
  const opinion = await ctx.call('opinions.add', {
    caseId,
    opinion: {
      by,
      ...texts,
      ...(o.first ? { role: 'first' as const } : {}),
      ...(str(o.date) ? { date: str(o.date)! } : {}),
      ...(str(o.record) ? { recordId: str(o.record)! } : {}),
      answers: answers((o.answer as string[] | undefined) ?? [], questions),
    },
  });
  if (ctx.options.json) ctx.printJson(opinion);
  else ctx.print(`Added opinion ${opinion.id} by ${opinion.by}.`);
  return 0;
};

function printOpinion(ctx: CliContext, op: Opinion, questions: string[]): void {
  ctx.print(`${op.id}  ${op.by} (${OPINION_ROLE_WORDS[op.role]})${op.date ? `, ${op.date}` : ''}${op.recordId ? ` — letter: record ${op.recordId} "${op.recordTitle}"` : ''}`);
  for (const t of OPINION_TOPICS) if (op[t]) ctx.print(`  ${OPINION_TOPIC_WORDS[t]}: ${op[t]}`);
  if (op.notes) ctx.print(`  Other recommendations: ${op.notes}`);
  for (const a of op.answers) {
    const n = questions.indexOf(a.question);
    ctx.print(`  ${n >= 0 ? `${n + 1}. ` : ''}${a.question} — ${a.answer}`);
  }
}

const list: Sub = async (ctx, [caseId]) => {
  if (!caseId) throw new UsageError('Usage: dossier opinion list CASE [--json]');
  const opinions = await ctx.call('opinions.list', { caseId });
  if (ctx.options.json) {
    ctx.printJson(opinions);
    return 0;
  }
  const { questions } = await ctx.call('cases.get', { id: caseId });
  if (!opinions.length) ctx.print('No opinions recorded for this case yet.');
  for (const op of opinions) printOpinion(ctx, op, questions);
  return 0;
};

/** `opinion mark CASE TOPIC agree|differ|auto`: the person's own mark, or back to the automatic one. */
const mark: Sub = async (ctx, [caseId, ...rest]) => {
  const value = rest.pop();
  const topic = rest.join(' ');
  if (!caseId || !topic || !value) throw new UsageError('Usage: dossier opinion mark CASE TOPIC agree|differ|auto   (TOPIC as `case compare` names it: diagnosis, "question 2" …)');
  const agreement = choice(value, ['agree', 'differ', 'auto'] as const, 'The mark');
  const c = await ctx.call('opinions.mark', { caseId, topic, agreement: agreement === 'auto' ? null : agreement });
  const t = c.topics.find((x) => x.topic === topic);
  ctx.print(`${topic}: ${t?.agreement ?? agreement}${t?.overridden ? ' (your mark)' : ''}`);
  return 0;
};

const del: Sub = async (ctx, ids) => {
  if (!ids.length) throw new UsageError('Say which opinions: dossier opinion delete ID...');
  for (const id of ids) await ctx.call('opinions.delete', { id });
  ctx.print(`Deleted ${ids.join(', ')}.`);
  return 0;
};

const SUBCOMMANDS: Record<string, Sub> = { add, list, mark, delete: del };

const OPTIONS: Record<string, OptionSpec> = {
  ...JSON_OPTION,
  ...Object.fromEntries(['by', 'date', 'diagnosis', 'stage', 'treatment', 'urgency', 'notes', 'record'].map((n) => [n, { type: 'string' } as OptionSpec])),
  answer: { type: 'string', multiple: true },
  first: { type: 'boolean' },
};

const opinionCommand: Command = {
  name: 'opinion',
  usage:
    'opinion add CASE --by NAME [--first] [--date D] [--diagnosis T] [--stage T] [--treatment T] [--urgency T] [--notes T] [--record ID] [--answer N=TEXT]...\n' +
    '  opinion list CASE [--json] | mark CASE TOPIC agree|differ|auto | delete ID...',
  options: OPTIONS,
  async run(ctx, [sub, ...rest]) {
    const run = sub ? SUBCOMMANDS[sub] : undefined;
    if (!run) throw new UsageError(`Usage: dossier opinion ${Object.keys(SUBCOMMANDS).join('|')} …`);
    await ctx.unlock();
    return run(ctx, rest);
  },
};

export const OPINION_COMMANDS: Command[] = [opinionCommand];

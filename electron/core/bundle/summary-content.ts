// What SUMMARY.PDF says, in reading order: who the patient is and who prepared it, the question(s),
// the health summary, the enclosed records by date and by file, and what was sent separately. Pure:
// blocks of text that summary-pdf.ts lays out.
import { HEALTH_KINDS } from '../../../shared/health.js';
import { CASE_ITEM_STATUSES } from '../../../shared/cases.js';
import { HEALTH_KIND_WORDS, describeHealthDetails } from '../../../shared/words/health.js';
import { CASE_ITEM_STATUS_WORDS } from '../../../shared/words/journey.js';
import type { BundlePlan } from './plan.js';
import type { BundleInput, BundleSentItem } from './types.js';
import { buildTimeline } from './timeline.js';
import { PATHS } from './paths.js';
import { patientLabel, patientName, recordPatientName, severalPatients } from './patients.js';

export type SummaryBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'text'; text: string; muted?: boolean }
  /** A row of a list: `label` in a narrow first column (a date, a number, a path) or a bullet. */
  | { kind: 'row'; label?: string; text: string };

const UNCONFIRMED = ' (from the records; not yet confirmed by the patient)';

export function summaryBlocks(input: BundleInput, plan: BundlePlan): SummaryBlock[] {
  return [...patientBlocks(input), ...requestBlocks(input), ...healthBlocks(input), ...recordBlocks(input, plan), ...sentSeparatelyBlocks(input.case?.sentSeparately ?? []), ...closingBlocks(input)];
}

/** Several patients (after "Export anyway"): said under the title, before anything else, each named. */
function severalBlocks(input: BundleInput): SummaryBlock[] {
  const several = severalPatients(input);
  if (!several) return [];
  return [
    { kind: 'text', text: `This bundle holds the records of ${several.length} different patients. Every record below names its patient; please make sure each belongs to the person you are seeing.` },
    ...several.map((p): SummaryBlock => ({ kind: 'row', text: patientLabel(p) })),
  ];
}

function patientBlocks(input: BundleInput): SummaryBlock[] {
  const p = input.patient;
  const several = severalPatients(input) !== null;
  const facts = several ? [] : [p.birthDate ? `Born ${p.birthDate}` : '', p.id ? `Patient ID ${p.id}` : ''].filter(Boolean);
  const who = [input.preparedBy?.name, input.preparedBy?.contact].filter(Boolean).join(', ');
  return [
    { kind: 'title', text: 'Summary for the doctor' },
    { kind: 'heading', text: several ? `Records of ${severalPatients(input)!.length} patients` : patientName(p) },
    ...severalBlocks(input),
    ...(facts.length ? [{ kind: 'text' as const, text: facts.join(' · '), muted: true }] : []),
    // Whom to call about these records, at the top where the doctor's office looks first.
    { kind: 'text', text: `Prepared on ${input.createdAt.toISOString().slice(0, 10)} by ${who || 'the patient (no contact details given)'}.` },
    { kind: 'text', text: `This bundle also holds ${PATHS.index} (open it in a browser: every record, with previews) and ${PATHS.readme}.`, muted: true },
  ];
}

function requestBlocks(input: BundleInput): SummaryBlock[] {
  const c = input.case;
  if (!c) return [];
  const p = c.provider;
  const forWhom = [p?.name, p?.institution].filter(Boolean).join(', ');
  return [
    { kind: 'heading', text: `Second-opinion request: ${c.title}` },
    ...(forWhom ? [{ kind: 'text' as const, text: `For ${forWhom}` }] : []),
    ...(c.question ? [{ kind: 'text' as const, text: `Question: ${c.question}` }] : []),
    ...(c.questions.length ? [{ kind: 'subheading' as const, text: "The patient's questions" }] : []),
    ...c.questions.map((q, i): SummaryBlock => ({ kind: 'row', label: `${i + 1}.`, text: q })),
  ];
}

function healthBlocks(input: BundleInput): SummaryBlock[] {
  const items = input.health?.items ?? [];
  const history = input.health?.history.trim() ?? '';
  const blocks: SummaryBlock[] = [{ kind: 'heading', text: 'Health summary' }];
  if (!items.length && !history) return [...blocks, { kind: 'text', text: 'The patient has not noted a health summary.', muted: true }];
  for (const kind of HEALTH_KINDS) {
    const list = items.filter((i) => i.kind === kind);
    blocks.push({ kind: 'subheading', text: HEALTH_KIND_WORDS[kind].heading });
    if (!list.length) blocks.push({ kind: 'text', text: 'None noted.', muted: true });
    for (const i of list) {
      const details = describeHealthDetails(i);
      blocks.push({ kind: 'row', text: `${i.text}${details ? ` — ${details}` : ''}${i.confirmed ? '' : UNCONFIRMED}` });
    }
  }
  if (history) blocks.push({ kind: 'subheading', text: "History in the patient's words" }, { kind: 'text', text: history });
  return blocks;
}

function recordBlocks(input: BundleInput, plan: BundlePlan): SummaryBlock[] {
  const several = severalPatients(input) !== null;
  const timeline = buildTimeline(plan).map((r) => (several ? { ...r, what: `${r.what} — ${recordPatientName(input, r.patientIndex)}` } : r));
  const files: SummaryBlock[] = [
    ...plan.studies.map(({ study, series }): SummaryBlock => {
      const images = series.reduce((n, s) => n + s.instances.length, 0);
      const folder = series[0]?.instances[0]?.path.split('/').slice(0, 3).join('/') ?? 'DICOM';
      return { kind: 'row', label: folder, text: `${study.description ?? 'Imaging study'}, ${study.date ?? 'date unknown'} — ${images} image(s) in ${series.length} series` };
    }),
    ...plan.documents.map(({ document: d, path }): SummaryBlock => ({ kind: 'row', label: path, text: `${d.title}, ${d.date ?? 'date unknown'} (${d.fileName})` })),
  ];
  return [
    { kind: 'heading', text: 'The enclosed records, by date' },
    ...(timeline.length ? timeline.map((r): SummaryBlock => ({ kind: 'row', label: r.date ?? 'undated', text: r.what })) : [{ kind: 'text' as const, text: 'No records.' }]),
    { kind: 'heading', text: 'The enclosed files' },
    ...files,
  ];
}

function sentLine(item: BundleSentItem): string {
  const when = CASE_ITEM_STATUSES.filter((s) => item.dates[s]).map((s) => `${CASE_ITEM_STATUS_WORDS[s].toLowerCase()} ${item.dates[s]}`);
  const shipping = [item.carrier, item.tracking].filter(Boolean).join(' ');
  return [item.what, item.from ? `from ${item.from}` : '', `${CASE_ITEM_STATUS_WORDS[item.status]}${when.length ? ` (${when.join(', ')})` : ''}`, shipping ? `shipped with ${shipping}` : ''].filter(Boolean).join(' — ');
}

function sentSeparatelyBlocks(items: BundleSentItem[]): SummaryBlock[] {
  if (!items.length) return [];
  return [{ kind: 'heading', text: 'Sent separately (not in this bundle)' }, ...items.map((i): SummaryBlock => ({ kind: 'row', text: sentLine(i) }))];
}

function closingBlocks(input: BundleInput): SummaryBlock[] {
  return [{ kind: 'text', text: `Made with Dossier ${input.appVersion}. The health summary is the patient's own account; the enclosed records are unchanged copies.`, muted: true }];
}

export { sentLine as sentSeparatelyLine };

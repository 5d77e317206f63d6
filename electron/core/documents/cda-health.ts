// C-CDA problems, medications, allergies and procedures sections → health facts. Structured
// entries are read first (problem / allergy observations, substance administrations, procedures);
// a section without entries gives its narrative list items or table rows' first cells instead.
import type { ClinicalStatus, HealthFact, HealthKind } from '../../../shared/health.js';
import { compactDateToPartialIso } from './compact-date.js';
import { distinctFacts, healthFact, procedureCategory, rhythm } from './health-facts.js';
import { child, childrenNamed, textOf, type XmlElement } from './xml.js';

interface SectionKind {
  kind: HealthKind;
  loinc: string[];
  templates: string[];
  title: RegExp;
}

const T = '2.16.840.1.113883.10.20.22';
const SECTION_KINDS: SectionKind[] = [
  { kind: 'condition', loinc: ['11450-4', '11348-0'], templates: [`${T}.2.5`, `${T}.2.5.1`, `${T}.2.20`], title: /problem|diagnos/i },
  { kind: 'medication', loinc: ['10160-0', '10183-2'], templates: [`${T}.2.1`, `${T}.2.1.1`, `${T}.2.11`, `${T}.2.11.1`], title: /medication/i },
  { kind: 'allergy', loinc: ['48765-2'], templates: [`${T}.2.6`, `${T}.2.6.1`], title: /allerg/i },
  { kind: 'procedure', loinc: ['47519-4'], templates: [`${T}.2.7`, `${T}.2.7.1`], title: /procedure|surgical history/i },
];

export function cdaHealthFacts(root: XmlElement): HealthFact[] {
  const facts: (HealthFact | undefined)[] = [];
  for (const section of sections(root)) {
    const kind = sectionKind(section);
    if (!kind) continue;
    const ids = narrativeIds(section);
    const fromEntries = childrenNamed(section, 'entry').map((e) => ENTRY_READERS[kind](e, ids));
    facts.push(...(fromEntries.some(Boolean) ? fromEntries : narrativeItems(section).map((text) => healthFact(kind, text, {}))));
  }
  return distinctFacts(facts);
}

/** Every section of the structured body, nested ones included. */
function sections(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement | undefined): void => {
    for (const comp of childrenNamed(el, 'component')) {
      const s = child(comp, 'section');
      if (!s) continue;
      out.push(s);
      walk(s);
    }
  };
  walk(child(root, 'component', 'structuredBody'));
  return out;
}

function sectionKind(section: XmlElement): HealthKind | undefined {
  const loinc = child(section, 'code')?.attrs['code'];
  const templates = childrenNamed(section, 'templateId').map((t) => t.attrs['root'] ?? '');
  const coded = SECTION_KINDS.find((k) => (loinc && k.loinc.includes(loinc)) || templates.some((t) => k.templates.includes(t)));
  if (coded) return coded.kind;
  if (loinc && SECTION_KINDS.some((k) => k.loinc.includes(loinc))) return undefined;
  const title = textOf(child(section, 'title'));
  return SECTION_KINDS.find((k) => k.title.test(title))?.kind;
}

/** Narrative elements by their ID attribute, for <reference value="#id"/> in entries. */
function narrativeIds(section: XmlElement): Map<string, string> {
  const ids = new Map<string, string>();
  for (const el of descendants(child(section, 'text'))) if (el.attrs['ID']) ids.set(el.attrs['ID'], textOf(el));
  return ids;
}

function narrativeItems(section: XmlElement): string[] {
  const text = child(section, 'text');
  const items = descendants(text).filter((el) => el.name === 'item').map(textOf);
  const rows = descendants(text)
    .filter((el) => el.name === 'tbody')
    .flatMap((tb) => childrenNamed(tb, 'tr').map((tr) => textOf(childrenNamed(tr, 'td')[0])));
  return [...items, ...rows].map((s) => s.split('\n')[0] ?? '').filter(Boolean);
}

function descendants(el: XmlElement | undefined): XmlElement[] {
  if (!el) return [];
  return el.children.flatMap((c) => (typeof c === 'string' ? [] : [c, ...descendants(c)]));
}

/** The first element named `name` at any depth under el (el itself included). */
function find(el: XmlElement | undefined, name: string, test: (e: XmlElement) => boolean = () => true): XmlElement | undefined {
  if (!el) return undefined;
  if (el.name === name && test(el)) return el;
  return descendants(el).find((e) => e.name === name && test(e));
}

const hasTemplate = (root: string) => (el: XmlElement) => childrenNamed(el, 'templateId').some((t) => t.attrs['root'] === root);
const negated = (el: XmlElement | undefined) => el?.attrs['negationInd'] === 'true';

/** A coded value's words: displayName, else its originalText (following a narrative reference), else its name. */
function codedText(code: XmlElement | undefined, ids: Map<string, string>): string | undefined {
  if (!code) return undefined;
  const original = child(code, 'originalText');
  const ref = child(original, 'reference')?.attrs['value']?.replace(/^#/, '');
  return code.attrs['displayName'] || (ref ? ids.get(ref) : undefined) || textOf(original) || undefined;
}

function period(el: XmlElement | undefined): { date?: string; endDate?: string } {
  const time = childrenNamed(el, 'effectiveTime').find((t) => !/PIVL|EIVL/.test(t.attrs['type'] ?? ''));
  const low = compactDateToPartialIso(child(time, 'low')?.attrs['value'] ?? time?.attrs['value']);
  const high = compactDateToPartialIso(child(time, 'high')?.attrs['value']);
  return { ...(low ? { date: low } : {}), ...(high ? { endDate: high } : {}) };
}

const ENTRY_READERS: Record<HealthKind, (entry: XmlElement, ids: Map<string, string>) => HealthFact | undefined> = {
  condition: problem,
  medication: substanceAdministration,
  allergy,
  procedure,
};

function problem(entry: XmlElement, ids: Map<string, string>): HealthFact | undefined {
  const obs = find(entry, 'observation', hasTemplate(`${T}.4.4`)) ?? find(entry, 'observation', (o) => !!child(o, 'value'));
  if (!obs || negated(obs)) return undefined;
  const when = period(obs);
  return healthFact('condition', codedText(child(obs, 'value'), ids) ?? codedText(child(obs, 'code'), ids), { ...when, clinicalStatus: problemStatus(entry, obs, when.endDate) });
}

/** The problem status observation (LOINC 33999-4) when there is one, else the concern act's state. */
function problemStatus(entry: XmlElement, obs: XmlElement, ended: string | undefined): ClinicalStatus | undefined {
  const stated = child(find(obs, 'observation', (o) => child(o, 'code')?.attrs['code'] === '33999-4'), 'value')?.attrs['displayName']?.toLowerCase() ?? '';
  if (/resolved|inactive/.test(stated)) return 'resolved';
  if (/remission/.test(stated)) return 'in-remission';
  if (/active/.test(stated)) return 'active';
  const concern = find(entry, 'act');
  if (ended || child(concern, 'statusCode')?.attrs['code'] === 'completed') return 'resolved';
  return concern ? 'active' : undefined;
}

function substanceAdministration(entry: XmlElement, ids: Map<string, string>): HealthFact | undefined {
  const sa = find(entry, 'substanceAdministration');
  if (!sa || negated(sa)) return undefined;
  const material = child(sa, 'consumable', 'manufacturedProduct', 'manufacturedMaterial');
  const dose = child(sa, 'doseQuantity');
  const pivl = childrenNamed(sa, 'effectiveTime').find((t) => /PIVL/.test(t.attrs['type'] ?? ''));
  const every = child(pivl, 'period');
  const statusCode = child(sa, 'statusCode')?.attrs['code'];
  return healthFact('medication', codedText(child(material, 'code'), ids) ?? (textOf(child(material, 'name')) || undefined), {
    ...period(sa),
    dose: dose?.attrs['value'] ? `${dose.attrs['value']}${dose.attrs['unit'] && dose.attrs['unit'] !== '1' ? ` ${dose.attrs['unit']}` : ''}` : undefined,
    frequency: every ? rhythm(undefined, Number(every.attrs['value']), every.attrs['unit']) : undefined,
    clinicalStatus: statusCode === 'active' ? 'active' : statusCode === 'completed' || statusCode === 'aborted' ? 'stopped' : undefined,
  });
}

function allergy(entry: XmlElement, ids: Map<string, string>): HealthFact | undefined {
  const obs = find(entry, 'observation', hasTemplate(`${T}.4.7`)) ?? find(entry, 'observation', (o) => !!child(o, 'participant'));
  if (!obs || negated(obs)) return undefined;
  const entity = child(obs, 'participant', 'participantRole', 'playingEntity');
  const substance = codedText(child(entity, 'code'), ids) ?? (textOf(child(entity, 'name')) || undefined) ?? codedText(child(obs, 'value'), ids);
  const reaction = find(obs, 'observation', hasTemplate(`${T}.4.9`));
  const severity = find(obs, 'observation', hasTemplate(`${T}.4.8`));
  const word = codedText(child(severity, 'value'), ids)?.toLowerCase() ?? '';
  const concernDone = child(find(entry, 'act'), 'statusCode')?.attrs['code'] === 'completed';
  return healthFact('allergy', substance, {
    reaction: reaction ? codedText(child(reaction, 'value'), ids) : undefined,
    severity: word.includes('severe') ? 'severe' : word.includes('moderate') ? 'moderate' : word.includes('mild') ? 'mild' : undefined,
    clinicalStatus: concernDone ? 'inactive' : 'active',
    date: period(obs).date,
  });
}

function procedure(entry: XmlElement, ids: Map<string, string>): HealthFact | undefined {
  const p = find(entry, 'procedure') ?? find(entry, 'act') ?? find(entry, 'observation');
  if (!p || negated(p)) return undefined;
  const code = child(p, 'code');
  const text = codedText(code, ids);
  const statusCode = child(p, 'statusCode')?.attrs['code'];
  const planned = ['INT', 'RQO', 'PRP', 'ARQ', 'APT'].includes(p.attrs['moodCode'] ?? '');
  return healthFact('procedure', text, {
    ...period(p),
    category: procedureCategory([code?.attrs['code'] ?? ''], text ?? ''),
    clinicalStatus: planned || statusCode === 'new' ? 'planned' : statusCode === 'completed' ? 'completed' : statusCode === 'active' ? 'in-progress' : statusCode === 'aborted' ? 'stopped' : undefined,
  });
}

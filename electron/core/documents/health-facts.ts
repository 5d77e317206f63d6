// What the FHIR and C-CDA readers share when they turn a document's problems, medications,
// allergies and procedures into health facts: limits, tidy text, and a procedure's category.
import { HEALTH_FIELD_MAX, HEALTH_TEXT_MAX, type HealthFact, type HealthFields, type ProcedureCategory } from '../../../shared/health.js';

/** A portal export listing more than this is not one person's summary; the rest is left out. */
export const MAX_HEALTH_FACTS = 500;

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A fact with tidy text and only the fields that have a value; undefined when it has no text. */
export function healthFact(kind: HealthFact['kind'], text: string | undefined, fields: HealthFields): HealthFact | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    const value = typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '';
    if (value) kept[k] = clip(value, HEALTH_FIELD_MAX);
  }
  return { kind, text: clip(clean, HEALTH_TEXT_MAX), fields: kept as HealthFields };
}

/** Facts in document order, once each (same kind and text), at most MAX_HEALTH_FACTS. */
export function distinctFacts(facts: (HealthFact | undefined)[]): HealthFact[] {
  const seen = new Set<string>();
  const out: HealthFact[] = [];
  for (const f of facts) {
    if (!f) continue;
    const key = `${f.kind}\u0000${f.text.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
    if (out.length >= MAX_HEALTH_FACTS) break;
  }
  return out;
}

/** SNOMED CT codes for the three kinds of treatment a second opinion usually weighs. */
const CATEGORY_CODES: Record<string, ProcedureCategory> = {
  '387713003': 'surgery', // Surgical procedure
  '367336001': 'chemotherapy', // Chemotherapy
  '108290001': 'radiotherapy', // Radiation oncology AND/OR radiotherapy
  '1287742003': 'radiotherapy', // Radiotherapy
};

const CATEGORY_WORDS: Array<[RegExp, ProcedureCategory]> = [
  [/chemo|cisplatin|carboplatin|oxaliplatin|paclitaxel|docetaxel|doxorubicin|cyclophosphamide|folfox|folfiri|capecitabine|gemcitabine/i, 'chemotherapy'],
  [/radiother|radiation|irradiat|brachyther|stereotactic|\bsbrt\b|\bimrt\b|\bgy\b/i, 'radiotherapy'],
  [/ectomy|otomy|ostomy|plasty|resection|excision|surger|surgical|operation|amputation|transplant|repair of|reconstruction/i, 'surgery'],
];

/** The treatment category a procedure's codes or words say, or undefined when they do not. */
export function procedureCategory(codes: string[], text: string): ProcedureCategory | undefined {
  for (const c of codes) if (CATEGORY_CODES[c]) return CATEGORY_CODES[c];
  return CATEGORY_WORDS.find(([re]) => re.test(text))?.[1];
}

/** "Once a day", "3 times every 2 weeks", "every 8 hours": a dosing rhythm in plain words. */
export function rhythm(frequency: number | undefined, period: number | undefined, unit: string | undefined): string | undefined {
  const word = unit ? UNIT_WORDS[unit] : undefined;
  if (!word || !period || period <= 0) return undefined;
  const times = frequency === undefined || frequency === 1 ? 'once' : frequency === 2 ? 'twice' : `${frequency} times`;
  if (frequency === undefined) return period === 1 ? `every ${word}` : `every ${period} ${word}s`;
  return period === 1 ? `${times} a ${word}` : `${times} every ${period} ${word}s`;
}

const UNIT_WORDS: Record<string, string> = { min: 'minute', h: 'hour', hr: 'hour', d: 'day', wk: 'week', mo: 'month', a: 'year' };

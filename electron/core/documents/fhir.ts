// FHIR R4 JSON analyzer (a Bundle or a single resource from a patient portal): one record per
// file, typed from its resources; inline attachments become files of their own.
import type { Identity, RecordType } from '../../../shared/domain.js';
import { SkipFile, type Analysis, type Analyzer, type EmbeddedFile } from '../base/analysis.js';
import { typeOfCode } from './type-codes.js';
import { compactDateToIso } from './compact-date.js';
import { arr, codesOf, concept, firstDate, obj, referenceDisplay, str, type Json } from './fhir-read.js';
import { fhirHealthFacts } from './fhir-health.js';
import { renderResource } from './fhir-render.js';
import { safeAttachmentName } from './media-types.js';
import { decodeText } from './text-decode.js';
import { clipTitle, fileStem } from './titles.js';

/** A bundle this large is not one person's portal export; stop rather than stall. */
const MAX_RESOURCES = 50_000;

export function looksLikeFhir(json: unknown): boolean {
  return typeof obj(json)?.['resourceType'] === 'string';
}

export const analyzeFhir: Analyzer = async ({ name, bytes }) => {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes).text);
  } catch (err) {
    throw new SkipFile({ code: 'invalid-json', detail: err instanceof Error ? err.message : String(err) });
  }
  if (!looksLikeFhir(json)) throw new SkipFile({ code: 'not-fhir' });
  const root = json as Json;
  const resources = collectResources(root);
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r['resourceType'] as string] = (counts[r['resourceType'] as string] ?? 0) + 1;
  const { type, typeGuessed } = chooseType(resources);
  const dated = chooseDate(resources, root);
  const health = fhirHealthFacts(resources);
  return {
    format: 'fhir-json',
    kind: 'document',
    type,
    typeGuessed,
    title: chooseTitle(root, resources, counts) ?? fileStem(name),
    date: dated?.date,
    dateGuessed: dated?.guessed ?? true,
    institution: chooseInstitution(resources),
    identity: patientIdentity(resources),
    text: resources.map(renderResource).join('\n\n'),
    metadata: { resourceCounts: counts, ...(root['resourceType'] === 'Bundle' ? { bundleType: str(root['type']) } : {}) },
    ...(health.length ? { health } : {}),
    ...withEmbedded(attachments(resources)),
  };
};

export function collectResources(root: Json): Json[] {
  if (root['resourceType'] !== 'Bundle') return [root];
  const entries = arr(root['entry']);
  if (entries.length > MAX_RESOURCES) {
    throw new SkipFile({ code: 'fhir-too-large', entries: entries.length, limit: MAX_RESOURCES });
  }
  return entries.map((e) => obj(obj(e)?.['resource'])).filter((r): r is Json => typeof r?.['resourceType'] === 'string');
}

const ofType = (resources: Json[], ...types: string[]): Json[] =>
  resources.filter((r) => types.includes(r['resourceType'] as string));

function reportCategoryType(report: Json): RecordType | undefined {
  const codes = [...codesOf(report['category']), ...codesOf(report['code'])];
  const has = (...words: string[]): boolean => codes.some((c) => words.some((w) => c === w || c.includes(w)));
  if (has('PATHOLOGY', 'CYTOLOGY', 'HISTOLOGY') || codes.some((c) => ['PAT', 'SP', 'CP'].includes(c))) return 'pathology';
  if (has('RADIOLOGY', 'IMAGING') || codes.some((c) => ['RAD', 'CT', 'MR', 'US', 'NMR', 'RUS', 'VUS', 'OUS', 'XRC'].includes(c))) {
    return 'radiology-report';
  }
  if (codes.some((c) => ['LAB', 'LABORATORY', 'HM', 'CH', 'MB', 'SR'].includes(c)) || has('LABORATORY')) return 'lab';
  const loinc = codesOf(report['code']).map(typeOfCode).find(Boolean);
  return loinc;
}

function chooseType(resources: Json[]): { type: RecordType; typeGuessed: boolean } {
  for (const report of ofType(resources, 'DiagnosticReport')) {
    const type = reportCategoryType(report);
    if (type) return { type, typeGuessed: false };
  }
  for (const doc of ofType(resources, 'DocumentReference', 'Composition')) {
    const type = codesOf(doc['type']).map(typeOfCode).find(Boolean);
    if (type) return { type, typeGuessed: false };
  }
  const clinical = resources.filter((r) => !['Patient', 'Organization', 'Practitioner', 'Medication'].includes(r['resourceType'] as string));
  const meds = ofType(clinical, 'MedicationStatement', 'MedicationRequest');
  if (meds.length > 0 && meds.length === clinical.length) return { type: 'medication-list', typeGuessed: true };
  if (ofType(clinical, 'Observation').length > 0) return { type: 'lab', typeGuessed: true };
  return { type: 'other', typeGuessed: true };
}

function chooseTitle(root: Json, resources: Json[], counts: Record<string, number>): string | undefined {
  const docs = ofType(resources, 'DocumentReference', 'Composition');
  const reports = ofType(resources, 'DiagnosticReport');
  if (docs.length === 1 && reports.length === 0) {
    const d = docs[0]!;
    const t = str(d['description']) ?? str(d['title']) ?? concept(d['type']);
    if (t) return clipTitle(t);
  }
  if (reports.length === 1 && docs.length === 0) {
    const t = concept(reports[0]!['code']);
    if (t) return clipTitle(t);
  }
  if (root['resourceType'] !== 'Bundle') {
    const what = concept(root['code']) ?? concept(root['medicationCodeableConcept']) ?? str(root['description']);
    return clipTitle(`FHIR ${root['resourceType'] as string}${what ? `: ${what}` : ''}`);
  }
  const parts = Object.entries(counts)
    .filter(([t]) => t !== 'Patient')
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${n} ${plural(t, n)}`);
  return parts.length ? clipTitle(`FHIR bundle: ${parts.join(', ')}`) : 'FHIR bundle';
}

function plural(resourceType: string, n: number): string {
  const words = resourceType.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  if (n === 1) return words;
  return words.endsWith('y') ? `${words.slice(0, -1)}ies` : words.endsWith('s') ? words : `${words}s`;
}

/** The reports' and documents' own dates first; then the latest clinical date; then the bundle's. */
function chooseDate(resources: Json[], root: Json): { date: string; guessed: boolean } | undefined {
  const tiers: Array<[string[], string[], boolean]> = [
    [['DiagnosticReport'], ['effectiveDateTime', 'effectivePeriod', 'issued'], false],
    [['DocumentReference', 'Composition'], ['date', 'created'], false],
    [['Observation'], ['effectiveDateTime', 'effectivePeriod', 'effectiveInstant', 'issued'], true],
    [['ImagingStudy'], ['started'], true],
    [['MedicationStatement', 'MedicationRequest'], ['effectiveDateTime', 'effectivePeriod', 'authoredOn', 'dateAsserted'], true],
    [['Condition'], ['recordedDate', 'onsetDateTime', 'onsetPeriod'], true],
  ];
  for (const [types, fields, guessed] of tiers) {
    const dates = ofType(resources, ...types)
      .map((r) => compactDateToIso(firstDate(r, fields)))
      .filter((d): d is string => d !== undefined)
      .sort();
    const latest = dates[dates.length - 1];
    if (latest) return { date: latest, guessed };
  }
  const stamp = compactDateToIso(root['timestamp']);
  return stamp ? { date: stamp, guessed: true } : undefined;
}

function chooseInstitution(resources: Json[]): string | undefined {
  for (const r of ofType(resources, 'DiagnosticReport', 'DocumentReference')) {
    const who = referenceDisplay(r['custodian']) ?? arr(r['performer']).map(referenceDisplay).find(Boolean);
    if (who) return who;
  }
  return ofType(resources, 'Organization').map((o) => str(o['name'])).find(Boolean);
}

export function patientIdentity(resources: Json[]): Identity | undefined {
  const p = ofType(resources, 'Patient')[0];
  if (!p) return undefined;
  const names = arr(p['name']).map(obj).filter((n): n is Json => !!n);
  const n = names.find((x) => x['use'] === 'official') ?? names[0];
  const identity: Identity = { source: 'fhir' };
  if (n) {
    const family = str(n['family']) ?? '';
    const given = arr(n['given']).map(str).find(Boolean) ?? '';
    const name = family || given ? `${family}^${given}` : str(n['text']);
    if (name) identity.name = name;
  }
  const id = arr(p['identifier']).map((i) => str(obj(i)?.['value'])).find(Boolean);
  if (id) identity.id = id;
  const birthDate = compactDateToIso(p['birthDate']);
  if (birthDate) identity.birthDate = birthDate;
  const sex = str(p['gender']);
  if (sex) identity.sex = sex;
  return identity;
}

/** Inline (base64 `data`) attachments of DocumentReferences and DiagnosticReport.presentedForm. */
function attachments(resources: Json[]): EmbeddedFile[] {
  const found: Json[] = [];
  for (const r of ofType(resources, 'DocumentReference')) {
    for (const c of arr(r['content'])) {
      const a = obj(obj(c)?.['attachment']);
      if (a) found.push(a);
    }
  }
  for (const r of ofType(resources, 'DiagnosticReport')) {
    for (const a of arr(r['presentedForm'])) if (obj(a)) found.push(a as Json);
  }
  const out: EmbeddedFile[] = [];
  const used = new Set<string>();
  for (const a of found) {
    const data = str(a['data']);
    if (!data) continue;
    let name = safeAttachmentName(str(a['title']), str(a['contentType']), 'document');
    for (let i = 2; used.has(name.toLowerCase()); i++) name = name.replace(/(-\d+)?(\.[^.]+)$/, `-${i}$2`);
    used.add(name.toLowerCase());
    out.push({ name, bytes: new Uint8Array(Buffer.from(data, 'base64')) });
  }
  return out;
}

function withEmbedded(embedded: EmbeddedFile[]): { embedded?: EmbeddedFile[] } {
  return embedded.length ? { embedded } : {};
}

// A FHIR R4 document or bundle as sections of plain text (shared/document-view.ts). A Composition
// (a FHIR document) is shown by its own sections and narratives; any other bundle as one table per
// kind of entry — problems, medications, allergies, results… — with the narrative of entries that
// fit no table. Narrative XHTML is read as XML and reduced to text, like a CDA's.
import type { DocumentLabel, DocumentView, ViewBlock, ViewSection } from '../../../shared/document-view.js';
import { formatPersonName } from '../../../shared/person-name.js';
import { arr, concept, firstDate, obj, quantity, referenceDisplay, str, valueX, type Json } from './fhir-read.js';
import { collectResources, patientIdentity } from './fhir.js';
import { divBlocks } from './narrative.js';

type Cell = (r: Json) => string | undefined;
interface Group {
  label: DocumentLabel;
  types: string[];
  columns: [DocumentLabel, Cell][];
}

const joined = (values: (string | undefined)[]): string | undefined => values.filter(Boolean).join(', ') || undefined;
const date = (...fields: string[]): Cell => (r) => firstDate(r, fields);

const GROUPS: Group[] = [
  { label: 'conditions', types: ['Condition'], columns: [['condition', (r) => concept(r['code'])], ['clinical-status', (r) => concept(r['clinicalStatus'])], ['onset', (r) => firstDate(r, ['onsetDateTime', 'onsetPeriod']) ?? str(r['onsetString'])], ['recorded', date('recordedDate')]] },
  { label: 'medications', types: ['MedicationStatement', 'MedicationRequest'], columns: [['medication', (r) => concept(r['medicationCodeableConcept']) ?? referenceDisplay(r['medicationReference'])], ['status', (r) => str(r['status'])], ['dosage', (r) => joined([...arr(r['dosage']), ...arr(r['dosageInstruction'])].map((d) => str(obj(d)?.['text'])))], ['date', date('effectiveDateTime', 'effectivePeriod', 'authoredOn', 'dateAsserted')]] },
  { label: 'allergies', types: ['AllergyIntolerance'], columns: [['substance', (r) => concept(r['code'])], ['reaction', (r) => joined(arr(r['reaction']).flatMap((x) => arr(obj(x)?.['manifestation']).map(concept)))], ['criticality', (r) => str(r['criticality'])], ['status', (r) => concept(r['clinicalStatus'])]] },
  { label: 'results', types: ['Observation'], columns: [['test', (r) => concept(r['code'])], ['value', (r) => valueX(r) ?? joined(arr(r['component']).map((c) => { const o = obj(c); return o ? `${concept(o['code']) ?? ''} ${valueX(o) ?? ''}`.trim() : undefined; }))], ['reference-range', (r) => { const range = obj(arr(r['referenceRange'])[0]); return range ? (str(range['text']) ?? `${quantity(range['low']) ?? ''} – ${quantity(range['high']) ?? ''}`) : undefined; }], ['interpretation', (r) => joined(arr(r['interpretation']).map(concept))], ['date', date('effectiveDateTime', 'effectivePeriod', 'effectiveInstant', 'issued')]] },
  { label: 'reports', types: ['DiagnosticReport'], columns: [['report', (r) => concept(r['code'])], ['date', date('effectiveDateTime', 'effectivePeriod', 'issued')], ['performer', (r) => joined(arr(r['performer']).map(referenceDisplay))], ['conclusion', (r) => str(r['conclusion'])]] },
  { label: 'procedures', types: ['Procedure'], columns: [['procedure', (r) => concept(r['code'])], ['status', (r) => str(r['status'])], ['date', date('performedDateTime', 'performedPeriod')]] },
  { label: 'immunizations', types: ['Immunization'], columns: [['vaccine', (r) => concept(r['vaccineCode'])], ['status', (r) => str(r['status'])], ['date', date('occurrenceDateTime')]] },
  { label: 'encounters', types: ['Encounter'], columns: [['type', (r) => joined(arr(r['type']).map(concept)) ?? str(obj(r['class'])?.['display'])], ['status', (r) => str(r['status'])], ['date', date('period')]] },
  { label: 'documents', types: ['DocumentReference'], columns: [['description', (r) => str(r['description']) ?? concept(r['type'])], ['type', (r) => concept(r['type'])], ['date', date('date')]] },
  { label: 'imaging', types: ['ImagingStudy'], columns: [['description', (r) => str(r['description'])], ['modality', (r) => joined(arr(r['modality']).map((m) => str(obj(m)?.['code'])))], ['date', date('started')]] },
];

/** Entries that are context, not content: shown as facts or not at all. */
const CONTEXT = new Set(['Patient', 'Organization', 'Practitioner', 'PractitionerRole', 'Medication', 'Composition', 'Bundle', 'Provenance']);
const MAX_SECTION_DEPTH = 16;

/** A resource's narrative XHTML as blocks. */
function narrative(r: Json): ViewBlock[] {
  const div = str(obj(r['text'])?.['div']);
  return div ? divBlocks(div) : [];
}

function groupSection(group: Group, resources: Json[]): ViewSection {
  const rows = resources.map((r) => group.columns.map(([, cell]) => cell(r) ?? ''));
  return { title: { label: group.label }, blocks: [{ kind: 'table', head: group.columns.map(([label]) => ({ label })), rows }], sections: [] };
}

/** Entries of no known kind: one subsection each, with what is known and its narrative. */
function otherSection(resources: Json[]): ViewSection {
  const sections = resources.map((r): ViewSection => {
    const summary = joined([concept(r['code']), str(r['status']), firstDate(r, ['effectiveDateTime', 'date', 'issued', 'recordedDate'])]);
    return { title: { text: String(r['resourceType']) }, blocks: [...(summary ? [{ kind: 'paragraph' as const, text: summary }] : []), ...narrative(r)], sections: [] };
  });
  return { title: { label: 'other-resources' }, blocks: [], sections };
}

function compositionSection(s: Json, depth: number): ViewSection {
  const title = str(s['title']) ?? concept(s['code']);
  const code = str(obj(arr(obj(s['code'])?.['coding'])[0])?.['code']);
  const sub = depth < MAX_SECTION_DEPTH ? arr(s['section']).map(obj).filter((x): x is Json => !!x) : [];
  return { title: title ? { text: title } : { label: 'narrative' }, ...(code ? { code } : {}), blocks: narrative(s), sections: sub.map((x) => compositionSection(x, depth + 1)) };
}

function bySections(resources: Json[]): ViewSection[] {
  const composition = resources.find((r) => r['resourceType'] === 'Composition');
  if (composition) return arr(composition['section']).map(obj).filter((s): s is Json => !!s).map((s) => compositionSection(s, 0));
  const sections = GROUPS.flatMap((g) => {
    const found = resources.filter((r) => g.types.includes(r['resourceType'] as string));
    return found.length ? [groupSection(g, found)] : [];
  });
  const known = new Set(GROUPS.flatMap((g) => g.types));
  const others = resources.filter((r) => !known.has(r['resourceType'] as string) && !CONTEXT.has(r['resourceType'] as string));
  return others.length ? [...sections, otherSection(others)] : sections;
}

function facts(resources: Json[]): DocumentView['facts'] {
  const id = patientIdentity(resources);
  const all: [DocumentLabel, string | undefined][] = [
    ['patient', id?.name ? formatPersonName(id.name) : undefined],
    ['birth-date', id?.birthDate],
    ['sex', id?.sex],
    ['patient-id', id?.id],
  ];
  return all.filter((f): f is [DocumentLabel, string] => !!f[1]).map(([label, value]) => ({ label, value }));
}

/** Throws an Error with a readable message when the JSON is not FHIR. */
export function fhirView(json: string, fallbackTitle: string): DocumentView {
  const root = obj(JSON.parse(json));
  if (!root || typeof root['resourceType'] !== 'string') throw new Error('the JSON has no "resourceType"');
  const resources = collectResources(root);
  const composition = resources.find((r) => r['resourceType'] === 'Composition');
  return { format: 'fhir', title: str(composition?.['title']) ?? fallbackTitle, facts: facts(resources), sections: bySections(resources) };
}

// A readable, searchable rendering of FHIR resources: one block per resource with its
// narrative and the fields a person would look for (what, value, when).
import { arr, concept, firstDate, narrativeText, obj, quantity, referenceDisplay, str, valueX, type Json } from './fhir-read.js';

export function renderResource(r: Json): string {
  const type = str(r['resourceType']) ?? 'Resource';
  const lines: string[] = [];
  const add = (label: string, value: string | undefined): void => {
    if (value) lines.push(`${label}: ${value}`);
  };
  const fields = FIELDS[type] ?? genericFields;
  fields(r, add);
  const narrative = narrativeText(r['text']);
  if (narrative) lines.push(narrative);
  return [`${type}${lines.length ? '' : ' (no readable content)'}`, ...lines].join('\n');
}

type Add = (label: string, value: string | undefined) => void;

const genericFields = (r: Json, add: Add): void => {
  add('Code', concept(r['code']));
  add('Status', str(r['status']));
  add('Date', firstDate(r, ['effectiveDateTime', 'effectivePeriod', 'date', 'issued', 'recordedDate']));
};

const FIELDS: Record<string, (r: Json, add: Add) => void> = {
  Patient: (r, add) => {
    const name = obj(arr(r['name'])[0]);
    if (name) add('Name', str(name['text']) ?? [...arr(name['given']).map(String), str(name['family']) ?? ''].join(' ').trim());
    add('Birth date', str(r['birthDate']));
    add('Gender', str(r['gender']));
    add('Identifier', str(obj(arr(r['identifier'])[0])?.['value']));
  },
  Observation: (r, add) => {
    add('Test', concept(r['code']));
    add('Value', valueX(r));
    for (const comp of arr(r['component'])) {
      const c = obj(comp);
      if (c) add(concept(c['code']) ?? 'Component', valueX(c));
    }
    const range = obj(arr(r['referenceRange'])[0]);
    if (range) add('Reference range', str(range['text']) ?? `${quantity(range['low']) ?? ''} – ${quantity(range['high']) ?? ''}`);
    add('Interpretation', arr(r['interpretation']).map(concept).filter(Boolean).join(', ') || undefined);
    add('Date', firstDate(r, ['effectiveDateTime', 'effectivePeriod', 'effectiveInstant', 'issued']));
  },
  DiagnosticReport: (r, add) => {
    add('Report', concept(r['code']));
    add('Category', arr(r['category']).map(concept).filter(Boolean).join(', ') || undefined);
    add('Date', firstDate(r, ['effectiveDateTime', 'effectivePeriod', 'issued']));
    add('Performer', arr(r['performer']).map(referenceDisplay).filter(Boolean).join(', ') || undefined);
    add('Conclusion', str(r['conclusion']));
    add('Coded conclusion', arr(r['conclusionCode']).map(concept).filter(Boolean).join(', ') || undefined);
  },
  DocumentReference: (r, add) => {
    add('Document', str(r['description']) ?? concept(r['type']));
    add('Type', concept(r['type']));
    add('Date', firstDate(r, ['date']) ?? firstDate(obj(r['context']) ?? {}, ['period']));
    add('Author', arr(r['author']).map(referenceDisplay).filter(Boolean).join(', ') || undefined);
    add('Custodian', referenceDisplay(r['custodian']));
    for (const c of arr(r['content'])) {
      const att = obj(obj(c)?.['attachment']);
      if (att) add('Attachment', [str(att['title']), str(att['contentType'])].filter(Boolean).join(' — ') || undefined);
    }
  },
  Condition: (r, add) => {
    add('Condition', concept(r['code']));
    add('Clinical status', concept(r['clinicalStatus']));
    add('Onset', firstDate(r, ['onsetDateTime', 'onsetPeriod']) ?? str(r['onsetString']));
    add('Recorded', str(r['recordedDate']));
    add('Body site', arr(r['bodySite']).map(concept).filter(Boolean).join(', ') || undefined);
  },
  MedicationStatement: (r, add) => medication(r, add),
  MedicationRequest: (r, add) => medication(r, add),
  ImagingStudy: (r, add) => {
    add('Study', str(r['description']));
    add('Modality', arr(r['modality']).map((m) => str(obj(m)?.['code'])).filter(Boolean).join(', ') || undefined);
    add('Started', str(r['started']));
    add('Series', typeof r['numberOfSeries'] === 'number' ? String(r['numberOfSeries']) : undefined);
    add('Instances', typeof r['numberOfInstances'] === 'number' ? String(r['numberOfInstances']) : undefined);
    for (const s of arr(r['series'])) add('Series description', str(obj(s)?.['description']));
  },
  Organization: (r, add) => add('Organization', str(r['name'])),
};

function medication(r: Json, add: Add): void {
  add('Medication', concept(r['medicationCodeableConcept']) ?? referenceDisplay(r['medicationReference']));
  add('Status', str(r['status']));
  for (const d of [...arr(r['dosage']), ...arr(r['dosageInstruction'])]) add('Dosage', str(obj(d)?.['text']));
  add('Date', firstDate(r, ['effectiveDateTime', 'effectivePeriod', 'authoredOn', 'dateAsserted']));
  add('Reason', arr(r['reasonCode']).map(concept).filter(Boolean).join(', ') || undefined);
}

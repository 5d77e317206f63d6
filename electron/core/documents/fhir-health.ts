// FHIR R4 Condition, MedicationStatement, MedicationRequest, AllergyIntolerance and Procedure
// resources → health facts for the person's summary. Entries in error, refuted, not done or never
// issued are left out; statuses map onto the few a person understands (shared/health.ts).
import type { ClinicalStatus, HealthFact } from '../../../shared/health.js';
import { compactDateToPartialIso } from './compact-date.js';
import { arr, concept, firstDate, obj, quantity, referenceDisplay, str, type Json } from './fhir-read.js';
import { sameMeaning } from '../../../shared/text-compare.js';
import { distinctFacts, healthFact, procedureCategory, rhythm } from './health-facts.js';

const READERS: Record<string, (r: Json, all: Json[]) => HealthFact | undefined> = {
  Condition: condition,
  MedicationStatement: medication,
  MedicationRequest: medication,
  AllergyIntolerance: allergy,
  Procedure: procedure,
};

export function fhirHealthFacts(resources: Json[]): HealthFact[] {
  return distinctFacts(resources.map((r) => READERS[r['resourceType'] as string]?.(r, resources)));
}

const code = (v: unknown): string | undefined => str(obj(arr(obj(v)?.['coding'])[0])?.['code']) ?? str(v);
const date = (r: Json, fields: string[]): string | undefined => compactDateToPartialIso(firstDate(r, fields));
const excluded = (r: Json): boolean => ['entered-in-error', 'refuted'].includes(code(r['verificationStatus']) ?? '');

const CONDITION_STATUS: Record<string, ClinicalStatus> = { active: 'active', recurrence: 'active', relapse: 'active', remission: 'in-remission', inactive: 'resolved', resolved: 'resolved' };

function condition(r: Json): HealthFact | undefined {
  if (excluded(r)) return undefined;
  const stage = arr(r['stage']).map((s) => concept(obj(s)?.['summary'])).find(Boolean);
  return healthFact('condition', concept(r['code']), {
    date: date(r, ['onsetDateTime', 'onsetPeriod', 'recordedDate']),
    endDate: date(r, ['abatementDateTime', 'abatementPeriod']),
    clinicalStatus: CONDITION_STATUS[code(r['clinicalStatus']) ?? ''],
    detail: stage ? `Stage: ${stage}` : undefined,
  });
}

const MEDICATION_STATUS: Record<string, ClinicalStatus> = { active: 'active', intended: 'active', 'on-hold': 'active', completed: 'stopped', stopped: 'stopped' };
const MEDICATION_SKIPPED = new Set(['entered-in-error', 'not-taken', 'cancelled', 'draft']);

function medication(r: Json, all: Json[]): HealthFact | undefined {
  const status = str(r['status']) ?? '';
  if (MEDICATION_SKIPPED.has(status)) return undefined;
  const dosage = obj(arr(r['dosage'] ?? r['dosageInstruction'])[0]);
  const dose = quantity(obj(arr(dosage?.['doseAndRate'])[0])?.['doseQuantity']);
  const often = timing(obj(dosage?.['timing']));
  const instructions = str(dosage?.['text']);
  return healthFact('medication', medicationName(r, all), {
    dose: dose ?? (often ? undefined : instructions),
    frequency: often,
    date: date(r, ['effectivePeriod', 'effectiveDateTime', 'authoredOn']),
    endDate: compactDateToPartialIso(str(obj(r['effectivePeriod'])?.['end'])),
    clinicalStatus: MEDICATION_STATUS[status],
    // The instructions as written, unless they only repeat the dose and rhythm already read.
    detail: (dose || often) && instructions && !sameMeaning(instructions, [dose, often].filter(Boolean).join(' ')) ? instructions : undefined,
  });
}

/** The medication's name: its concept, the reference's display, or the referenced Medication's code. */
function medicationName(r: Json, all: Json[]): string | undefined {
  const named = concept(r['medicationCodeableConcept']) ?? referenceDisplay(r['medicationReference']);
  if (named) return named;
  const ref = str(obj(r['medicationReference'])?.['reference']);
  if (!ref) return undefined;
  const id = ref.replace(/^#/, '').split('/').pop();
  const target = [...arr(r['contained']).map(obj), ...all].find((m) => m?.['resourceType'] === 'Medication' && (m['id'] === id || m['fullUrl'] === ref));
  return target ? concept(target['code']) : undefined;
}

function timing(t: Json | undefined): string | undefined {
  if (!t) return undefined;
  const repeat = obj(t['repeat']);
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  return rhythm(n(repeat?.['frequency']), n(repeat?.['period']), str(repeat?.['periodUnit'])) ?? concept(t['code']);
}

const ALLERGY_STATUS: Record<string, ClinicalStatus> = { active: 'active', inactive: 'inactive', resolved: 'inactive' };

function allergy(r: Json): HealthFact | undefined {
  if (excluded(r)) return undefined;
  const reactions = arr(r['reaction']).map(obj).filter((x): x is Json => !!x);
  const substance = concept(r['code']) ?? reactions.map((x) => concept(x['substance'])).find(Boolean);
  const severity = reactions.map((x) => str(x['severity'])).find((s) => s === 'mild' || s === 'moderate' || s === 'severe');
  return healthFact('allergy', substance, {
    reaction: [...new Set(reactions.flatMap((x) => arr(x['manifestation']).map(concept)).filter(Boolean))].join(', '),
    severity,
    clinicalStatus: ALLERGY_STATUS[code(r['clinicalStatus']) ?? ''],
    date: date(r, ['onsetDateTime', 'onsetPeriod', 'recordedDate']),
    detail: str(r['criticality']) === 'high' ? 'High risk (criticality: high)' : undefined,
  });
}

const PROCEDURE_STATUS: Record<string, ClinicalStatus> = { completed: 'completed', 'in-progress': 'in-progress', 'on-hold': 'in-progress', preparation: 'planned', stopped: 'stopped' };

function procedure(r: Json): HealthFact | undefined {
  const status = str(r['status']) ?? '';
  if (status === 'entered-in-error' || status === 'not-done') return undefined;
  const text = concept(r['code']);
  const codes = [r['category'], r['code']].flatMap((c) => arr(obj(c)?.['coding']).map((x) => str(obj(x)?.['code']) ?? ''));
  return healthFact('procedure', text, {
    category: procedureCategory(codes, `${text ?? ''} ${concept(r['category']) ?? ''}`),
    date: date(r, ['performedDateTime', 'performedPeriod']),
    endDate: compactDateToPartialIso(str(obj(r['performedPeriod'])?.['end'])),
    clinicalStatus: PROCEDURE_STATUS[status],
  });
}

// The patient's health summary items as FHIR R4 resources for FHIR/IPS.JSN: Condition,
// MedicationStatement, AllergyIntolerance, Procedure — with the states the person gave, and an
// item read from a record but not confirmed by the patient marked "unconfirmed" where FHIR can.
import type { ClinicalStatus, HealthKind, ProcedureCategory } from '../../../shared/health.js';
import type { BundleHealthItem } from './types.js';

type Json = Record<string, unknown>;
const TERMINOLOGY = 'http://terminology.hl7.org/CodeSystem';

const coded = (system: string, code: string): Json => ({ coding: [{ system: `${TERMINOLOGY}/${system}`, code }] });
const note = (i: BundleHealthItem): Json => (i.fields.detail ? { note: [{ text: i.fields.detail }] } : {});

const CONDITION_CLINICAL: Partial<Record<ClinicalStatus, string>> = { active: 'active', 'in-remission': 'remission', resolved: 'resolved' };

function condition(i: BundleHealthItem, subject: Json): Json {
  const clinical = CONDITION_CLINICAL[i.fields.clinicalStatus ?? 'active'] ?? 'active';
  return {
    resourceType: 'Condition',
    clinicalStatus: coded('condition-clinical', clinical),
    verificationStatus: coded('condition-ver-status', i.confirmed ? 'confirmed' : 'unconfirmed'),
    category: [coded('condition-category', 'problem-list-item')],
    code: { text: i.text },
    subject,
    ...(i.fields.date ? { onsetDateTime: i.fields.date } : {}),
    // FHIR allows an end date only for a condition that is no longer active (con-4).
    ...(i.fields.endDate && clinical !== 'active' ? { abatementDateTime: i.fields.endDate } : {}),
    ...note(i),
  };
}

function medication(i: BundleHealthItem, subject: Json): Json {
  const dosage = [i.fields.dose, i.fields.frequency].filter(Boolean).join(', ');
  const period = { ...(i.fields.date ? { start: i.fields.date } : {}), ...(i.fields.endDate ? { end: i.fields.endDate } : {}) };
  return {
    resourceType: 'MedicationStatement',
    status: i.fields.clinicalStatus === 'stopped' ? 'stopped' : i.fields.clinicalStatus === 'active' ? 'active' : 'unknown',
    medicationCodeableConcept: { text: i.text },
    subject,
    ...(Object.keys(period).length ? { effectivePeriod: period } : {}),
    ...(dosage ? { dosage: [{ text: dosage }] } : {}),
    ...note(i),
  };
}

function allergy(i: BundleHealthItem, patient: Json): Json {
  const severity = i.fields.severity;
  return {
    resourceType: 'AllergyIntolerance',
    // FHIR needs a clinical status here (ait-1): an allergy noted without one is taken as active.
    clinicalStatus: coded('allergyintolerance-clinical', i.fields.clinicalStatus === 'inactive' ? 'inactive' : 'active'),
    verificationStatus: coded('allergyintolerance-verification', i.confirmed ? 'confirmed' : 'unconfirmed'),
    code: { text: i.text },
    patient,
    ...(i.fields.date ? { onsetDateTime: i.fields.date } : {}),
    ...(i.fields.reaction ? { reaction: [{ manifestation: [{ text: i.fields.reaction }], ...(severity ? { severity } : {}) }] } : {}),
    ...(!i.fields.reaction && severity ? { note: [{ text: `Severity: ${severity}` }] } : note(i)),
  };
}

/** SNOMED CT codes for the treatment categories (the same ones the importers read). */
const CATEGORY_SNOMED: Record<Exclude<ProcedureCategory, 'other'>, [string, string]> = {
  surgery: ['387713003', 'Surgical procedure'],
  chemotherapy: ['367336001', 'Chemotherapy'],
  radiotherapy: ['108290001', 'Radiation oncology AND/OR radiotherapy'],
};
const PROCEDURE_STATUS: Partial<Record<ClinicalStatus, string>> = { completed: 'completed', 'in-progress': 'in-progress', planned: 'preparation', stopped: 'stopped' };

function procedure(i: BundleHealthItem, subject: Json): Json {
  const category = i.fields.category && i.fields.category !== 'other' ? CATEGORY_SNOMED[i.fields.category] : undefined;
  const performed = i.fields.endDate ? { performedPeriod: { ...(i.fields.date ? { start: i.fields.date } : {}), end: i.fields.endDate } } : i.fields.date ? { performedDateTime: i.fields.date } : {};
  return {
    resourceType: 'Procedure',
    status: PROCEDURE_STATUS[i.fields.clinicalStatus ?? 'completed'] ?? 'unknown',
    ...(category ? { category: { coding: [{ system: 'http://snomed.info/sct', code: category[0], display: category[1] }], text: category[1] } } : {}),
    code: { text: i.text },
    subject,
    ...performed,
    ...note(i),
  };
}

export const IPS_RESOURCE: Record<HealthKind, (item: BundleHealthItem, patient: Json) => Json> = { condition, medication, allergy, procedure };

// Words for the health summary, for the app, the CLI and the summary for the doctor.
import type { AllergySeverity, ClinicalStatus, HealthFact, HealthField, HealthKind, HealthReviewStatus, ProcedureCategory } from '../health.js';

export const HEALTH_KIND_WORDS: Record<HealthKind, { one: string; a: string; heading: string }> = {
  condition: { one: 'condition', a: 'a condition', heading: 'Conditions and diagnoses' },
  medication: { one: 'medication', a: 'a medication', heading: 'Medications' },
  allergy: { one: 'allergy', a: 'an allergy', heading: 'Allergies' },
  procedure: { one: 'procedure or treatment', a: 'a procedure or treatment', heading: 'Procedures and treatments' },
};

export const CLINICAL_STATUS_WORDS: Record<ClinicalStatus, string> = {
  active: 'active',
  'in-remission': 'in remission',
  resolved: 'resolved',
  stopped: 'stopped',
  inactive: 'no longer a problem',
  completed: 'done',
  'in-progress': 'ongoing',
  planned: 'planned',
};

export const REVIEW_STATUS_WORDS: Record<HealthReviewStatus, string> = {
  suggested: 'suggested from a record — please check',
  confirmed: 'confirmed',
  dismissed: 'dismissed',
};

export const PROCEDURE_CATEGORY_WORDS: Record<ProcedureCategory, string> = { surgery: 'surgery', chemotherapy: 'chemotherapy', radiotherapy: 'radiotherapy', other: 'other' };
export const SEVERITY_WORDS: Record<AllergySeverity, string> = { mild: 'mild', moderate: 'moderate', severe: 'severe' };

/** The label of each detail, by kind where the meaning differs (a medication's date is "since"). */
export function fieldLabel(kind: HealthKind, field: HealthField): string {
  if (field === 'date') return { condition: 'Diagnosed', medication: 'Taking it since', allergy: 'Noticed', procedure: 'Date' }[kind];
  if (field === 'endDate') return kind === 'medication' ? 'Stopped on' : 'Ended';
  return FIELD_LABELS[field];
}

const FIELD_LABELS: Record<Exclude<HealthField, 'date' | 'endDate'>, string> = {
  clinicalStatus: 'Status',
  dose: 'Dose',
  frequency: 'How often',
  reaction: 'Reaction',
  severity: 'Severity',
  category: 'Kind of treatment',
  detail: 'Notes',
};

/** One line of details: "500 mg, twice a day, since 2019-05, active". */
export function describeHealthDetails(item: HealthFact): string {
  const f = item.fields;
  const parts = [
    f.category && item.kind === 'procedure' ? PROCEDURE_CATEGORY_WORDS[f.category] : '',
    f.dose ?? '',
    f.frequency ?? '',
    f.reaction ? `reaction: ${f.reaction}` : '',
    f.severity ? SEVERITY_WORDS[f.severity] : '',
    f.date ? `${item.kind === 'medication' ? 'since' : item.kind === 'condition' ? 'diagnosed' : ''} ${f.date}`.trim() : '',
    f.endDate ? `${item.kind === 'medication' ? 'stopped' : 'until'} ${f.endDate}` : '',
    f.clinicalStatus ? CLINICAL_STATUS_WORDS[f.clinicalStatus] : '',
    f.detail ?? '',
  ];
  return parts.filter(Boolean).join(', ');
}

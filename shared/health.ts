// The health summary a person keeps for each second opinion: conditions, medications, allergies
// and procedures. Items are typed by the person, or suggested by an import (FHIR, C-CDA) and then
// confirmed or dismissed. Pure types and constants; wording lives in shared/words/health.ts.

export const HEALTH_KINDS = ['condition', 'medication', 'allergy', 'procedure'] as const;
export type HealthKind = (typeof HEALTH_KINDS)[number];

/** Where an item stands in the person's review: imports suggest, the person confirms or dismisses. */
export const HEALTH_REVIEW_STATUSES = ['suggested', 'confirmed', 'dismissed'] as const;
export type HealthReviewStatus = (typeof HEALTH_REVIEW_STATUSES)[number];

/** The clinical state each kind of item can be in (e.g. a medication is taken or stopped). */
export const CLINICAL_STATUSES = {
  condition: ['active', 'in-remission', 'resolved'],
  medication: ['active', 'stopped'],
  allergy: ['active', 'inactive'],
  procedure: ['completed', 'in-progress', 'planned', 'stopped'],
} as const satisfies Record<HealthKind, readonly string[]>;
export type ClinicalStatus = (typeof CLINICAL_STATUSES)[HealthKind][number];

/** Every clinical status of any kind (for validation; the per-kind list is CLINICAL_STATUSES). */
export const ALL_CLINICAL_STATUSES = [...new Set(Object.values(CLINICAL_STATUSES).flat())] as ClinicalStatus[];

export const PROCEDURE_CATEGORIES = ['surgery', 'chemotherapy', 'radiotherapy', 'other'] as const;
export type ProcedureCategory = (typeof PROCEDURE_CATEGORIES)[number];

export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];

/** A date as precise as it is known: a year, a month or a day ("2019", "2019-05", "2019-05-14"). */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The longest text of one item and of one free-text field. */
export const HEALTH_TEXT_MAX = 500;
export const HEALTH_FIELD_MAX = 2000;
export const HEALTH_HISTORY_MAX = 20_000;

/** Structured details; which ones apply depends on the kind (see HEALTH_FIELDS_BY_KIND). */
export interface HealthFields {
  /** Condition: diagnosed; medication: taken since; allergy: noticed; procedure: done (or started). */
  date?: string;
  /** Medication: stopped on; procedure: ended (a course of chemotherapy or radiotherapy). */
  endDate?: string;
  clinicalStatus?: ClinicalStatus;
  /** Medication: how much ("20 mg"). */
  dose?: string;
  /** Medication: how often ("once a day"). */
  frequency?: string;
  /** Allergy: what happens ("hives"). */
  reaction?: string;
  severity?: AllergySeverity;
  category?: ProcedureCategory;
  /** Anything else worth saying. */
  detail?: string;
}

export type HealthField = keyof HealthFields;

/** The fields the app offers for each kind, in the order it shows them. */
export const HEALTH_FIELDS_BY_KIND: Record<HealthKind, readonly HealthField[]> = {
  condition: ['date', 'clinicalStatus', 'endDate', 'detail'],
  medication: ['dose', 'frequency', 'date', 'clinicalStatus', 'endDate', 'detail'],
  allergy: ['reaction', 'severity', 'clinicalStatus', 'date', 'detail'],
  procedure: ['category', 'date', 'endDate', 'clinicalStatus', 'detail'],
};

/** One item as an analyzer reads it from a document (before anyone reviewed it). */
export interface HealthFact {
  kind: HealthKind;
  text: string;
  fields: HealthFields;
}

export interface HealthSource {
  recordId: string;
  title: string;
  date: string | null;
}

export interface HealthItem extends HealthFact {
  id: string;
  /** Whose item this is: set on the item, else the person of its source records; null when nobody is set. */
  personId: string | null;
  status: HealthReviewStatus;
  /** The records this item was read from (none for an item the person typed). */
  sources: HealthSource[];
  createdAt: string;
  updatedAt: string;
}

export interface HealthItemInput {
  personId?: string | null;
  kind: HealthKind;
  text: string;
  fields?: HealthFields;
}

export interface HealthItemPatch {
  personId?: string | null;
  text?: string;
  /** Replaces the item's fields (a field left out is cleared). */
  fields?: HealthFields;
  status?: HealthReviewStatus;
}

/** Filter for health.list: one person (null: items nobody is set for), or everyone when left out. */
export interface HealthQuery {
  personId?: string | null;
  kind?: HealthKind;
  /** Also list dismissed items (default: no). */
  includeDismissed?: boolean;
}

/** Items that belong in a summary for a doctor: confirmed or still suggested, never dismissed. */
export function isShownInSummary(item: HealthItem): boolean {
  return item.status !== 'dismissed';
}

// The LOINC document type each record type is sent as (XDM classCode/typeCode, FHIR DocumentReference.type).
import type { RecordType } from '../../../shared/domain.js';

export const LOINC_SYSTEM = 'http://loinc.org';

/** LOINC document type per record type: used for both classCode and typeCode. */
export const LOINC_BY_TYPE: Record<RecordType, [code: string, name: string]> = {
  imaging: ['18748-4', 'Diagnostic imaging study'],
  'radiology-report': ['18748-4', 'Diagnostic imaging study'],
  pathology: ['11526-1', 'Pathology study'],
  lab: ['11502-2', 'Laboratory report'],
  'treatment-summary': ['18842-5', 'Discharge summary'],
  letter: ['57133-1', 'Referral note'],
  'medication-list': ['10160-0', 'History of Medication use Narrative'],
  other: ['34133-9', 'Summary of episode note'],
};

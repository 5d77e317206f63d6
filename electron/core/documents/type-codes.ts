// The one table between record types and LOINC document codes, for both directions: the bundle
// writes a type as its code (XDM classCode/typeCode, FHIR DocumentReference.type) and the importers
// (XDM, FHIR, CDA) read a code back as its type. One code per type and one type per code, so
// whatever is exported comes back as what it was (test/bundle/type-codes.test.ts).
import { RECORD_TYPES, type RecordType } from '../../../shared/domain.js';

export const LOINC_SYSTEM = 'http://loinc.org';
export const LOINC_OID = '2.16.840.1.113883.6.1';

export interface DocumentTypeCode {
  code: string;
  display: string;
}

export const DOCUMENT_TYPE_CODES: Record<RecordType, DocumentTypeCode> = {
  imaging: { code: '18726-0', display: 'Radiology studies (set)' },
  'radiology-report': { code: '18748-4', display: 'Diagnostic imaging study' },
  pathology: { code: '11526-1', display: 'Pathology study' },
  lab: { code: '11502-2', display: 'Laboratory report' },
  'treatment-summary': { code: '18842-5', display: 'Discharge summary' },
  letter: { code: '57133-1', display: 'Referral note' },
  'medication-list': { code: '10160-0', display: 'History of Medication use Narrative' },
  other: { code: '34109-9', display: 'Note' },
};

/** Codes other systems send for the same types: read on import, never written. */
const ALSO_READ: Record<string, RecordType> = {
  '60568-3': 'pathology', // Pathology synoptic report
  '34133-9': 'treatment-summary', // Summary of episode note (a CCD)
};

const BY_CODE = new Map<string, RecordType>([...RECORD_TYPES.map((t) => [DOCUMENT_TYPE_CODES[t].code, t] as const), ...Object.entries(ALSO_READ)]);
// A code read as one type and written for another would not survive a round trip.
if (BY_CODE.size !== RECORD_TYPES.length + Object.keys(ALSO_READ).length) throw new Error('type-codes: a code is used twice');

/** The record type a LOINC document code stands for, or undefined for a code we do not know. */
export function typeOfCode(code: string): RecordType | undefined {
  return BY_CODE.get(code.trim());
}

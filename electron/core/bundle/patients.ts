// Whose records a bundle holds. A bundle with several patients (the person chose "Export anyway")
// says so at the top of INDEX.HTM and README.TXT and names the patient of every record.
// SUMMARY.PDF says so too, under its title (summary-content.ts).
import { formatPersonName } from '../../../shared/person-name.js';
import type { BundleInput, BundlePatient } from './types.js';

/** The patients when there are several, else null. */
export function severalPatients(input: BundleInput): BundlePatient[] | null {
  return input.patients && input.patients.length > 1 ? input.patients : null;
}

/** The patient of a study or document (its index into `patients`), else the bundle's patient. */
export function patientAt(input: BundleInput, index: number | undefined): BundlePatient {
  return (index !== undefined ? input.patients?.[index] : undefined) ?? input.patient;
}

/** YYYYMMDD or YYYY-MM-DD → YYYY-MM-DD (the bundle writes dates the ISO way). */
function iso(date: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(date);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : date;
}

/** "Doe, Jane (born 1970-01-02)". */
export function patientLabel(p: BundlePatient): string {
  return `${formatPersonName(p.name) || 'Unknown patient'}${p.birthDate ? ` (born ${iso(p.birthDate)})` : ''}`;
}

/** "Doe, Jane" — the name alone, for a table cell. */
export function patientName(p: BundlePatient): string {
  return formatPersonName(p.name) || 'Unknown patient';
}

/**
 * Whose a record is, for a bundle with several patients: its own patient, or "Not stated" for a
 * record that names none (never the bundle's patient, which would be a guess).
 */
export function recordPatientName(input: BundleInput, index: number | undefined): string {
  return index === undefined ? 'Not stated' : patientName(patientAt(input, index));
}

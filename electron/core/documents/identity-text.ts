// The patient identity a report states in its own words ("Patient: Doe, Jane", "DOB: 03/14/1970",
// "MRN: 12345"). Only labelled values count: an unlabelled name in a letter is not reliable enough
// to flag a wrong-patient record.
import type { Identity } from '../../../shared/domain.js';
import { findDates } from './dates.js';

const HEAD_CHARS = 4000; // the header block of a report
const NAME_LABEL = /(?:^|\n)[ \t]*(?:patient(?: name)?|name of patient|pt(?:\. )? name)[ \t]*[:#][ \t]*([^\n]{2,80})/i;
const BIRTH_LABEL = /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date)[ \t]*[:#]?[ \t]*([^\n]{6,30})/i;
const ID_LABEL = /\b(?:mrn|medical record (?:number|no\.?)|patient id|pt id)[ \t]*[:#]?[ \t]*([A-Za-z0-9-]{3,20})\b/i;

/** "Doe, Jane" / "Jane Doe" / "DOE^JANE" → "DOE^JANE"-style PN (Family^Given). */
function toPersonName(raw: string): string | undefined {
  // Stop at the next label on the same line ("Jane Doe   DOB: …").
  const cut = raw.split(/\s{2,}|\t|\b(?:dob|d\.o\.b|date of birth|mrn|sex|gender|age|id)\b/i)[0]!.trim().replace(/[.;]+$/, '');
  if (!/^[\p{L}][\p{L}' .,^-]{1,60}$/u.test(cut)) return undefined;
  // Names are written capitalised ("Jane Doe", "DOE, JANE"); "see attached" is not a name.
  if (!cut.split(/[\s,^]+/).filter(Boolean).every((w) => /^\p{Lu}/u.test(w))) return undefined;
  if (cut.includes('^')) return cut;
  if (cut.includes(',')) {
    const [family = '', given = ''] = cut.split(',').map((s) => s.trim());
    return family && given ? `${family}^${given}` : undefined;
  }
  const words = cut.split(/\s+/);
  if (words.length < 2 || words.length > 4) return undefined;
  return `${words[words.length - 1]}^${words.slice(0, -1).join(' ')}`;
}

export function identityFromText(text: string): Identity | undefined {
  const head = text.slice(0, HEAD_CHARS);
  const nameMatch = NAME_LABEL.exec(head);
  const name = nameMatch ? toPersonName(nameMatch[1]!) : undefined;
  const birthRaw = BIRTH_LABEL.exec(head)?.[1];
  const birthDate = birthRaw ? findDates(birthRaw)[0]?.iso : undefined;
  const id = ID_LABEL.exec(head)?.[1];
  if (!name) return undefined; // a birth date or number alone says too little
  return { name, ...(birthDate ? { birthDate } : {}), ...(id ? { id } : {}), source: 'pdf' };
}

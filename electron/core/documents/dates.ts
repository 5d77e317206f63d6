// Finds the date a document is about (service/report/collection date) in free text.
// Labelled dates win over the first plausible date; birth dates are never taken.

export interface FoundDate {
  iso: string; // YYYY-MM-DD
  index: number; // position in the text
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

type Parts = (m: RegExpExecArray) => [year: number, month: number, day: number] | null;

const num = (s: string | undefined): number => (s === undefined ? NaN : parseInt(s, 10));
const month = (s: string | undefined): number => MONTHS[(s ?? '').toLowerCase().slice(0, 3)] ?? NaN;

const PATTERNS: Array<[RegExp, Parts]> = [
  // 2024-03-05, 2024/03/05
  [/\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b/g, (m) => [num(m[1]), num(m[2]), num(m[3])]],
  // 03/05/2024: US month/day/year unless the first part cannot be a month
  [
    /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g,
    (m) => (num(m[1]) > 12 ? [num(m[3]), num(m[2]), num(m[1])] : [num(m[3]), num(m[1]), num(m[2])]),
  ],
  // 05.03.2024 and 05-03-2024: day first (European usage)
  [/\b(\d{1,2})[.-](\d{1,2})[.-](\d{4})\b/g, (m) => [num(m[3]), num(m[2]), num(m[1])]],
  // 5 March 2024, 05-Mar-2024, 5th Mar. 2024
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?[ -]${MONTH_NAME}\\.?,?[ -](\\d{4})\\b`, 'gi'),
    (m) => [num(m[3]), month(m[2]), num(m[1])],
  ],
  // March 5, 2024 and Mar 5 2024
  [
    new RegExp(`\\b${MONTH_NAME}\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'gi'),
    (m) => [num(m[3]), month(m[1]), num(m[2])],
  ],
  // 20240305 (only when it is a real date in range; long numbers are excluded by \b)
  [/\b(\d{4})(\d{2})(\d{2})\b/g, (m) => [num(m[1]), num(m[2]), num(m[3])]],
];

const BIRTH_LABEL = /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|born|birthdate)\b[^0-9\n]{0,30}$/i;
const SPECIFIC_LABEL =
  /\b(?:date of service|service date|dos|report date|date of report|date reported|reported|collected|collection date|date collected|signed|electronically signed|visit date|date of visit|date of procedure|procedure date|exam date|date of exam|study date|date of discharge|discharge date)\b[^0-9\n]{0,40}$/i;
const GENERIC_LABEL = /\bdate\b[^0-9\n]{0,15}$/i;

/** Max characters scanned: the date of a document is near its start or in its signature. */
const MAX_SCAN = 200_000;

export function toIsoDate(year: number, month: number, day: number, now = new Date()): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1900 || year > now.getUTCFullYear() + 1 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every plausible date in the text, in order of appearance (overlaps resolved by first match). */
export function findDates(text: string): FoundDate[] {
  const scan = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  const found: Array<FoundDate & { end: number }> = [];
  for (const [re, parts] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(scan); m; m = re.exec(scan)) {
      const ymd = parts(m);
      const iso = ymd ? toIsoDate(...ymd) : undefined;
      const end = m.index + m[0].length;
      if (iso && !found.some((f) => m!.index < f.end && end > f.index)) {
        found.push({ iso, index: m.index, end });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ iso, index }) => ({ iso, index }));
}

/** The document's own date as YYYY-MM-DD, or undefined when none is found. */
export function guessDocumentDate(text: string): string | undefined {
  let best: { rank: number; iso: string } | undefined;
  for (const d of findDates(text)) {
    const lineStart = text.lastIndexOf('\n', d.index - 1) + 1;
    const before = text.slice(Math.max(lineStart, d.index - 60), d.index);
    if (BIRTH_LABEL.test(before)) continue;
    const rank = SPECIFIC_LABEL.test(before) ? 0 : GENERIC_LABEL.test(before) ? 1 : 2;
    if (!best || rank < best.rank) best = { rank, iso: d.iso };
    if (rank === 0) break;
  }
  return best?.iso;
}

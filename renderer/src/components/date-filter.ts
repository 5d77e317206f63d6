// The library's date filters are one text field each (a date picker costs four Tab stops): a year
// ("2020"), a month ("2020-03") or a day ("2020-03-05"). "From 2020" starts on 1 January, "to 2020"
// ends on 31 December.

/** The first or last day a typed year/month/day stands for; '' when empty; null when unreadable. */
export function dateBound(typed: string, end: 'from' | 'to'): string | null {
  const t = typed.trim();
  if (!t) return '';
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : end === 'from' ? 1 : 12;
  if (month < 1 || month > 12) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : end === 'from' ? 1 : last;
  if (day < 1 || day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

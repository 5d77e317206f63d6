// Display helpers for sizes and dates, in the user's locale.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export function formatDate(iso: string | null): string {
  if (!iso) return 'Date unknown';
  const d = new Date(`${iso.slice(0, 10)}T12:00:00`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** DICOM person names are "FAMILY^GIVEN^MIDDLE": show "FAMILY, GIVEN MIDDLE". */
export function formatPersonName(name: string): string {
  if (!name.includes('^')) return name;
  const [family = '', ...rest] = name.split('^');
  const given = rest.filter(Boolean).join(' ');
  return given ? `${family}, ${given}` : family;
}

/** The core writes identities in DICOM form inside its messages ("Doe^Jane"): show "Doe, Jane". */
export function readableIdentityText(text: string): string {
  return text.replace(/[\p{L}'.-]+(?:\^[\p{L}'. -]*)+/gu, (pn) => formatPersonName(pn.replace(/\^+$/, '')));
}

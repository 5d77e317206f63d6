// Words for identity conflicts (codes and fields → sentences), for the app, the CLI and the
// identity-mismatch error. One sentence per conflict, no closing period: the caller lists them.
import type { IdentityConflict, IdentitySide } from '../domain.js';
import { formatDate, plural } from '../format.js';
import { formatPersonName } from '../person-name.js';

function nameOf(side: IdentitySide): string {
  return formatPersonName(side.name) || 'no name';
}

/** "Doe, Jane, born 2 Jan 1970, ID P1 (2 records)". */
export function describeSide(side: IdentitySide): string {
  const facts = [nameOf(side), side.birthDate ? `born ${formatDate(side.birthDate)}` : null, side.id ? `ID ${side.id}` : null];
  return `${facts.filter(Boolean).join(', ')} (${plural(side.recordIds.length, 'record')})`;
}

/** "A and B", "A, B and C". */
export function listAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const count = (side: IdentitySide) => plural(side.recordIds.length, 'record');

export function describeConflict(c: IdentityConflict): string {
  const first = c.sides[0];
  switch (c.kind) {
    case 'names':
      return `Different names: ${listAnd(c.sides.map(describeSide))}`;
    case 'birth-dates':
      return `Different birth dates for ${first ? nameOf(first) : 'one name'}: ${listAnd(c.sides.map((s) => `${formatDate(s.birthDate)} (${count(s)})`))}`;
    case 'ids':
      return `Different patient IDs for ${first ? nameOf(first) : 'one name'} from the same hospital: ${listAnd(c.sides.map((s) => `${s.id ?? 'none'} (${count(s)})`))}`;
    case 'person-name':
      return `${listAnd(c.sides.map(describeSide))} ${c.sides.length === 1 ? 'does' : 'do'} not match ${c.person?.name ?? 'the patient'}, who this case is for`;
    case 'person-birth-date':
      return `${listAnd(c.sides.map(describeSide))}: ${c.person?.name ?? 'the patient'}, who this case is for, was born ${formatDate(c.person?.birthDate ?? null)}`;
  }
}

/** "1 difference in patient details", "3 differences…". */
export function conflictCount(n: number): string {
  return `${plural(n, 'difference')} in patient details`;
}

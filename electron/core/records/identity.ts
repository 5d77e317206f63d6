// The identity check: every record keeps the patient identity it carries (DICOM tags, FHIR
// Patient, CDA header, XDM metadata). Before anything leaves the vault we group those identities
// and flag what looks like two different people, so a wrong-patient record is caught.
import type { Identity, IdentityReport } from '../../../shared/domain.js';
import type { Db } from '../vault/database.js';

export interface CarriedIdentity {
  recordId: string;
  name: string | null;
  id: string | null;
  birthDate: string | null;
  source: string | null;
}

interface NameKey {
  family: string;
  given: string;
}

/** "Smith^Jane^M" and "SMITH^JANE" are the same person's name; so is "Müller" vs "MULLER". */
export function nameKey(name: string): NameKey | null {
  const alphabetic = name.split('=')[0] ?? '';
  const norm = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toUpperCase()
      .replace(/[^\p{L}\p{N} ]+/gu, ' ')
      .trim()
      .replace(/\s+/g, ' ');
  const parts = alphabetic.includes('^') ? alphabetic.split('^') : splitPlainName(alphabetic);
  const family = norm(parts[0] ?? '');
  const given = norm(parts[1] ?? '');
  if (!family && !given) return null;
  return { family, given };
}

function splitPlainName(name: string): string[] {
  // "Family, Given" or "Given Family"
  if (name.includes(',')) return name.split(',').map((s) => s.trim());
  const words = name.trim().split(/\s+/);
  return words.length > 1 ? [words[words.length - 1]!, words.slice(0, -1).join(' ')] : [name];
}

function sameName(a: NameKey, b: NameKey): boolean {
  if (a.family !== b.family) return false;
  if (!a.given || !b.given) return true;
  const ga = a.given.split(' ')[0]!;
  const gb = b.given.split(' ')[0]!;
  // An initial matches the full given name ("J" ~ "JANE").
  return ga === gb || (ga.length === 1 && gb.startsWith(ga)) || (gb.length === 1 && ga.startsWith(gb));
}

/** A record that does not state an ID (or birth date) does not contradict one that does. */
function compatible(a: string | undefined, b: string | null): boolean {
  return !a || !b || a === b;
}

export function identityReport(carried: CarriedIdentity[], person?: { name: string; birthDate: string | null }): IdentityReport {
  const groups: { identity: Identity; key: NameKey | null; recordIds: string[] }[] = [];
  for (const c of carried) {
    if (!c.name && !c.id && !c.birthDate) continue;
    const key = c.name ? nameKey(c.name) : null;
    const match = groups.find(
      (g) => compatible(g.identity.birthDate, c.birthDate) && compatible(g.identity.id, c.id) && ((key && g.key && sameName(key, g.key)) || (!key && !g.key)),
    );
    if (match) {
      match.recordIds.push(c.recordId);
      // What the group learns from this record narrows it: a later record with another ID or birth date is not this one.
      if (c.id && !match.identity.id) match.identity.id = c.id;
      if (c.birthDate && !match.identity.birthDate) match.identity.birthDate = c.birthDate;
    } else
      groups.push({
        key,
        identity: { ...(c.name ? { name: c.name } : {}), ...(c.id ? { id: c.id } : {}), ...(c.birthDate ? { birthDate: c.birthDate } : {}), source: (c.source ?? 'user') as Identity['source'] },
        recordIds: [c.recordId],
      });
  }
  const conflicts: string[] = [];
  const label = (g: (typeof groups)[number]) =>
    `${g.identity.name ?? '(no name)'}${g.identity.birthDate ? `, born ${g.identity.birthDate}` : ''} (${g.recordIds.length} record${g.recordIds.length === 1 ? '' : 's'})`;
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i]!;
      const b = groups[j]!;
      if (a.key && b.key && !sameName(a.key, b.key)) conflicts.push(`Different names: ${label(a)} and ${label(b)}.`);
      else if (a.identity.birthDate && b.identity.birthDate && a.identity.birthDate !== b.identity.birthDate)
        conflicts.push(`Different birth dates: ${label(a)} and ${label(b)}.`);
    }
  if (person) {
    const pk = nameKey(person.name);
    for (const g of groups) {
      if (pk && g.key && !sameName(pk, g.key)) conflicts.push(`${label(g)} does not match ${person.name}.`);
      else if (person.birthDate && g.identity.birthDate && person.birthDate !== g.identity.birthDate)
        conflicts.push(`${label(g)} has another birth date than ${person.name} (${person.birthDate}).`);
    }
  }
  return { groups: groups.map(({ identity, recordIds }) => ({ identity, recordIds })), conflicts };
}

export function carriedIdentities(db: Db, recordIds?: string[]): CarriedIdentity[] {
  const rows = db
    .prepare(`SELECT id, patient_name, patient_id, patient_birth_date, identity_source FROM records WHERE deleted_at IS NULL ORDER BY imported_at`)
    .all() as { id: string; patient_name: string | null; patient_id: string | null; patient_birth_date: string | null; identity_source: string | null }[];
  const wanted = recordIds ? new Set(recordIds) : null;
  return rows
    .filter((r) => !wanted || wanted.has(r.id))
    .map((r) => ({ recordId: r.id, name: r.patient_name, id: r.patient_id, birthDate: r.patient_birth_date, source: r.identity_source }));
}

// The identity check: every record keeps the patient identity it carries (DICOM tags, FHIR
// Patient, CDA header, XDM metadata). Before anything leaves the vault we group those identities
// and flag what looks like two different people, so a wrong-patient record is caught. Conflicts
// are data (shared/domain.ts); shared/words/identity.ts words them for the app and the CLI.
import type { Identity, IdentityConflict, IdentityGroup, IdentityReport, IdentitySide } from '../../../shared/domain.js';
import type { Db } from '../vault/database.js';
import type { RecordsRow } from '../vault/rows.js';

export interface CarriedIdentity {
  recordId: string;
  name: string | null;
  id: string | null;
  birthDate: string | null;
  source: string | null;
  institution?: string | null;
}

interface NameKey {
  family: string;
  given: string;
}

/** Records carrying one compatible identity (name, ID and birth date do not contradict). */
interface Group {
  identity: Identity;
  key: NameKey | null;
  recordIds: string[];
  institutions: Set<string>;
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

/** Both unnamed, or names that match. */
function namesMatch(a: NameKey | null, b: NameKey | null): boolean {
  return a && b ? sameName(a, b) : !a && !b;
}

/** A record that does not state an ID (or birth date) does not contradict one that does. */
function compatible(a: string | undefined, b: string | null | undefined): boolean {
  return !a || !b || a === b;
}

/** "SMITH^JANE": the same person's mixed-case spelling reads better, whatever order the files were imported in. */
function allCaps(name: string | undefined): boolean {
  return !!name && name === name.toUpperCase() && name !== name.toLowerCase();
}

function groupIdentities(carried: CarriedIdentity[]): Group[] {
  const groups: Group[] = [];
  for (const c of carried) {
    if (!c.name && !c.id && !c.birthDate) continue;
    const key = c.name ? nameKey(c.name) : null;
    const match = groups.find((g) => compatible(g.identity.birthDate, c.birthDate) && compatible(g.identity.id, c.id) && namesMatch(key, g.key));
    if (match) {
      match.recordIds.push(c.recordId);
      // What the group learns from this record narrows it: a later record with another ID or birth date is not this one.
      if (c.id && !match.identity.id) match.identity.id = c.id;
      if (c.birthDate && !match.identity.birthDate) match.identity.birthDate = c.birthDate;
      if (c.institution) match.institutions.add(c.institution);
      if (c.name && allCaps(match.identity.name) && !allCaps(c.name)) match.identity.name = c.name;
    } else
      groups.push({
        key,
        identity: { ...(c.name ? { name: c.name } : {}), ...(c.id ? { id: c.id } : {}), ...(c.birthDate ? { birthDate: c.birthDate } : {}), source: (c.source ?? 'user') as Identity['source'] },
        recordIds: [c.recordId],
        institutions: new Set(c.institution ? [c.institution] : []),
      });
  }
  return groups;
}

/** Groups that differ only by patient ID are one patient (every hospital numbers its own). */
function patientsOf(groups: Group[]): Group[][] {
  const patients: Group[][] = [];
  for (const g of groups) {
    const same = patients.find((p) => p.every((o) => namesMatch(g.key, o.key) && compatible(o.identity.birthDate, g.identity.birthDate)));
    if (same) same.push(g);
    else patients.push([g]);
  }
  return patients;
}

function sideOf(groups: Group[]): IdentitySide {
  const first = groups.find((g) => g.identity.name && !allCaps(g.identity.name)) ?? groups.find((g) => g.identity.name) ?? groups[0]!;
  const birth = groups.find((g) => g.identity.birthDate)?.identity.birthDate ?? null;
  const ids = new Set(groups.map((g) => g.identity.id).filter(Boolean));
  return { name: first.identity.name ?? null, birthDate: birth, id: ids.size === 1 ? [...ids][0]! : null, recordIds: groups.flatMap((g) => g.recordIds) };
}

function conflict(kind: IdentityConflict['kind'], sides: IdentitySide[], values: string[], person: IdentityConflict['person'] = null): IdentityConflict {
  return { kind, values, recordIds: sides.flatMap((s) => s.recordIds), sides, person };
}

/** Patients under different names: one conflict naming each; under one name, different birth dates. */
function nameAndBirthConflicts(patients: Group[][]): IdentityConflict[] {
  const byName: Group[][][] = [];
  for (const p of patients.filter((p) => p[0]!.key)) {
    const same = byName.find((n) => namesMatch(n[0]![0]!.key, p[0]!.key));
    if (same) same.push(p);
    else byName.push([p]);
  }
  const out: IdentityConflict[] = [];
  if (byName.length > 1) {
    const sides = byName.map((n) => sideOf(n.flat()));
    out.push(conflict('names', sides, sides.map((s) => s.name ?? '')));
  }
  for (const n of byName.filter((n) => n.length > 1)) {
    const sides = n.map(sideOf);
    out.push(conflict('birth-dates', sides, sides.map((s) => s.birthDate ?? '')));
  }
  return out;
}

/** One patient with several IDs from the same hospital: a hospital gives a patient one number. */
function idConflicts(patients: Group[][]): IdentityConflict[] {
  const out: IdentityConflict[] = [];
  for (const p of patients) {
    const numbered = p.filter((g) => g.identity.id);
    const shared = [...new Set(numbered.flatMap((g) => [...g.institutions]))].find((i) => numbered.filter((g) => g.institutions.has(i)).length > 1);
    if (!shared) continue;
    const sides = numbered.filter((g) => g.institutions.has(shared)).map((g) => sideOf([g]));
    out.push(conflict('ids', sides, sides.map((s) => s.id ?? '')));
  }
  return out;
}

function personConflicts(patients: Group[][], person: { name: string; birthDate: string | null }): IdentityConflict[] {
  const pk = nameKey(person.name);
  const named = (p: Group[]) => p[0]!.key;
  const otherName = patients.filter((p) => pk && named(p) && !sameName(pk, named(p)!)).map(sideOf);
  const otherBirth = patients
    .map(sideOf)
    .filter((s) => !otherName.some((o) => o.recordIds[0] === s.recordIds[0]) && person.birthDate && s.birthDate && s.birthDate !== person.birthDate);
  const out: IdentityConflict[] = [];
  if (otherName.length) out.push(conflict('person-name', otherName, [...otherName.map((s) => s.name ?? ''), person.name], person));
  if (otherBirth.length) out.push(conflict('person-birth-date', otherBirth, [...otherBirth.map((s) => s.birthDate ?? ''), person.birthDate ?? ''], person));
  return out;
}

function publicGroup(groups: Group[]): IdentityGroup {
  const side = sideOf(groups);
  const source = groups[0]!.identity.source;
  return {
    identity: { ...(side.name ? { name: side.name } : {}), ...(side.id ? { id: side.id } : {}), ...(side.birthDate ? { birthDate: side.birthDate } : {}), source },
    recordIds: side.recordIds,
  };
}

export function identityReport(carried: CarriedIdentity[], person?: { name: string; birthDate: string | null }): IdentityReport {
  const groups = groupIdentities(carried);
  const patients = patientsOf(groups);
  const conflicts = [...nameAndBirthConflicts(patients), ...idConflicts(patients), ...(person ? personConflicts(patients, person) : [])];
  return {
    groups: groups.map(({ identity, recordIds }) => ({ identity, recordIds })),
    patients: patients.map(publicGroup),
    conflicts,
  };
}

export function carriedIdentities(db: Db, recordIds?: string[]): CarriedIdentity[] {
  const rows = db
    .prepare(`SELECT id, patient_name, patient_id, patient_birth_date, identity_source, institution FROM records WHERE deleted_at IS NULL ORDER BY imported_at, rowid`)
    .all() as Pick<RecordsRow, 'id' | 'patient_name' | 'patient_id' | 'patient_birth_date' | 'identity_source' | 'institution'>[];
  const wanted = recordIds ? new Set(recordIds) : null;
  return rows
    .filter((r) => !wanted || wanted.has(r.id))
    .map((r) => ({ recordId: r.id, name: r.patient_name, id: r.patient_id, birthDate: r.patient_birth_date, source: r.identity_source, institution: r.institution }));
}

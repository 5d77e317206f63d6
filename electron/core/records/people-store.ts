// People whose records the vault keeps (a caregiver may keep several: self, mother, child).
import type { Person } from '../../../shared/domain.js';
import type { Db } from '../vault/database.js';
import { DossierError } from '../base/errors.js';
import { newId } from '../base/ids.js';
import type { PeopleRow } from '../vault/rows.js';

type PersonRow = Pick<PeopleRow, 'id' | 'name' | 'birth_date' | 'relation'>;

const toPerson = (r: PersonRow): Person => ({ id: r.id, name: r.name, birthDate: r.birth_date, relation: r.relation });

export function listPeople(db: Db): Person[] {
  return (db.prepare('SELECT id, name, birth_date, relation FROM people ORDER BY created_at').all() as PersonRow[]).map(toPerson);
}

export function createPerson(db: Db, p: { name: string; birthDate?: string | null; relation?: string }): Person {
  const id = newId();
  db.prepare('INSERT INTO people (id, name, birth_date, relation, created_at) VALUES (?, ?, ?, ?, ?)').run(id, p.name.trim(), p.birthDate ?? null, p.relation ?? 'self', new Date().toISOString());
  return getPerson(db, id);
}

export function getPerson(db: Db, id: string): Person {
  const row = db.prepare('SELECT id, name, birth_date, relation FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no person with id ${id}.`);
  return toPerson(row);
}

export function updatePerson(db: Db, id: string, patch: { name?: string; birthDate?: string | null; relation?: string }): Person {
  const p = getPerson(db, id);
  db.prepare('UPDATE people SET name = ?, birth_date = ?, relation = ? WHERE id = ?').run(
    patch.name?.trim() || p.name,
    patch.birthDate !== undefined ? patch.birthDate : p.birthDate,
    patch.relation ?? p.relation,
    id,
  );
  return getPerson(db, id);
}

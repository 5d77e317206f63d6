// The vault database: SQLite encrypted as a whole file with SQLCipher 4 page encryption
// (better-sqlite3-multiple-ciphers). The key is a raw 256-bit subkey, so SQLite runs no KDF.
import Database from 'better-sqlite3-multiple-ciphers';
import { DossierError } from '../base/errors.js';
import { SCHEMA_STEPS } from './schema.js';

export type Db = Database.Database;
export const DB_FILE = 'dossier.db';

/** Applies the SQLCipher 4 settings and the raw key; must run before any other statement. */
export function keyDatabase(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

export function openDatabase(file: string, key: Buffer, options: { create: boolean }): Db {
  let db: Db;
  try {
    // In `npm start` (Electron, unpackaged) the addon rebuilt for Electron's ABI is passed in.
    const nativeBinding = process.env.DOSSIER_SQLITE_BINDING;
    db = new Database(file, { fileMustExist: !options.create, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new DossierError('damaged', `The vault database ${file} cannot be opened: ${(err as Error).message}.`);
  }
  try {
    keyDatabase(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db.close();
    throw new DossierError('damaged', `The vault database is damaged or was replaced (${(err as Error).message}).`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Never spill plaintext temp tables or sort runs to disk.
  db.pragma('temp_store = MEMORY');
  // Deleted records' pages are overwritten, not just unlinked (defence in depth under the encryption).
  db.pragma('secure_delete = ON');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const hasMeta = db.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'`).get();
  const current = hasMeta ? Number((db.prepare(`SELECT value FROM meta WHERE key='schema'`).get() as { value: string } | undefined)?.value ?? 0) : 0;
  if (current > SCHEMA_STEPS.length)
    throw new DossierError('newer-format', `The vault database was written by a newer version of Dossier (schema ${current}). Update Dossier to open it.`);
  for (let step = current; step < SCHEMA_STEPS.length; step++) {
    db.transaction(() => {
      db.exec(SCHEMA_STEPS[step]!);
      db.prepare(`INSERT INTO meta(key, value) VALUES ('schema', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(String(step + 1));
    })();
  }
}

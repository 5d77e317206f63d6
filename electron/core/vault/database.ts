// The vault database: SQLite encrypted as a whole file with SQLCipher 4 page encryption
// (better-sqlite3-multiple-ciphers). The key is a raw 256-bit subkey, so SQLite runs no KDF.
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import { DossierError, databaseDamaged, fsError } from '../base/errors.js';
import { SCHEMA_STEPS } from './schema.js';
import type { MetaRow } from './rows.js';

export type Db = Database.Database;
export type Statement = Database.Statement;

const statements = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement reused for the life of the connection (the library list runs the same few). */
export function cached(db: Db, sql: string): Statement {
  let byDb = statements.get(db);
  if (!byDb) statements.set(db, (byDb = new Map()));
  let stmt = byDb.get(sql);
  if (!stmt) byDb.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
export const DB_FILE = 'dossier.db';

/** Applies the SQLCipher 4 settings and the raw key; must run before any other statement. */
export function keyDatabase(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

/**
 * Opens (or, with `create`, creates) the encrypted database. An existing vault's database that is
 * missing, empty or unreadable is refused with 'database-damaged' — never replaced by a fresh schema.
 */
export function openDatabase(file: string, key: Buffer, options: { create: boolean }): Db {
  if (options.create) createPrivateFile(file);
  else if (!existsSync(file)) throw databaseDamaged('missing');
  else if (statSync(file).size === 0) throw databaseDamaged('empty');
  restrictModes(file);
  let db: Db;
  try {
    // In `npm start` (Electron, unpackaged) the addon rebuilt for Electron's ABI is passed in.
    const nativeBinding = process.env.DOSSIER_SQLITE_BINDING;
    db = new Database(file, { fileMustExist: !options.create, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw fsError(err, `the vault database ${file}`);
  }
  try {
    keyDatabase(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.create && schemaStep(db) === 0) throw databaseDamaged('empty');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Never spill plaintext temp tables or sort runs to disk.
    db.pragma('temp_store = MEMORY');
    // Deleted records' pages are overwritten, not just unlinked (defence in depth under the encryption).
    db.pragma('secure_delete = ON');
    migrate(db);
  } catch (err) {
    db.close();
    if (err instanceof DossierError) throw err;
    throw databaseDamaged('corrupt', err);
  }
  return db;
}

/** SQLite gives its WAL and SHM files the database file's mode: make that owner-only first. */
function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', 0o600));
}

function restrictModes(file: string): void {
  if (process.platform === 'win32') return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/** The schema step recorded in meta (0: no Dossier schema at all). */
export function schemaStep(db: Db): number {
  const hasMeta = db.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'`).get();
  if (!hasMeta) return 0;
  return Number((db.prepare(`SELECT value FROM meta WHERE key='schema'`).get() as Pick<MetaRow, 'value'> | undefined)?.value ?? 0);
}

function migrate(db: Db): void {
  const current = schemaStep(db);
  if (current > SCHEMA_STEPS.length)
    throw new DossierError('newer-format', `The vault database was written by a newer version of Dossier (schema ${current}). Update Dossier to open it.`);
  for (let step = current; step < SCHEMA_STEPS.length; step++) {
    db.transaction(() => {
      db.exec(SCHEMA_STEPS[step]!);
      db.prepare(`INSERT INTO meta(key, value) VALUES ('schema', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(String(step + 1));
    })();
  }
}

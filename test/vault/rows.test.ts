// rows.ts describes the columns of every table once; a fresh vault's real schema (every migration
// applied) must match it exactly, both ways.
import { describe, it, expect, expectTypeOf } from 'vitest';
import { TABLES, type CasesRow, type ColumnKind, type Narrowed, type RecordsRow, type RowOf } from '../../electron/core/vault/rows.js';
import { makeVault } from '../helpers/temp-vault.js';

interface TableListRow {
  schema: string;
  name: string;
  type: string;
}

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

/** The kind rows.ts should state for a column, from what SQLite reports about it. */
function kindOf(c: ColumnInfo): ColumnKind | string {
  // FTS5 columns declare no type; they hold text.
  const base = c.type === 'INTEGER' ? 'int' : c.type === 'TEXT' || c.type === '' ? 'text' : `unexpected type ${c.type}`;
  // A primary key is never NULL in practice (see rows.ts), even where SQLite does not enforce it.
  return c.notnull || c.pk ? base : `${base}?`;
}

describe('rows.ts', () => {
  it('describes every table of a fresh vault, column for column, with the right kind and nullability', async () => {
    const { vault, cleanup } = await makeVault();
    try {
      const tables = (vault.db.pragma('table_list') as TableListRow[])
        // FTS5 shadow tables ('shadow') and SQLite's own tables are not Dossier's.
        .filter((t) => t.schema === 'main' && (t.type === 'table' || t.type === 'virtual') && !t.name.startsWith('sqlite_'))
        .map((t) => t.name)
        .sort();
      expect(tables).toEqual(Object.keys(TABLES).sort());
      for (const table of tables) {
        const columns = vault.db.pragma(`table_info(${table})`) as ColumnInfo[];
        const actual = Object.fromEntries(columns.map((c) => [c.name, kindOf(c)]));
        expect({ table, columns: actual }).toEqual({ table, columns: TABLES[table as keyof typeof TABLES] });
      }
    } finally {
      cleanup();
    }
  });

  it('derives row types from the description', () => {
    expectTypeOf<RecordsRow['page_count']>().toEqualTypeOf<number | null>();
    expectTypeOf<RecordsRow['title']>().toEqualTypeOf<string>();
    expectTypeOf<RowOf<'thumbnails'>['blob_id']>().toEqualTypeOf<string | null>();
    expectTypeOf<Narrowed<CasesRow, { status: 'planning' | 'sent' }>['status']>().toEqualTypeOf<'planning' | 'sent'>();
    // @ts-expect-error a narrowed column must exist
    expectTypeOf<Narrowed<CasesRow, { no_such_column: string }>>();
    // @ts-expect-error and its type must fit the column
    expectTypeOf<Narrowed<CasesRow, { status: number }>>();
  });
});

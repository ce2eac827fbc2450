import { getTableColumns, is, SQL, type Column, type Table } from 'drizzle-orm'
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import * as pgSchema from '../../src/main/db/pg-schema'
import * as sqliteSchema from '../../src/main/db/schema'

/**
 * Each SQLite column type and the PostgreSQL type that holds the same values exactly: the file's
 * 0/1 flags become booleans, its 64-bit reals double precision (never pg's 32-bit `real`).
 */
const PG_TYPE_OF: Record<string, string> = {
  SQLiteInteger: 'PgInteger',
  SQLiteBoolean: 'PgBoolean',
  SQLiteReal: 'PgDoublePrecision',
  SQLiteText: 'PgText',
}

type AnyConfig = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>

/** What a column means, independent of the dialect; its type as the PostgreSQL column type. */
function describeColumn(column: Column, dialect: 'sqlite' | 'pg') {
  const sqliteIdentity = dialect === 'sqlite' && 'autoIncrement' in column && column.autoIncrement
  const pgIdentity = dialect === 'pg' && column.generatedIdentity?.type === 'byDefault'
  return {
    name: column.name,
    type: dialect === 'sqlite' ? PG_TYPE_OF[column.columnType] : column.columnType,
    notNull: column.notNull,
    primary: column.primary,
    identity: Boolean(sqliteIdentity || pgIdentity),
    unique: column.isUnique ? column.uniqueName : null,
    enumValues: column.enumValues ?? null,
    // A literal default must be equal; an SQL default (the moment of creation) differs per dialect.
    // (SQLite's integer primary key reports a default without a value: the rowid, not a default.)
    default:
      column.default === undefined ? 'none' : is(column.default, SQL) ? 'sql' : column.default,
  }
}

function describeTable(config: AnyConfig, dialect: 'sqlite' | 'pg') {
  const names = (columns: Column[]) => columns.map((c) => c.name)
  const byName = <T extends { name: string }>(items: T[]) =>
    [...items].sort((a, b) => a.name.localeCompare(b.name))
  return {
    columns: byName(config.columns.map((c) => describeColumn(c, dialect))),
    primaryKeys: config.primaryKeys.map((k) => ({ name: k.getName(), columns: names(k.columns) })),
    indexes: byName(
      config.indexes.map((i) => ({
        name: i.config.name ?? '',
        unique: i.config.unique,
        columns: (i.config.columns as Column[]).map((c) => c.name),
      })),
    ),
    uniqueConstraints: byName(
      config.uniqueConstraints.map((u) => ({ name: u.getName() ?? '', columns: names(u.columns) })),
    ),
    foreignKeys: byName(
      config.foreignKeys.map((fk) => {
        const reference = fk.reference()
        return {
          name: fk.getName(),
          columns: names(reference.columns),
          foreignTable: tableName(reference.foreignTable),
          foreignColumns: names(reference.foreignColumns),
          onDelete: fk.onDelete ?? 'no action',
          onUpdate: fk.onUpdate ?? 'no action',
        }
      }),
    ),
    checks: config.checks.map((c) => c.name),
  }
}

function tableName(table: SQLiteTable | PgTable): string {
  return is(table, SQLiteTable) ? sqliteConfig(table).name : pgConfig(table as PgTable).name
}

const sqliteTables = Object.values(sqliteSchema).filter((v) => is(v, SQLiteTable))
const pgTables = Object.values(pgSchema).filter((v) => is(v, PgTable))

describe('the PostgreSQL schema beside the SQLite schema', () => {
  it('exports the same tables under the same names', () => {
    const exported = (schema: object, isTable: (v: unknown) => boolean) =>
      Object.entries(schema)
        .filter(([, v]) => isTable(v))
        .map(([key]) => key)
        .sort()
    expect(exported(pgSchema, (v) => is(v, PgTable))).toEqual(
      exported(sqliteSchema, (v) => is(v, SQLiteTable)),
    )
    expect(pgTables.map(tableName).sort()).toEqual(sqliteTables.map(tableName).sort())
    expect(sqliteTables.length).toBeGreaterThan(10)
  })

  it.each(sqliteTables.map((t) => [sqliteConfig(t).name, t] as const))(
    'defines %s with the same columns, keys, indexes and constraints',
    (name, sqliteTable) => {
      const pgTable = pgTables.find((t) => pgConfig(t).name === name)
      expect(pgTable, `tabel ${name} ontbreekt in pg-schema.ts`).toBeDefined()
      const expected = describeTable(sqliteConfig(sqliteTable), 'sqlite')
      expect(expected.columns.every((c) => c.type !== undefined)).toBe(true)
      expect(describeTable(pgConfig(pgTable!), 'pg')).toEqual(expected)
    },
  )

  it('keeps the same property names, so a row read from one store can be written to the other', () => {
    for (const [key, table] of Object.entries(sqliteSchema).filter(([, v]) => is(v, SQLiteTable))) {
      const pgTable = (pgSchema as Record<string, Table | undefined>)[key]
      const keys = (t: Table) => Object.keys(getTableColumns(t)).sort()
      expect(pgTable && keys(pgTable), key).toEqual(keys(table as Table))
    }
  })
})

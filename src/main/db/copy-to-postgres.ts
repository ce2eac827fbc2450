/**
 * Moving a desk's SQLite database into team mode's PostgreSQL: every table copied in one
 * transaction, the id sequences moved past the copied ids, and before the commit each table's row
 * count and digest compared on both sides. Any difference rolls everything back. The SQLite file is
 * only read.
 */
import Database from 'better-sqlite3'
import { getTableColumns, getTableName, is, sql, type Table } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { resourcePath } from './connection'
import * as pgSchema from './pg-schema'
import { openPgStore, type PgDb } from './pg-store'
import type { PgTarget } from './pg-url'
import * as sqliteSchema from './schema'
import { digestRows, type TableDigest } from './table-digest'

export interface TableCopy {
  table: string
  sqlite: TableDigest
  postgres: TableDigest
}

export interface TablePair {
  name: string
  sqlite: SQLiteTable
  pg: PgTable
  keys: string[]
}

/**
 * The tables in an order that inserts every referenced row before the rows that refer to it. The
 * two schemas export each table under the same name (tests/unit/pg-schema-parity.test.ts).
 */
export function tablePairs(): TablePair[] {
  const pairs = new Map<string, TablePair>()
  for (const [key, table] of Object.entries(sqliteSchema)) {
    if (!is(table, SQLiteTable)) continue
    const pg = (pgSchema as Record<string, unknown>)[key]
    if (!is(pg, PgTable)) throw new Error(`Tabel ${key} ontbreekt in het PostgreSQL-schema`)
    const keys = Object.keys(getTableColumns(table as Table)).sort()
    pairs.set(getTableName(table), { name: getTableName(table), sqlite: table, pg, keys })
  }
  const ordered: TablePair[] = []
  const visit = (name: string) => {
    const pair = pairs.get(name)
    if (!pair || ordered.includes(pair)) return
    for (const fk of sqliteTableConfig(pair.sqlite).foreignKeys) {
      const parent = getTableName(fk.reference().foreignTable)
      if (parent !== name) visit(parent)
    }
    ordered.push(pair)
  }
  for (const name of [...pairs.keys()].sort()) visit(name)
  return ordered
}

/** Refuses a source this version cannot copy exactly: damaged, older or newer, or with unknown tables. */
function checkSource(sqlite: Database.Database, pairs: TablePair[]): void {
  const problems = sqlite.pragma('quick_check', { simple: true })
  if (problems !== 'ok') throw new Error(`Het SQLite-bestand is beschadigd: ${String(problems)}`)
  const journal = JSON.parse(
    readFileSync(join(resourcePath('migrations'), 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] }
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
  const applied = tables.includes('__drizzle_migrations')
    ? (sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number)
    : 0
  if (applied !== journal.entries.length) {
    throw new Error(
      applied < journal.entries.length
        ? `Het SQLite-bestand heeft een oudere opbouw (${applied} van ${journal.entries.length} migraties). ` +
            'Open het eerst één keer met deze versie van de app, dan wordt het bijgewerkt.'
        : 'Het SQLite-bestand komt van een nieuwere versie van de app; kopieer het met die versie.',
    )
  }
  const known = new Set([...pairs.map((p) => p.name), '__drizzle_migrations'])
  const unknown = tables.filter((t) => !known.has(t))
  if (unknown.length > 0) {
    throw new Error(`Het SQLite-bestand heeft tabellen die de app niet kent: ${unknown.join(', ')}`)
  }
}

export type SqliteSnapshot = { pair: TablePair; rows: Record<string, unknown>[] }[]

/**
 * Every row of every table of a SQLite file this version can copy exactly, read in one transaction:
 * a consistent picture even beside a writer. Throws in Dutch for a file it cannot copy.
 */
export function readSqliteSnapshot(sqlite: Database.Database): SqliteSnapshot {
  const pairs = tablePairs()
  checkSource(sqlite, pairs)
  const db = drizzle(sqlite)
  return sqlite.transaction(() =>
    pairs.map((pair) => ({ pair, rows: db.select().from(pair.sqlite).all() })),
  )()
}

/** PostgreSQL allows 65,535 parameters in one statement: rows per insert for this many columns. */
const rowsPerInsert = (columns: number) => Math.floor(60_000 / columns)

export class TargetNotEmptyError extends Error {
  constructor(filled: { table: string; rows: number }[]) {
    super(
      'De PostgreSQL-database is niet leeg: ' +
        filled.map((f) => `${f.table} (${f.rows} ${f.rows === 1 ? 'rij' : 'rijen'})`).join(', ') +
        '. migrate-to-postgres kopieert alleen naar een lege database, zodat er niets wordt overschreven.',
    )
    this.name = 'TargetNotEmptyError'
  }
}

/**
 * Copies every table of the snapshot into the migrated, empty PostgreSQL `db`, all or nothing.
 * Returns, per table, the row count and digest on both sides (equal, or it would have thrown).
 */
export async function copyIntoPostgres(source: SqliteSnapshot, db: PgDb): Promise<TableCopy[]> {
  const pairs = source.map((s) => s.pair)
  return db.transaction(async (tx) => {
    // Nobody writes beside the copy: a desk that starts meanwhile waits until it is committed.
    await tx.execute(
      sql.raw(`LOCK TABLE ${pairs.map((p) => `"${p.name}"`).join(', ')} IN EXCLUSIVE MODE`),
    )
    const filled: { table: string; rows: number }[] = []
    for (const { name } of pairs) {
      const { rows } = await tx.execute<{ n: number }>(
        sql.raw(`SELECT count(*)::int AS n FROM "${name}"`),
      )
      if (rows[0]!.n > 0) filled.push({ table: name, rows: rows[0]!.n })
    }
    if (filled.length > 0) throw new TargetNotEmptyError(filled)

    const copies: TableCopy[] = []
    for (const { pair, rows } of source) {
      const chunk = rowsPerInsert(pair.keys.length)
      for (let start = 0; start < rows.length; start += chunk) {
        try {
          await tx.insert(pair.pg).values(rows.slice(start, start + chunk))
        } catch (error) {
          const reason =
            error instanceof Error && error.cause instanceof Error ? error.cause : error
          throw new Error(`Kopiëren van tabel ${pair.name} mislukte: ${String(reason)}`, {
            cause: error,
          })
        }
      }
      for (const column of pgTableConfig(pair.pg).columns.filter((c) => c.generatedIdentity)) {
        // The next id after the highest copied one; an empty table starts at 1.
        await tx.execute(
          sql.raw(
            `SELECT setval(pg_get_serial_sequence('"${pair.name}"', '${column.name}'), ` +
              `coalesce(max("${column.name}"), 1), max("${column.name}") IS NOT NULL) FROM "${pair.name}"`,
          ),
        )
      }
      const copied = await tx.select().from(pair.pg)
      copies.push({
        table: pair.name,
        sqlite: digestRows(rows, pair.keys),
        postgres: digestRows(copied, pair.keys),
      })
    }
    const different = copies.filter(
      (c) => c.sqlite.rows !== c.postgres.rows || c.sqlite.digest !== c.postgres.digest,
    )
    if (different.length > 0) {
      throw new Error(
        `Na het kopiëren verschillen ${different.map((c) => c.table).join(', ')}; ` +
          'er is niets in PostgreSQL vastgelegd.',
      )
    }
    return copies
  })
}

/**
 * `migrate-to-postgres` without the command line: the SQLite file read in one transaction, then
 * copied into the empty PostgreSQL database at `target` (migrated first), all or nothing. The
 * caller holds the file's lock where a desk might write to it meanwhile.
 */
export async function copyFileToPostgres(file: string, target: PgTarget): Promise<TableCopy[]> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  let snapshot
  try {
    snapshot = readSqliteSnapshot(sqlite)
  } finally {
    sqlite.close()
  }
  const store = await openPgStore(target)
  try {
    return await copyIntoPostgres(snapshot, store.pgDb)
  } finally {
    await store.close()
  }
}

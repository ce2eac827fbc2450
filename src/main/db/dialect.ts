/**
 * The few places where SQLite and PostgreSQL need different SQL. Everything else is written once
 * with drizzle's query builder, which renders it for the store it runs on (see connection.ts: a
 * PostgreSQL store's `db` is drizzle's node-postgres database over the same table definitions).
 * Each helper here has both forms side by side, so a difference is written down once.
 */
import { is, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { PgDatabase } from 'drizzle-orm/pg-core'
import type { DbOrTx } from './connection'

/** True when `db` talks to PostgreSQL (team mode); false for the desk's SQLite file. */
export function isPostgres(db: DbOrTx): boolean {
  return is(db, PgDatabase)
}

/** The rows of a raw SELECT. */
export async function selectRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  if (isPostgres(db)) {
    const pgDb = db as unknown as { execute(q: SQL): Promise<{ rows: T[] }> }
    return (await pgDb.execute(query)).rows
  }
  return db.all<T>(query)
}

/**
 * A key of a JSON text column (audit details), compared as text: `json_extract` in SQLite, `->>`
 * in PostgreSQL (the column is text in both, so it is read as jsonb there).
 */
export function jsonKeyEquals(
  db: DbOrTx,
  column: SQLWrapper | SQL,
  key: string,
  value: unknown,
): SQL {
  return isPostgres(db)
    ? sql`((${column})::jsonb ->> ${sql.raw(`'${key}'`)}) = CAST(${value} AS text)`
    : sql`json_extract(${column}, ${sql.raw(`'$.${key}'`)}) = ${value}`
}

/** Whether the JSON array under `key` holds `value` (compared as text in PostgreSQL). */
export function jsonArrayHolds(
  db: DbOrTx,
  column: SQLWrapper | SQL,
  key: string,
  value: unknown,
): SQL {
  return isPostgres(db)
    ? sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(
        CASE WHEN jsonb_typeof((${column})::jsonb -> ${sql.raw(`'${key}'`)}) = 'array'
             THEN (${column})::jsonb -> ${sql.raw(`'${key}'`)} END) AS e(value)
        WHERE e.value = CAST(${value} AS text))`
    : sql`EXISTS (SELECT 1 FROM json_each(${column}, ${sql.raw(`'$.${key}'`)}) WHERE value = ${value})`
}

/** `count(*)` of the rows where `condition` holds: a number in both stores. */
export function countWhere(condition: SQL): SQL<number> {
  // FILTER is standard SQL, and SQLite has it since 3.30; sum(<boolean>) is SQLite-only.
  return sql<number>`count(*) filter (where ${condition})`.mapWith(Number)
}

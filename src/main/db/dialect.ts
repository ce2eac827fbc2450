/**
 * The few places where SQLite and PostgreSQL need different SQL. Everything else is written once
 * with drizzle's query builder, which renders it for the store it runs on (see connection.ts: a
 * PostgreSQL store's `db` is drizzle's node-postgres database over the same table definitions).
 * Each helper here has both forms side by side, so a difference is written down once.
 */
import { is, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { PgDatabase } from 'drizzle-orm/pg-core'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
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

/** A table with an integer id: what `lockRows` can lock. */
type IdTable = SQLiteTable & { id: SQLiteColumn }

/**
 * Locks the rows `ids` of `table` for the rest of the step's transaction (docs/team-mode.md §4):
 * `SELECT … FOR UPDATE` on PostgreSQL, in id order and in one statement, so two steps that lock
 * overlapping rows take them in the same order and cannot deadlock on them. A second desk's step on
 * the same rows waits until the first commits, and then reads what it wrote (READ COMMITTED: each
 * statement after the lock sees the latest commit). SQLite: nothing — its queue already runs one
 * step at a time.
 */
export async function lockRows(db: DbOrTx, table: IdTable, ids: readonly number[]): Promise<void> {
  if (!isPostgres(db) || ids.length === 0) return
  const sorted = [...new Set(ids)].sort((a, b) => a - b)
  await selectRows(
    db,
    sql`SELECT ${table.id} FROM ${table} WHERE ${table.id} IN (${sql.join(
      sorted.map((id) => sql`${id}`),
      sql`, `,
    )}) ORDER BY ${table.id} FOR UPDATE`,
  )
}

/**
 * Takes a transaction-level advisory lock (two-key form) and waits for it: released by the
 * step's COMMIT or ROLLBACK. SQLite: nothing.
 */
export async function lockKey(db: DbOrTx, namespace: number, key: number): Promise<void> {
  if (!isPostgres(db)) return
  await selectRows(db, sql`SELECT pg_advisory_xact_lock(${namespace}::int4, ${key}::int4)`)
}

/** Who holds an advisory lock (two-key form): the holder's application name and since when. */
export interface LockHolder {
  applicationName: string | null
  since: string | null
}

/**
 * Tries the transaction-level advisory lock without waiting: null when taken (or on SQLite, whose
 * queue already serialises), else who holds it, from pg_locks and pg_stat_activity.
 */
export async function tryLockKey(
  db: DbOrTx,
  namespace: number,
  key: number,
): Promise<LockHolder | null> {
  if (!isPostgres(db)) return null
  const [taken] = await selectRows<{ taken: boolean }>(
    db,
    sql`SELECT pg_try_advisory_xact_lock(${namespace}::int4, ${key}::int4) AS taken`,
  )
  if (taken?.taken) return null
  const [holder] = await selectRows<{ application_name: string | null; since: unknown }>(
    db,
    sql`SELECT a.application_name, a.xact_start AS since
        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ${namespace}::int4::oid
          AND l.objid = ${key}::int4::oid AND l.objsubid = 2
        LIMIT 1`,
  )
  const since = holder?.since
  return {
    applicationName: holder?.application_name ?? null,
    since: since instanceof Date ? since.toISOString() : since == null ? null : String(since),
  }
}

/**
 * The SQLSTATE (PostgreSQL) or extended result code (SQLite) of a failed statement. drizzle wraps
 * the driver's error (DrizzleQueryError): its cause carries the code.
 */
export function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') return code
  }
  return undefined
}

/** A unique constraint refused the row: on PostgreSQL, typically another desk wrote it first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = errorCode(error)
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}

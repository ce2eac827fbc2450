/**
 * Raw SQL for the tests' own checks, on either store: a test reads the database to check what the
 * app did without trusting the app's repositories. Written once in SQLite's form (`?` placeholders,
 * camelCase aliases) and run on the SQLite connection or, in team mode, on the PostgreSQL pool with
 * `$1` placeholders and quoted aliases. Rows come back as SQLite gives them: PostgreSQL's booleans
 * become 1/0 (its counts are already numbers, pg-store.ts). SQL that truly differs (julianday,
 * rowid) is the test's business: `dialectOf(runtime)` tells which form to write.
 */
import type { Store } from '../../src/main/db/connection'
import type { StoreKind } from './stores'

/** Anything that holds a store: a Runtime (whose store may be reopened) or a ServiceContext. */
export interface HasStore {
  readonly store: Store
}

export function dialectOf(holder: HasStore): StoreKind {
  return holder.store.dialect === 'postgres' ? 'postgres' : 'sqlite'
}

/**
 * SQLite's form for PostgreSQL: each `?` outside a string literal becomes `$n`, and an alias
 * written `AS someName` is quoted so PostgreSQL keeps its capitals.
 */
export function toPostgresSql(query: string): string {
  let n = 0
  const parts = query.split("'")
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i]!.replace(/\?/g, () => `$${++n}`).replace(
      /\bAS\s+([a-z][a-z0-9]*[A-Z][A-Za-z0-9]*)\b/g,
      'AS "$1"',
    )
  }
  return parts.join("'")
}

function sqliteShaped<T>(row: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(row))
    if (typeof value === 'boolean') row[key] = value ? 1 : 0
  return row as T
}

/** Every row of a SELECT (or of a statement with RETURNING). */
export async function sqlRows<T>(
  holder: HasStore,
  query: string,
  ...params: unknown[]
): Promise<T[]> {
  const { store } = holder
  if (store.dialect === 'postgres') {
    const result = await store.pool.query(toPostgresSql(query), params)
    return (result.rows as Record<string, unknown>[]).map((row) => sqliteShaped<T>(row))
  }
  return store.sqlite.prepare(query).all(...params) as T[]
}

/** The first row of a SELECT, undefined when there is none. */
export async function sqlOne<T>(holder: HasStore, query: string, ...params: unknown[]): Promise<T> {
  return (await sqlRows<T>(holder, query, ...params))[0] as T
}

/** A statement without rows (UPDATE, DELETE, INSERT): the number of rows it changed. */
export async function sqlRun(
  holder: HasStore,
  query: string,
  ...params: unknown[]
): Promise<number> {
  const { store } = holder
  if (store.dialect === 'postgres')
    return (await store.pool.query(toPostgresSql(query), params)).rowCount ?? 0
  return store.sqlite.prepare(query).run(...params).changes
}

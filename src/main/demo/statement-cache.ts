import type Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { Db } from '../db/connection'
import * as schema from '../db/schema'

/**
 * A drizzle handle on the same connection that prepares each distinct statement only once. drizzle
 * prepares every query anew; the demo's history runs some fifteen thousand queries of only about
 * a hundred and forty kinds, so reusing them saves a sixth of its time. Transactions still nest on
 * the one connection (the derived client shares its native handle), so the services' steps remain
 * savepoints inside the demo's transaction.
 */
export function statementCachingDb(sqlite: Database.Database): Db {
  const statements = new Map<string, Database.Statement>()
  const client = Object.create(sqlite) as Database.Database
  client.prepare = ((source: string) => {
    const cached = statements.get(source)
    if (!cached) {
      const statement = sqlite.prepare(source)
      statements.set(source, statement)
      return statement
    }
    // drizzle switches a statement to raw rows when it maps the columns itself; start clean.
    if (cached.reader) cached.raw(false)
    return cached
  }) as Database.Database['prepare']
  return drizzle({ client, schema })
}

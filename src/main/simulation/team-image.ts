import { drizzle } from 'drizzle-orm/better-sqlite3'
import { openStore, resourcePath, type SqliteStore } from '../db/connection'
import { tablePairs } from '../db/copy-to-postgres'
import type { PgStore } from '../db/pg-store'

/** SQLite allows 32,766 parameters in one statement: rows per insert for this many columns. */
const rowsPerInsert = (columns: number) => Math.max(1, Math.floor(30_000 / columns))

/**
 * The Vooruitblik plays its runs on an in-memory SQLite copy of the database (simulate.ts,
 * backtest.ts). In team mode that copy is made from PostgreSQL: every table read in one
 * REPEATABLE READ, read-only transaction (one consistent picture while other desks work) and
 * written into a fresh, migrated in-memory SQLite database — migrate-to-postgres in reverse, over
 * the same table pairs, so the copy holds exactly what the desk's file would.
 */
export async function sqliteCopyOf(store: PgStore, nativeBinding?: string): Promise<SqliteStore> {
  const pairs = tablePairs()
  const tables = await store.pgDb.transaction(
    async (tx) => {
      const read = []
      for (const pair of pairs) read.push({ pair, rows: await tx.select().from(pair.pg) })
      return read
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
  const copy = openStore(':memory:', {
    migrationsFolder: resourcePath('migrations'),
    ...(nativeBinding ? { nativeBinding } : {}),
  })
  try {
    const db = drizzle(copy.sqlite)
    copy.sqlite.transaction(() => {
      // Rows of one table may refer to each other in any order: checked at the commit instead.
      copy.sqlite.pragma('defer_foreign_keys = ON')
      for (const { pair, rows } of tables) {
        // The fresh copy made its own identity; the database's own replaces it.
        db.delete(pair.sqlite).run()
        const chunk = rowsPerInsert(pair.keys.length)
        for (let start = 0; start < rows.length; start += chunk)
          db.insert(pair.sqlite)
            .values(rows.slice(start, start + chunk))
            .run()
      }
    })()
    return copy
  } catch (error) {
    copy.close()
    throw error
  }
}

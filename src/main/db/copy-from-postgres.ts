/**
 * The team's PostgreSQL as an image of a SQLite database, for the work that runs on a private
 * in-memory copy: the Vooruitblik plays its runs on such copies (simulation/copy.ts). Read in one
 * REPEATABLE READ transaction, so the copy is one consistent moment even while other desks write;
 * the PostgreSQL side is only read.
 */
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { openStore } from './connection'
import { tablePairs } from './copy-to-postgres'
import type { PgStore } from './pg-store'

/** SQLite allows 32,766 bound parameters in one statement: rows per insert for this many columns. */
const rowsPerInsert = (columns: number) => Math.max(1, Math.floor(30_000 / columns))

export async function sqliteImageOfPostgres(
  store: PgStore,
  migrationsFolder?: string,
): Promise<Buffer> {
  const pairs = tablePairs()
  const { tables, sequences } = await store.pgDb.transaction(
    async (tx) => {
      const tables = []
      for (const pair of pairs) tables.push({ pair, rows: await tx.select().from(pair.pg) })
      // Where each id counter stands, so the copy numbers new rows (the simulation's) on from
      // there, as SQLite's AUTOINCREMENT would; null for a counter never used.
      const { rows } = await tx.execute<{ name: string; seq: number | null }>(sql`
        SELECT c.relname AS name,
               pg_sequence_last_value(pg_get_serial_sequence(quote_ident(c.relname), 'id')) AS seq
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'id'
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attidentity <> ''`)
      return { tables, sequences: rows }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
  const copy = openStore(':memory:', migrationsFolder ? { migrationsFolder } : {})
  try {
    const db = drizzle(copy.sqlite)
    const setSequence = copy.sqlite.prepare(
      `INSERT INTO sqlite_sequence (name, seq) SELECT @name, @seq
       WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = @name)`,
    )
    const raiseSequence = copy.sqlite.prepare(
      'UPDATE sqlite_sequence SET seq = max(seq, @seq) WHERE name = @name',
    )
    copy.sqlite.transaction(() => {
      // The fresh copy made an identity of its own; the team's database has one.
      for (const { pair } of [...tables].reverse()) db.delete(pair.sqlite).run()
      for (const { pair, rows } of tables) {
        const chunk = rowsPerInsert(pair.keys.length)
        for (let start = 0; start < rows.length; start += chunk)
          db.insert(pair.sqlite)
            .values(rows.slice(start, start + chunk))
            .run()
      }
      for (const { name, seq } of sequences) {
        if (seq === null) continue
        raiseSequence.run({ name, seq })
        setSequence.run({ name, seq })
      }
    })()
    return copy.sqlite.serialize()
  } finally {
    copy.sqlite.close()
  }
}

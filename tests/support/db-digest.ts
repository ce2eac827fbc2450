import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { dialectOf, sqlRows, type HasStore } from './sql-rows'

/**
 * Row counts and a hash of every row of every table: equal digests mean the database holds exactly
 * the same data. Unlike excel-store's fingerprint it covers all tables, for tests that must prove
 * that nothing at all changed.
 */
export function tableDigest(sqlite: Database.Database): Record<string, string> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[]
  const digest: Record<string, string> = {}
  for (const table of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()
    digest[table] =
      `${rows.length}:${createHash('sha1').update(JSON.stringify(rows)).digest('hex')}`
  }
  return digest
}

export function countRows(sqlite: Database.Database, table: string): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
}

/**
 * tableDigest on either store (sql-rows.ts): every table's row count and a hash of its rows, the
 * rows in a canonical order so neither store's physical order matters.
 */
export async function storeDigest(holder: HasStore): Promise<Record<string, string>> {
  const tables = await sqlRows<{ name: string }>(
    holder,
    dialectOf(holder) === 'postgres'
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"
      : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  )
  const digest: Record<string, string> = {}
  for (const { name } of tables) {
    const lines = (await sqlRows(holder, `SELECT * FROM "${name}"`))
      .map((row) => JSON.stringify(row))
      .sort()
    digest[name] = `${lines.length}:${createHash('sha1').update(lines.join('\n')).digest('hex')}`
  }
  return digest
}

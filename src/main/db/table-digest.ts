import { createHash } from 'node:crypto'

export interface TableDigest {
  rows: number
  /** sha256 over the table's rows in one canonical form: equal digests, equal contents. */
  digest: string
}

/**
 * One canonical serialisation of a table's rows, whichever store they were read from (through its
 * drizzle schema, so a SQLite 0/1 flag and a PostgreSQL boolean are both `true`/`false`): each row
 * as a JSON array of its values in the order of `keys`, the lines sorted, so neither the stores'
 * row order nor their collation matters.
 */
export function digestRows(rows: Record<string, unknown>[], keys: string[]): TableDigest {
  const lines = rows.map((row) => JSON.stringify(keys.map((key) => row[key] ?? null))).sort()
  const hash = createHash('sha256')
  for (const line of lines) hash.update(line).update('\n')
  return { rows: rows.length, digest: hash.digest('hex') }
}

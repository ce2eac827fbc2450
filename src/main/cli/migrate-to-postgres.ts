import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { copyFileToPostgres, type TableCopy } from '../db/copy-to-postgres'
import { acquireLock } from '../db/lock'
import { configuredDatabaseUrl, DATABASE_URL_VARIABLE, parseDatabaseUrl } from '../db/pg-url'
import { parseOptions, requireOption, type Command } from './command'

const count = (n: number) => n.toLocaleString('nl-NL')

/** One line per table: the row counts and the start of both digests, aligned. */
export function formatCopySummary(copies: TableCopy[]): string {
  const header = [
    'tabel',
    'SQLite',
    'PostgreSQL',
    'controlegetal SQLite',
    'controlegetal PostgreSQL',
  ]
  const lines = copies.map((c) => [
    c.table,
    count(c.sqlite.rows),
    count(c.postgres.rows),
    c.sqlite.digest.slice(0, 16),
    c.postgres.digest.slice(0, 16),
    c.sqlite.rows === c.postgres.rows && c.sqlite.digest === c.postgres.digest
      ? 'gelijk'
      : 'VERSCHIL',
  ])
  const rows = [header, ...lines]
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  // The counts align right, as numbers do; the rest left.
  const cell = (text: string, i: number) =>
    i === 1 || i === 2 ? text.padStart(widths[i]!) : text.padEnd(widths[i] ?? 0)
  return rows.map((r) => r.map(cell).join('  ').trimEnd()).join('\n')
}

export const migrateToPostgresCommand: Command = {
  name: 'migrate-to-postgres',
  usage: 'migrate-to-postgres --db <bestand> --url <postgres://…> (of VIERDE_HUIS_DATABASE_URL)',
  description:
    'Kopieert een SQLite-database naar een lege PostgreSQL-database (teamgebruik) en controleert per tabel aantallen en controlegetallen; het bestand blijft ongewijzigd',
  async run(args, io) {
    const { values } = parseOptions(args, { db: { type: 'string' }, url: { type: 'string' } })
    const file = resolve(requireOption(values.db, '--db'))
    // The team's URL: --url, or the variable a desk already has for team mode; not both.
    const fromVariable = configuredDatabaseUrl()
    if (values.url !== undefined && fromVariable)
      throw new Error(
        `Geef --url <postgres://…> óf ${DATABASE_URL_VARIABLE} op, niet allebei (nu ${fromVariable.display})`,
      )
    const target = fromVariable ?? parseDatabaseUrl(requireOption(values.url, '--url'))
    if (!existsSync(file)) throw new Error(`Database ${file} bestaat niet`)
    // The lock keeps the app from writing to the file while it is copied (and says who holds it).
    const lock = acquireLock(file, 'migrate-to-postgres (npm run cli)')
    try {
      const copies = await copyFileToPostgres(file, target)
      const rows = copies.reduce((sum, c) => sum + c.sqlite.rows, 0)
      io.log(formatCopySummary(copies))
      io.log(
        `\n${copies.length} tabellen, ${count(rows)} rijen gekopieerd naar ${target.display}; ` +
          `aantallen en controlegetallen zijn gelijk. ${file} is niet gewijzigd.`,
      )
      return 0
    } finally {
      lock.release()
    }
  },
}

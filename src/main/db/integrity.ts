import type Database from 'better-sqlite3'

/**
 * Thrown when the database file is damaged (a disk or network failure, a copy made while it was
 * being written). The officer sees the Dutch message; the app then offers the way out: restore the
 * last good backup.
 */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `Het databasebestand ${file} is beschadigd en kan niet veilig worden gebruikt. ` +
        'Er is niets gewijzigd. Zet de laatste goede reservekopie terug: de app biedt dat aan bij het starten, ' +
        `of gebruik \`npm run cli -- restore --db "${file}" --latest\`. Lukt dat niet, neem dan contact op met beheer.`,
    )
    this.name = 'DatabaseDamagedError'
  }
}

/** SQLite's own words for a damaged or foreign file, whichever statement meets it first. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_INDEX'
}

/**
 * `quick_check` at start-up: it reads every page but skips the slow index-to-table comparison,
 * so it takes seconds, not minutes, on a large file. A backup to restore gets the full
 * `integrity_check` instead (see backups.ts), as it is read once and must be trusted.
 */
export function checkIntegrity(
  sqlite: Database.Database,
  kind: 'quick_check' | 'integrity_check' = 'quick_check',
): string[] {
  const rows = sqlite.pragma(kind) as Record<string, string>[]
  const problems = rows.map((row) => Object.values(row)[0] ?? '').filter((text) => text !== 'ok')
  // Foreign keys are a promise of the schema too: a row pointing nowhere is damage for us.
  const orphans = sqlite.pragma('foreign_key_check') as { table: string; parent: string }[]
  for (const o of orphans.slice(0, 10))
    problems.push(`${o.table} verwijst naar ontbrekende ${o.parent}`)
  return problems
}

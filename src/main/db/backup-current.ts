import Database from 'better-sqlite3'

/**
 * Where the data stands: the newest audit row and the number of migrations applied. Every write
 * through the services adds its audit row in the same transaction (the workflow's rule), so two
 * files with the same mark hold the same data, and a migration changes the second number.
 */
function mark(sqlite: Database.Database): string {
  const audit = sqlite.prepare('SELECT max(id) FROM audit_events').pluck().get() as number | null
  const migrations = sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()
  return `${audit ?? 0}:${String(migrations)}`
}

/**
 * Whether a backup already holds the live database as it is now, so that a copy before an import
 * would only repeat it. Any doubt (a file that cannot be read, an older layout) answers no, and
 * the caller copies.
 */
export function backupIsCurrent(
  live: Database.Database,
  backupFile: string,
  nativeBinding?: string,
): boolean {
  let copy: Database.Database | undefined
  try {
    copy = new Database(backupFile, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    })
    return mark(copy) === mark(live)
  } catch {
    return false
  } finally {
    copy?.close()
  }
}

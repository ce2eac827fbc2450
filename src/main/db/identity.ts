import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'

/**
 * The database's identity (see `databaseIdentity` in schema.ts): a random id made once, and in a
 * backup copy the moment it was taken. Read with plain SQL, so it works on a file that is damaged
 * elsewhere, on a backup of an older version and before drizzle is set up.
 *
 * The first 32 bits of the id are also kept in the file header (`application_id`, copied by
 * VACUUM INTO): damage to the identity table's page then still leaves a way to tell which backups
 * belong to a damaged database, which is exactly when they are needed.
 */
export interface Identity {
  /** Null when the identity table cannot be read (only the header's fingerprint is left). */
  id: string | null
  /** `application_id` from the header; 0 when never set. */
  fingerprint: number
  /** Null in the live database; the moment of the copy in a backup. */
  backedUpAt: string | null
}

/** The id's first 32 bits as SQLite's signed `application_id`. */
export const fingerprintOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 8), 16) | 0

/** Gives the database its identity once: when it is created, or at the first open after the upgrade. */
export function ensureIdentity(sqlite: Database.Database, now = new Date()): void {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'database_identity'")
    .get()
  if (!hasTable) return // opened with an older release's migrations (tests of the upgrade)
  sqlite
    .prepare(
      'INSERT INTO database_identity (id, created_at) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM database_identity)',
    )
    .run(randomUUID(), now.toISOString())
  const identity = readIdentity(sqlite)
  if (identity?.id && identity.fingerprint !== fingerprintOf(identity.id)) {
    sqlite.pragma(`application_id = ${fingerprintOf(identity.id)}`)
  }
}

/** The identity; null when the file has neither the row (exactly one) nor a header fingerprint. */
export function readIdentity(sqlite: Database.Database): Identity | null {
  let fingerprint = 0
  try {
    fingerprint = sqlite.pragma('application_id', { simple: true }) as number
    const rows = sqlite
      .prepare('SELECT id, backed_up_at AS backedUpAt FROM database_identity LIMIT 2')
      .all() as { id: unknown; backedUpAt: string | null }[]
    const [row] = rows
    if (rows.length === 1 && typeof row!.id === 'string') {
      return { id: row!.id, fingerprint, backedUpAt: row!.backedUpAt }
    }
  } catch {
    // The table is unreadable or missing: the header may still say who this is.
  }
  return fingerprint !== 0 ? { id: null, fingerprint, backedUpAt: null } : null
}

/**
 * Whether a copy is of the live database: the same id, or, when the live file's identity table
 * is damaged, an id whose fingerprint is the one in the live file's header.
 */
export function sameDatabase(live: Identity | null, copyId: string | null): boolean {
  if (!live || !copyId) return false
  return live.id !== null ? live.id === copyId : fingerprintOf(copyId) === live.fingerprint
}

/** The identity of a file on disk, opened read-only; null when it cannot be read or has none. */
export function identityOfFile(file: string, nativeBinding?: string): Identity | null {
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    })
    return readIdentity(sqlite)
  } catch {
    return null
  } finally {
    sqlite?.close()
  }
}

/**
 * Writes the backup moment into a fresh copy. The app's connection does it through ATTACH (so
 * Electron needs no second native module here); a read-only one (the CLI's `backup` beside a
 * running app) cannot write through ATTACH and opens the copy itself. A copy of a database from
 * before the identity existed gets none.
 */
export function stampCopy(sqlite: Database.Database, copyFile: string, at: Date): void {
  const stamp = (db: Database.Database, schema: string) => {
    const hasTable = db
      .prepare(
        `SELECT 1 FROM ${schema}.sqlite_master WHERE type = 'table' AND name = 'database_identity'`,
      )
      .get()
    if (hasTable) {
      db.prepare(`UPDATE ${schema}.database_identity SET backed_up_at = ?`).run(at.toISOString())
    }
  }
  if (sqlite.readonly) {
    const copy = new Database(copyFile, { fileMustExist: true })
    try {
      stamp(copy, 'main')
    } finally {
      copy.close()
    }
    return
  }
  sqlite.prepare("ATTACH DATABASE ? AS 'copy'").run(copyFile)
  try {
    stamp(sqlite, 'copy')
  } finally {
    sqlite.exec('DETACH DATABASE copy')
  }
}

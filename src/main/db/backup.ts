import type Database from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'

/** A consistent copy of the live database, even while it is in WAL mode and in use. */
export function backupTo(sqlite: Database.Database, outFile: string): string {
  const target = resolve(outFile)
  if (existsSync(target)) throw new Error(`Het bestand ${target} bestaat al; kies een andere naam`)
  mkdirSync(dirname(target), { recursive: true })
  sqlite.prepare('VACUUM INTO ?').run(target)
  return target
}

export function timestampForFile(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-').slice(0, 19)
}

export function backupBeforeMigration(
  sqlite: Database.Database,
  file: string,
  backupDir = join(dirname(file), 'backups'),
): string {
  const name = `${basename(file, '.db')}-voor-migratie-${timestampForFile()}.db`
  return backupTo(sqlite, join(backupDir, name))
}

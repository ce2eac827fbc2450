import Database from 'better-sqlite3'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path'
import { BACKUP_KIND_LABELS } from '../../shared/api/backups'
import { backupTo, timestampForFile } from './backup'
import { isDamageError } from './integrity'

/**
 * The backup folder: named backups of one database, made by VACUUM INTO, rotated. File names carry
 * the kind and the moment, so the folder itself is the list (no index to lose on a network drive).
 */
export type BackupKind = keyof typeof BACKUP_KIND_LABELS
/** The kinds are the contract's, so the list the officer sees and the file names agree. */
export const BACKUP_KINDS = Object.keys(BACKUP_KIND_LABELS) as BackupKind[]

export interface BackupFile {
  name: string
  path: string
  kind: BackupKind
  /** ISO moment (UTC, to the second) from the file name. */
  madeAt: string
  bytes: number
}

/** The settings row that holds the chosen folder (year 0: not a yearly setting). */
export const BACKUP_FOLDER_KEY = 'backupFolder'

const NAME = new RegExp(
  `^(.+)-(${BACKUP_KINDS.join('|')})-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})(?:-\\d+)?\\.db$`,
)

const baseOf = (dbFile: string) => basename(dbFile, extname(dbFile))

export function defaultBackupDir(dbFile: string): string {
  return join(dirname(resolve(dbFile)), 'backups')
}

/**
 * The folder from the settings, else `backups` beside the database. Read with plain SQL so it also
 * works before migrations and on a file whose other tables are damaged.
 */
export function configuredBackupDir(sqlite: Database.Database, dbFile: string): string {
  try {
    const row = sqlite
      .prepare('SELECT value FROM settings WHERE key = ? AND year = 0')
      .get(BACKUP_FOLDER_KEY) as { value: string } | undefined
    const folder = row ? (JSON.parse(row.value) as unknown) : null
    if (typeof folder === 'string' && isAbsolute(folder)) return folder
  } catch {
    // No settings table yet, or unreadable: the default is always a safe place.
  }
  return defaultBackupDir(dbFile)
}

/** Makes one named backup in `dir`; a second one within the same second gets a number. */
export function makeBackup(
  sqlite: Database.Database,
  dbFile: string,
  dir: string,
  kind: BackupKind,
  now = new Date(),
): BackupFile {
  const stem = `${baseOf(dbFile)}-${kind}-${timestampForFile(now)}`
  let name = `${stem}.db`
  for (let n = 2; existsSync(join(dir, name)); n++) name = `${stem}-${n}.db`
  const path = backupTo(sqlite, join(dir, name))
  return describe(path)!
}

function describe(path: string, base?: string): BackupFile | null {
  const match = NAME.exec(basename(path))
  if (!match || (base !== undefined && match[1] !== base)) return null
  const [, , kind, day, hh, mm, ss] = match
  return {
    name: basename(path),
    path,
    kind: kind as BackupKind,
    madeAt: `${day}T${hh}:${mm}:${ss}Z`,
    bytes: statSync(path).size,
  }
}

/** This database's backups in `dir`, newest first; half-written `.part` files are not backups. */
export function listBackups(dir: string, dbFile: string): BackupFile[] {
  if (!existsSync(dir)) return []
  const base = baseOf(dbFile)
  return readdirSync(dir)
    .map((name) => describe(join(dir, name), base))
    .filter((file): file is BackupFile => file !== null)
    .sort((a, b) => b.madeAt.localeCompare(a.madeAt) || b.name.localeCompare(a.name))
}

/** ISO week as "2026-W48": the weekly generation keeps one backup per week. */
function isoWeek(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  const day = (date.getUTCDay() + 6) % 7
  date.setUTCDate(date.getUTCDate() - day + 3)
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4))
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000))
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** Newest file of each of the `count` most recent periods (files come newest first). */
function newestPerPeriod(files: BackupFile[], period: (f: BackupFile) => string, count: number) {
  const kept = new Map<string, BackupFile>()
  for (const file of files) {
    const key = period(file)
    if (!kept.has(key) && kept.size < count) kept.set(key, file)
  }
  return [...kept.values()]
}

export const ROTATION = { daily: 14, weekly: 8, imports: 10 } as const

/**
 * Keeps 14 daily and 8 weekly generations of the daily backups and the 10 newest import backups.
 * Backups made by hand, before a migration or before a restore are never removed automatically:
 * they are rare and each marks a moment someone may need to return to.
 */
export function rotateBackups(dir: string, dbFile: string): string[] {
  const all = listBackups(dir, dbFile)
  const daily = all.filter((f) => f.kind === 'dagelijks')
  const keep = new Set([
    ...newestPerPeriod(daily, (f) => f.madeAt.slice(0, 10), ROTATION.daily),
    ...newestPerPeriod(daily, (f) => isoWeek(f.madeAt), ROTATION.weekly),
    ...all.filter((f) => f.kind === 'voor-import').slice(0, ROTATION.imports),
  ])
  const removed: string[] = []
  for (const file of all) {
    if ((file.kind === 'dagelijks' || file.kind === 'voor-import') && !keep.has(file)) {
      rmSync(file.path, { force: true })
      removed.push(file.name)
    }
  }
  return removed
}

/** Tables of the first migration: a file without them is not one of our databases. */
const REQUIRED_TABLES = [
  'corporations',
  'care_providers',
  'clients',
  'dwellings',
  'shortlists',
  'shortlist_candidates',
  'offers',
  'allocations',
  'audit_events',
  'settings',
  '__drizzle_migrations',
]

/**
 * Checks a file before it may replace the live database: readable, passes the full integrity check,
 * is one of ours, and was made by this version or an older one (a newer one's schema we cannot
 * run). Returns the problems in Dutch; empty means fit to restore.
 */
export function checkBackup(
  file: string,
  migrationsFolder: string,
  nativeBinding?: string,
): string[] {
  if (!existsSync(file)) return [`Het bestand ${file} bestaat niet`]
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    })
    const integrity = (sqlite.pragma('integrity_check') as Record<string, string>[])
      .map((row) => Object.values(row)[0] ?? '')
      .filter((text) => text !== 'ok')
    if (integrity.length > 0) return [`De reservekopie is beschadigd: ${integrity[0]}`]
    const tables = new Set(
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[],
    )
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t))
    if (missing.length > 0) {
      return [`Dit is geen reservekopie van deze app: tabel(len) ${missing.join(', ')} ontbreken`]
    }
    const journal = JSON.parse(
      readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
    ) as { entries: { when: number }[] }
    const ours = Math.max(...journal.entries.map((e) => e.when))
    const theirs = sqlite
      .prepare('SELECT max(created_at) AS at, count(*) AS n FROM __drizzle_migrations')
      .get() as {
      at: number | null
      n: number
    }
    if ((theirs.at ?? 0) > ours || theirs.n > journal.entries.length) {
      return [
        'Deze reservekopie is gemaakt met een nieuwere versie van de app; werk eerst de app bij',
      ]
    }
    return []
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    if (isDamageError(error)) return [`De reservekopie is beschadigd (${detail})`]
    return [`De reservekopie kan niet worden gelezen: ${detail}`]
  } finally {
    sqlite?.close()
  }
}

import Database from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { BACKUP_KIND_LABELS } from '../../shared/api/backups'
import { backupInSteps, backupTo, timestampForFile, type InSteps } from './backup'
import { folderPathProblem } from './backup-folder'
import { identityOfFile, readIdentity, sameDatabase, type Identity } from './identity'
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
  /** ISO moment (UTC, to the second): recorded inside the copy, else (an older file) from its name. */
  madeAt: string
  /** The moment the copy itself records; null for a file without one (older, foreign, unreadable). */
  recordedAt: string | null
  /** The identity of the database it is a copy of; null when it has none or cannot be read. */
  identity: string | null
  bytes: number
}

/** The settings rows (year 0: not yearly settings) for the chosen folder and the retention. */
export const BACKUP_FOLDER_KEY = 'backupFolder'
export const BACKUP_RETENTION_KEY = 'backupRetentionDays'
/** No backup is kept longer than this by default: erased data must not live on in old copies. */
export const DEFAULT_BACKUP_RETENTION_DAYS = 90

const NAME = new RegExp(
  `^(.+)-(${BACKUP_KINDS.join('|')})-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})(?:-\\d+)?\\.db$`,
)

const baseOf = (dbFile: string) => basename(dbFile, extname(dbFile))

export function defaultBackupDir(dbFile: string): string {
  return join(dirname(resolve(dbFile)), 'backups')
}

/** One year-0 setting, read with plain SQL (see configuredBackupDir); undefined when absent or unreadable. */
function setting(sqlite: Database.Database, key: string): unknown {
  try {
    const row = sqlite.prepare('SELECT value FROM settings WHERE key = ? AND year = 0').get(key) as
      { value: string } | undefined
    return row ? (JSON.parse(row.value) as unknown) : undefined
  } catch {
    // No settings table yet, or unreadable: the defaults are always safe.
    return undefined
  }
}

/**
 * The folder from the settings, else `backups` beside the database. Read with plain SQL so it also
 * works before migrations and on a file whose other tables are damaged. A stored path that fails
 * the path rules (one set before they existed) is ignored for the safe default.
 */
export function configuredBackupDir(sqlite: Database.Database, dbFile: string): string {
  const folder = setting(sqlite, BACKUP_FOLDER_KEY)
  if (typeof folder === 'string' && folderPathProblem(folder) === null) return folder
  return defaultBackupDir(dbFile)
}

export function configuredRetentionDays(sqlite: Database.Database): number {
  const days = setting(sqlite, BACKUP_RETENTION_KEY)
  return typeof days === 'number' && Number.isInteger(days) && days > 0
    ? days
    : DEFAULT_BACKUP_RETENTION_DAYS
}

/**
 * Makes one named backup in `dir`; a second one within the same second gets a number. Only the
 * default folder is created here; a chosen folder must exist (a network drive that is away is
 * reported, not replaced by a local folder of the same name).
 */
export function makeBackup(
  sqlite: Database.Database,
  dbFile: string,
  dir: string,
  kind: BackupKind,
  now = new Date(),
): BackupFile {
  const path = backupTo(sqlite, backupPath(dbFile, dir, kind, now), now)
  return describe(path, undefined)!
}

/** The same by SQLite's online backup in steps (backupInSteps): the daily copy at start-up, the copy before an import. */
export async function makeBackupInSteps(
  sqlite: Database.Database,
  dbFile: string,
  dir: string,
  kind: BackupKind,
  now = new Date(),
  inSteps?: InSteps,
): Promise<BackupFile> {
  const path = await backupInSteps(sqlite, backupPath(dbFile, dir, kind, now), now, inSteps)
  return describe(path, undefined)!
}

function backupPath(dbFile: string, dir: string, kind: BackupKind, now: Date): string {
  if (resolve(dir) === defaultBackupDir(dbFile)) mkdirSync(dir, { recursive: true })
  else if (!existsSync(dir)) throw new Error(`De map ${dir} bestaat niet (meer)`)
  const stem = `${baseOf(dbFile)}-${kind}-${timestampForFile(now)}`
  let name = `${stem}.db`
  for (let n = 2; existsSync(join(dir, name)); n++) name = `${stem}-${n}.db`
  return join(dir, name)
}

function describe(
  path: string,
  base: string | undefined,
  nativeBinding?: string,
): BackupFile | null {
  const match = NAME.exec(basename(path))
  if (!match || (base !== undefined && match[1] !== base)) return null
  const [, , kind, day, hh, mm, ss] = match
  const stamp = identityOfFile(path, nativeBinding)
  const recordedAt = stamp?.backedUpAt ? `${stamp.backedUpAt.slice(0, 19)}Z` : null
  return {
    name: basename(path),
    path,
    kind: kind as BackupKind,
    madeAt: recordedAt ?? `${day}T${hh}:${mm}:${ss}Z`,
    recordedAt,
    identity: stamp?.id ?? null,
    bytes: statSync(path).size,
  }
}

/**
 * This database's backups in `dir`, newest first by the moment each records itself (a copy
 * renamed to look newer stays where it belongs); half-written `.part` files are not backups.
 */
export function listBackups(dir: string, dbFile: string, nativeBinding?: string): BackupFile[] {
  if (!existsSync(dir)) return []
  const base = baseOf(dbFile)
  return readdirSync(dir)
    .map((name) => describe(join(dir, name), base, nativeBinding))
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

export interface RotationOptions {
  /** Every backup older than this many days goes, whatever its kind (the newest one always stays). */
  retentionDays: number
  now: Date
  nativeBinding?: string
}

/**
 * Keeps 14 daily and 8 weekly generations of the daily backups and the 10 newest import backups;
 * and of every kind (by hand, before an update or a restore too) nothing older than the retention,
 * so data erased on request is gone from the copies too after at most that many days.
 */
export function rotateBackups(dir: string, dbFile: string, options: RotationOptions): string[] {
  const all = listBackups(dir, dbFile, options.nativeBinding)
  const daily = all.filter((f) => f.kind === 'dagelijks')
  const keep = new Set([
    ...newestPerPeriod(daily, (f) => f.madeAt.slice(0, 10), ROTATION.daily),
    ...newestPerPeriod(daily, (f) => isoWeek(f.madeAt), ROTATION.weekly),
    ...all.filter((f) => f.kind === 'voor-import').slice(0, ROTATION.imports),
    ...all.filter((f) => f.kind !== 'dagelijks' && f.kind !== 'voor-import'),
  ])
  const cutoff = expiresAt(options.now, -options.retentionDays)
  const removed: string[] = []
  for (const file of all) {
    const expired = file.madeAt < cutoff && file !== all[0]
    if (expired || !keep.has(file)) {
      rmSync(file.path, { force: true })
      removed.push(file.name)
    }
  }
  return removed
}

/** The moment `days` after (or before, when negative) `from`, as an ISO string to the second. */
export function expiresAt(from: Date | string, days: number): string {
  const moment = new Date(from)
  moment.setUTCDate(moment.getUTCDate() + days)
  return `${moment.toISOString().slice(0, 19)}Z`
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

export interface BackupCheck {
  migrationsFolder: string
  /** The live database's identity: a backup of any other database is refused. */
  identity: Identity | null
  nativeBinding?: string
}

/**
 * Checks a file before it may replace the live database: readable, passes the full integrity check,
 * is one of ours, is a copy of this very database (same identity), and was made by this version or
 * an older one (a newer one's schema we cannot run). Returns the problems in Dutch; empty means fit
 * to restore.
 */
export function checkBackup(file: string, check: BackupCheck): string[] {
  if (!existsSync(file)) return [`Het bestand ${file} bestaat niet`]
  if (check.identity === null) {
    return [
      'De identiteit van de huidige database is niet leesbaar, dus niet vast te stellen of de reservekopie erbij hoort. Neem contact op met beheer',
    ]
  }
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(check.nativeBinding ? { nativeBinding: check.nativeBinding } : {}),
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
    const identity = readIdentity(sqlite)
    if (!identity?.id) {
      return [
        'Deze reservekopie draagt geen identiteit van een database (gemaakt vóór die werd vastgelegd, of elders vandaan); alleen kopieën van deze database worden teruggezet',
      ]
    }
    if (!sameDatabase(check.identity, identity.id)) {
      return [
        'Deze reservekopie hoort bij een andere database dan deze; alleen kopieën van deze database worden teruggezet',
      ]
    }
    const journal = JSON.parse(
      readFileSync(join(check.migrationsFolder, 'meta', '_journal.json'), 'utf8'),
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

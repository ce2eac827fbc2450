import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { timestampForFile } from './db/backup'
import {
  checkBackup,
  configuredBackupDir,
  defaultBackupDir,
  listBackups,
  makeBackup,
} from './db/backups'
import { openStore, resourcePath } from './db/connection'
import { identityOfFile, sameDatabase } from './db/identity'
import { acquireLock } from './db/lock'
import { replaceDatabaseFile } from './db/replace'
import { audit } from './services/audit'
import { osUserName, type Actor } from './services/context'

/**
 * The way out when the database will not open (damaged) or must go back in time, without a
 * running app: the CLI's `restore` and Electron's start-up dialog use it. It takes the database
 * lock itself, so it never replaces a file another program is using.
 */
export interface RecoveryOptions {
  migrationsFolder?: string
  nativeBinding?: string
  actor?: Actor
}

export interface RecoveryResult {
  restoredFrom: string
  /** The replaced file, kept: a backup of it when it was readable, else a raw copy. */
  keptAs: string | null
}

/** The backup folder as the (perhaps damaged) database says, else the default beside it. */
function backupDirOf(dbFile: string, nativeBinding?: string): string {
  if (!existsSync(dbFile)) return defaultBackupDir(dbFile)
  try {
    const sqlite = new Database(dbFile, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    })
    try {
      return configuredBackupDir(sqlite, dbFile)
    } finally {
      sqlite.close()
    }
  } catch {
    return defaultBackupDir(dbFile)
  }
}

/** Keeps the file that is about to be replaced: a clean backup if SQLite can read it, else the bytes. */
function keepCurrent(dbFile: string, dir: string, nativeBinding?: string): string | null {
  if (!existsSync(dbFile)) return null
  try {
    const sqlite = new Database(dbFile, {
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    })
    try {
      if (sqlite.pragma('quick_check', { simple: true }) === 'ok') {
        return makeBackup(sqlite, dbFile, dir, 'voor-terugzetten').path
      }
    } finally {
      sqlite.close()
    }
  } catch {
    // Unreadable: fall through to the raw copy, which support staff may still rescue data from.
  }
  mkdirSync(dir, { recursive: true })
  const raw = join(dir, `${basename(dbFile, extname(dbFile))}-beschadigd-${timestampForFile()}.db`)
  copyFileSync(dbFile, raw)
  if (existsSync(`${dbFile}-wal`)) copyFileSync(`${dbFile}-wal`, `${raw}-wal`)
  return raw
}

/** Replaces the database by `backupFile` after checking it, and records that in its audit trail. */
export async function restoreDatabase(
  dbFile: string,
  backupFile: string,
  options: RecoveryOptions = {},
): Promise<RecoveryResult> {
  const migrationsFolder = options.migrationsFolder ?? resourcePath('migrations')
  const lock = acquireLock(dbFile, 'Herstel van de database')
  try {
    const problems = checkBackup(backupFile, {
      migrationsFolder,
      identity: identityOfFile(dbFile, options.nativeBinding),
      nativeBinding: options.nativeBinding,
    })
    if (problems.length > 0) {
      throw new Error(`${basename(backupFile)} wordt niet teruggezet: ${problems.join('; ')}`)
    }
    const keptAs = keepCurrent(
      dbFile,
      backupDirOf(dbFile, options.nativeBinding),
      options.nativeBinding,
    )
    replaceDatabaseFile(dbFile, backupFile)
    const store = openStore(dbFile, { migrationsFolder, nativeBinding: options.nativeBinding })
    try {
      const osUser = osUserName()
      // Outside the app, so no service clock: the moment it happens.
      const actor = options.actor ?? { officer: osUser, osUser }
      await audit(
        store.db,
        { actor, now: () => new Date() },
        {
          action: 'backup:restore',
          entityType: 'backup',
          entityId: basename(backupFile),
          summary: `Reservekopie ${basename(backupFile)} teruggezet buiten de app om${keptAs ? `; het vorige bestand is bewaard als ${basename(keptAs)}` : ''}`,
        },
      )
    } finally {
      store.close()
    }
    return { restoredFrom: backupFile, keptAs }
  } finally {
    lock.release()
  }
}

/**
 * The newest backup in the folder that passes every check: what "laatste goede" means. Newest by
 * the moment each copy records inside itself, never by its file name; only copies of this database.
 */
export function lastGoodBackup(dbFile: string, options: RecoveryOptions = {}): string | null {
  const check = {
    migrationsFolder: options.migrationsFolder ?? resourcePath('migrations'),
    identity: identityOfFile(dbFile, options.nativeBinding),
    nativeBinding: options.nativeBinding,
  }
  if (check.identity === null) return null
  const dir = backupDirOf(dbFile, options.nativeBinding)
  const good = listBackups(dir, dbFile, options.nativeBinding)
    .filter((f) => f.recordedAt !== null && sameDatabase(check.identity, f.identity))
    .find((f) => checkBackup(f.path, check).length === 0)
  return good?.path ?? null
}

export async function restoreLastGoodBackup(
  dbFile: string,
  options: RecoveryOptions = {},
): Promise<RecoveryResult> {
  if (!identityOfFile(dbFile, options.nativeBinding)) {
    throw new Error(
      `De identiteit van ${dbFile} is niet leesbaar, dus is niet vast te stellen welke reservekopie erbij hoort. Neem contact op met beheer.`,
    )
  }
  const backup = lastGoodBackup(dbFile, options)
  if (!backup) {
    throw new Error(
      `Er is geen bruikbare reservekopie gevonden in ${backupDirOf(dbFile, options.nativeBinding)}. Neem contact op met beheer.`,
    )
  }
  return await restoreDatabase(dbFile, backup, options)
}

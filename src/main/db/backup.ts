import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { stampCopy } from './identity'

/**
 * A consistent copy of the live database, even while it is in WAL mode and in use: `VACUUM INTO`
 * reads one snapshot inside a read transaction. It is written under a `.part` name, stamped with
 * its own moment (the time "latest" is judged by, never the file name) and renamed when complete,
 * so a crash or a lost network drive never leaves a half backup that looks whole.
 */
export function backupTo(sqlite: Database.Database, outFile: string, at = new Date()): string {
  const { target, part } = partFor(outFile)
  try {
    sqlite.prepare('VACUUM INTO ?').run(part)
    stampCopy(sqlite, part, at)
    renameSync(part, target)
  } catch (error) {
    rmSync(part, { force: true })
    throw error
  }
  return target
}

/** Runs `finish` with the connection to itself (the store's queue, see step-queue.ts). */
export type Alone = (finish: () => void) => Promise<void> | void

export interface InSteps {
  /** The statements after the copy run on the live connection: alone, not inside an open step. */
  alone?: Alone
  /** Electron's build of better-sqlite3, for the copy's own connection. */
  nativeBinding?: string
}

/**
 * The same copy by SQLite's online backup, a hundred pages a step with the event loop free between
 * steps: the daily copy at start-up, made while the officer already works. It reads through its own
 * read-only connection, so it copies the last committed state and never a step still open on the
 * live connection (SQLite refuses a backup step then, and better-sqlite3 ends with an empty copy);
 * a commit meanwhile makes SQLite start the copy again, so it is one consistent state.
 * Under the same `.part` name until stamped and complete: a copy cut off (the app closed, the
 * drive gone) never looks like a backup.
 */
export async function backupInSteps(
  sqlite: Database.Database,
  outFile: string,
  at = new Date(),
  { alone = (finish) => finish(), nativeBinding }: InSteps = {},
): Promise<string> {
  const { target, part } = partFor(outFile)
  try {
    const reader = new Database(sqlite.name, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    })
    try {
      await reader.backup(part)
    } finally {
      reader.close()
    }
    // The live connection may have been closed meanwhile (the app quit): then no backup.
    if (!sqlite.open) throw new Error('De database is gesloten voordat de kopie klaar was')
    await alone(() => {
      // The online backup copies the live file's WAL mode; a backup is one file that stands alone.
      sqlite.prepare("ATTACH DATABASE ? AS 'part'").run(part)
      try {
        sqlite.pragma('part.journal_mode = DELETE')
      } finally {
        sqlite.exec('DETACH DATABASE part')
      }
      stampCopy(sqlite, part, at)
    })
    renameSync(part, target)
  } catch (error) {
    rmSync(part, { force: true })
    throw error
  }
  return target
}

function partFor(outFile: string): { target: string; part: string } {
  const target = resolve(outFile)
  if (existsSync(target)) throw new Error(`Het bestand ${target} bestaat al; kies een andere naam`)
  mkdirSync(dirname(target), { recursive: true })
  const part = `${target}.part`
  rmSync(part, { force: true })
  return { target, part }
}

export function timestampForFile(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-').slice(0, 19)
}

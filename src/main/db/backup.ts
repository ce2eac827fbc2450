import type Database from 'better-sqlite3'
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
  const target = resolve(outFile)
  if (existsSync(target)) throw new Error(`Het bestand ${target} bestaat al; kies een andere naam`)
  mkdirSync(dirname(target), { recursive: true })
  const part = `${target}.part`
  rmSync(part, { force: true })
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

export function timestampForFile(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-').slice(0, 19)
}

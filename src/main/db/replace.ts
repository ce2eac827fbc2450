import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags)
  try {
    fsyncSync(fd)
  } catch {
    // Some file systems (network shares, Windows directories) refuse fsync; the rename still holds.
  } finally {
    closeSync(fd)
  }
}

/**
 * Puts `source` in place of the database file. Call it only while no connection is open.
 * The copy is made beside the target and renamed over it, so the live file is at every moment
 * either the old database or the complete new one. The old -wal and -shm files must go: SQLite
 * would otherwise replay the old database's pages into the restored one.
 */
export function replaceDatabaseFile(dbFile: string, source: string): void {
  const incoming = `${dbFile}.terugzetten`
  rmSync(incoming, { force: true })
  copyFileSync(source, incoming)
  fsyncPath(incoming, 'r+')
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${dbFile}${suffix}`, { force: true })
  renameSync(incoming, dbFile)
  if (process.platform !== 'win32') fsyncPath(dirname(dbFile), 'r')
}

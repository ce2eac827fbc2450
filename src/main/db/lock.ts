import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { dirname } from 'node:path'

/**
 * One writer per database file. SQLite itself would let two processes write in turn, but the app
 * assumes it alone changes the data between two screens (a shortlist made in the app must not be
 * overtaken by a CLI import beside it), and a restore replaces the file under every other reader.
 * The lock is a `<db>.lock` file created exclusively ('wx'), so it also works on a network drive,
 * where SQLite's own locks are unreliable.
 */
export interface LockOwner {
  pid: number
  host: string
  /** ISO timestamp of when the owner opened the database. */
  since: string
  program: string
}

export interface DbLock {
  file: string
  owner: LockOwner
  release(): void
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly owner: LockOwner | null,
  ) {
    super(lockedMessage(lockFile, owner))
    this.name = 'DatabaseLockedError'
  }
}

/** A lock file without readable content younger than this may be a lock being written right now. */
const HALF_WRITTEN_GRACE_MS = 10_000

export function lockFileOf(dbFile: string): string {
  return `${dbFile}.lock`
}

function dutchMoment(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString('nl-NL', { dateStyle: 'short', timeStyle: 'short' })
}

function lockedMessage(lockFile: string, owner: LockOwner | null): string {
  if (!owner) {
    return `De database is al geopend door een ander programma (${lockFile}); sluit dat programma eerst.`
  }
  const who = `${owner.program} (proces ${owner.pid} op ${owner.host})`
  return (
    `De database is al geopend door ${who} sinds ${dutchMoment(owner.since)}; sluit dat programma eerst. ` +
    `Draait het zeker niet meer (bijvoorbeeld na een stroomstoring op die computer), verwijder dan ${lockFile}.`
  )
}

function readOwner(lockFile: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockOwner>
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null
    return {
      pid: parsed.pid,
      host: parsed.host,
      since: String(parsed.since ?? ''),
      program: String(parsed.program ?? 'een ander programma'),
    }
  } catch {
    return null
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Stale when we can prove nobody holds it: its process is gone on this very computer. A lock from
 * another computer (a shared network drive) is never taken over automatically: we cannot see its
 * processes, and two writers there would be worse than asking someone to close the app.
 */
function isStale(lockFile: string, owner: LockOwner | null): boolean {
  if (!owner) {
    try {
      return Date.now() - statSync(lockFile).mtimeMs > HALF_WRITTEN_GRACE_MS
    } catch {
      return true
    }
  }
  return owner.host === hostname() && owner.pid !== process.pid && !isRunning(owner.pid)
}

function tryCreate(lockFile: string, owner: LockOwner): boolean {
  let fd: number
  try {
    fd = openSync(lockFile, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, JSON.stringify(owner))
  } finally {
    closeSync(fd)
  }
  return true
}

/** Takes the lock for `dbFile` or throws DatabaseLockedError with a Dutch message naming the holder. */
export function acquireLock(dbFile: string, program = 'Het Vierde Huis'): DbLock {
  const lockFile = lockFileOf(dbFile)
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    program,
  }
  // A new database's folder may not exist yet; the lock comes before the file is created.
  mkdirSync(dirname(lockFile), { recursive: true })
  // Two rounds: a stale lock is removed once, then the exclusive create decides who wins a race.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(lockFile, owner)) {
      const content = JSON.stringify(owner)
      return {
        file: lockFile,
        owner,
        release: () => {
          // Only our own lock: after a takeover the file may belong to someone else now.
          try {
            if (readFileSync(lockFile, 'utf8') === content) unlinkSync(lockFile)
          } catch {
            // Already gone: nothing to release.
          }
        },
      }
    }
    const current = readOwner(lockFile)
    if (attempt > 0 || !isStale(lockFile, current)) throw new DatabaseLockedError(lockFile, current)
    try {
      unlinkSync(lockFile)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  throw new DatabaseLockedError(lockFile, readOwner(lockFile))
}

import { accessSync, constants, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { hidesCharacters } from '../../shared/domain/fields'

/**
 * Where backups may go. A full copy of special-category data lands there, and a restore reads
 * from there, so the folder is one the officer chose and can write in, never a system folder,
 * and never made by the app on someone's say-so (only the default `backups/` beside the
 * database is created by the app itself).
 */

/** System folders: the folder itself and everything under it. */
const SYSTEM_TREES = [
  /^\/(etc|usr|bin|sbin|lib|lib32|lib64|libx32|boot|proc|sys|dev|run|System|private\/etc)(\/|$)/,
  /^[a-z]:\\(windows|program files|program files \(x86\)|programdata)(\\|$)/i,
]
/** Roots and shared tops: not the folder itself (a subfolder may be fine). */
const SYSTEM_ROOTS = [
  /^\/(home|root|var|var\/tmp|tmp|mnt|media|opt|srv|Users|Volumes|private|private\/tmp|private\/var)?\/?$/,
  /^[a-z]:\\?(users\\?)?$/i,
]

/** What is wrong with the path as written, before the disk is asked; null when nothing. */
export function folderPathProblem(folder: string): string | null {
  if (hidesCharacters(folder)) {
    return 'Het pad bevat een regeleinde of een ander onzichtbaar teken'
  }
  if (!isAbsolute(folder)) return 'Geef het volledige pad van de map'
  return systemFolderProblem(resolve(folder))
}

/** A resolved path (POSIX or Windows) that is a system folder, a root, or inside a system tree. */
export function isSystemFolder(path: string): boolean {
  return [...SYSTEM_TREES, ...SYSTEM_ROOTS].some((pattern) => pattern.test(path))
}

function systemFolderProblem(path: string): string | null {
  return isSystemFolder(path)
    ? `${path} is een systeemmap; kies een eigen map voor de reservekopieën`
    : null
}

/**
 * The checks for a folder the officer sets: a usable path, an existing directory (also after
 * following links), and writable (a probe file is written and removed). Returns the resolved
 * path, or throws an Error with the Dutch reason.
 */
export function checkBackupFolder(folder: string): string {
  const written = folderPathProblem(folder)
  if (written) throw new Error(written)
  const target = resolve(folder)
  let real: string
  try {
    if (!statSync(target).isDirectory()) throw new Error(`${target} is geen map`)
    real = realpathSync(target)
  } catch (error) {
    if (error instanceof Error && !('code' in error)) throw error
    throw new Error(`De map ${target} bestaat niet of is niet bereikbaar; maak hem eerst aan`)
  }
  const linked = systemFolderProblem(real)
  if (linked) throw new Error(linked)
  try {
    accessSync(real, constants.W_OK)
    const probe = join(real, `.schrijftest-${process.pid}`)
    writeFileSync(probe, '', { flag: 'wx' })
    rmSync(probe, { force: true })
  } catch {
    throw new Error(`In de map ${target} kan niet worden geschreven`)
  }
  return target
}

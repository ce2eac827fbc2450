import { randomBytes } from 'node:crypto'
import { existsSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'

/**
 * Every file the app writes for the officer (reports, templates, exports, backups, PDFs) goes
 * through here, so an `--out` typed wrongly can never destroy the database or a folder, and a
 * crash halfway never leaves half a file under the real name.
 */
export interface OutputRules {
  /** The database in use: neither it nor its companion files may be written over. */
  database?: string
  /** Replace an existing file: `--force` on the command line, or a save dialog that asked. */
  force?: boolean
}

/** SQLite's own companions and our lock file: overwriting any of them damages the database. */
const DATABASE_FILES = ['', '-wal', '-shm', '-journal', '.lock']

/** Where a path really points, also for a file that does not exist yet (its folder resolved). */
function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path))
    } catch {
      return path
    }
  }
}

// Windows and macOS file names ignore case: `A.DB` is `a.db` there.
const foldCase = (path: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? path.toLowerCase() : path

/** The same file under another name: a hard link, or a symbolic link to it. */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)]
    return x.ino === y.ino && x.dev === y.dev
  } catch {
    return false
  }
}

/** The absolute target if it may be written, else an Error with a Dutch reason. Writes nothing. */
export function checkOutput(out: string, rules: OutputRules = {}): string {
  const target = resolve(out)
  const existing = existsSync(target) ? statSync(target) : null
  if (existing?.isDirectory())
    throw new Error(
      `${target} is een map. Geef een bestandsnaam op, bijvoorbeeld ${join(target, 'bestand.xlsx')}.`,
    )
  if (rules.database) {
    const real = foldCase(realPath(target))
    const database = realPath(resolve(rules.database))
    for (const suffix of DATABASE_FILES) {
      const guarded = database + suffix
      if (real === foldCase(guarded) || sameFile(target, guarded))
        throw new Error(
          `Geweigerd: ${target} is ${suffix ? 'een hulpbestand van de database' : 'de database zelf'}. ` +
            'Kies een andere naam; er is niets geschreven.',
        )
    }
  }
  const folder = dirname(target)
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new Error(`De map ${folder} bestaat niet. Maak die eerst aan of kies een andere map.`)
  if (existing && !existing.isFile())
    throw new Error(`${target} is geen gewoon bestand. Kies een andere naam.`)
  if (existing && !rules.force)
    throw new Error(
      `${target} bestaat al. Kies een andere naam, of geef --force op om het te vervangen.`,
    )
  return target
}

/**
 * Checks the target, lets `write` fill a temporary file beside it, and renames that into place:
 * the target is either the old file or the complete new one. Returns the absolute target.
 */
export function produceOutput(
  out: string,
  rules: OutputRules,
  write: (temporary: string) => void,
): string {
  const target = checkOutput(out, rules)
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(6).toString('hex')}.part`,
  )
  try {
    write(temporary)
    // Checked again: another program may have made the file in the meantime.
    checkOutput(target, rules)
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
  return target
}

export function writeOutput(out: string, data: Uint8Array, rules: OutputRules = {}): string {
  return produceOutput(out, rules, (temporary) => writeFileSync(temporary, data, { flag: 'wx' }))
}

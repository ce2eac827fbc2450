import type Database from 'better-sqlite3'
import { build } from 'esbuild'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { checkBackup, listBackups } from '../../src/main/db/backups'
import { readIdentity } from '../../src/main/db/identity'
import { resourcePath } from '../../src/main/db/connection'
import { openRuntime } from '../../src/main/runtime'

const root = join(import.meta.dirname, '..', '..')

/**
 * The worker bundled once into plain JavaScript: started with tsx it spends seconds compiling on
 * every start, and the test starts it dozens of times. Packages stay external (the native SQLite
 * module among them), so it lives inside the repository where node_modules resolves.
 */
export async function bundleWorker(): Promise<string> {
  const outfile = join(root, 'node_modules', '.cache', 'crash-test', `worker-${process.pid}.mjs`)
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  })
  return outfile
}

export type CrashMode = 'import' | 'generate' | 'restore'

export interface WorkerRun {
  /** Killed by our SIGKILL before it said "done". */
  killed: boolean
  /** Milliseconds the work took, when it finished. */
  workMs: number | null
}

/**
 * Starts the worker and, `killAfterMs` after it reports "ready", kills it with SIGKILL: no
 * handler, no cleanup, exactly what a power cut or the task manager does. Null: never kill.
 */
export function runWorker(
  worker: string,
  dbFile: string,
  mode: CrashMode,
  argument: string,
  killAfterMs: number | null,
): Promise<WorkerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, dbFile, mode, argument], {
      cwd: root,
      // The bundle sits under node_modules, which may be a link into another checkout: tell it
      // which migrations this one has, or a restore would see its own backups as "newer".
      env: { ...process.env, CRASH_MIGRATIONS: resourcePath('migrations') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (killAfterMs !== null && !timer && stdout.includes('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      const done = /done (\d+)/.exec(stdout)
      if (signal === 'SIGKILL' && !done) return resolve({ killed: true, workMs: null })
      if (code !== 0 && !done)
        return reject(new Error(`worker ${mode} faalde (${code}): ${stderr}`))
      resolve({ killed: false, workMs: done ? Number(done[1]) : null })
    })
  })
}

/** Row counts of every table: the state an interrupted piece of work must leave whole or untouched. */
export function countsOf(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => [t, sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
  )
}

export interface AfterCrash {
  integrity: string
  counts: Record<string, number>
  corporations: string[]
  /** Backups in the folder that fail their check: a half-written one would show here. */
  badBackups: string[]
}

/**
 * Opens the database as the app would after the crash (taking over the dead worker's lock,
 * running the start-up integrity check), then the full integrity check and the counts.
 */
export async function inspectAfterCrash(dbFile: string): Promise<AfterCrash> {
  const runtime = await openRuntime(dbFile, { startupTasks: false })
  try {
    const { sqlite } = runtime.store
    const integrity = (sqlite.pragma('integrity_check', { simple: true }) as string) ?? ''
    const check = {
      migrationsFolder: resourcePath('migrations'),
      identity: readIdentity(sqlite),
    }
    const badBackups = listBackups(join(dbFile, '..', 'backups'), dbFile)
      .filter((b) => checkBackup(b.path, check).length > 0)
      .map((b) => b.name)
    return {
      integrity,
      counts: countsOf(sqlite),
      corporations: sqlite
        .prepare('SELECT name FROM corporations ORDER BY id')
        .pluck()
        .all() as string[],
      badBackups,
    }
  } finally {
    runtime.close()
  }
}

/** A small seeded generator, so a failing run can be repeated with CRASH_SEED. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

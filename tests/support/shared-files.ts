import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { inject } from 'vitest'
import { openStore } from '../../src/main/db/connection'
import { ensureIdentity } from '../../src/main/db/identity'
import { createContext, type Actor } from '../../src/main/services/context'
import { loadDemo } from '../../src/main/services/demo-service'
import type { DemoSummary } from '../../src/shared/api/app'
import { FIXED_NOW, TEST_ACTOR } from './temp-db'

/**
 * A folder built once per test run (in the run folder of run-folder.ts) and shared by every test
 * file that asks for it. The first worker to ask builds it; a worker asking meanwhile waits for it.
 * Built under another name and renamed when complete, so nobody ever sees half of it.
 */
export async function sharedFolder(
  name: string,
  build: (dir: string) => void | Promise<void>,
): Promise<string> {
  const dir = join(inject('runFolder'), name)
  const building = `${dir}.bouw`
  const failed = `${dir}.mislukt`
  try {
    mkdirSync(`${dir}.claim`) // only the first to ask, in any worker, succeeds
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    while (!existsSync(dir)) {
      if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'))
      await sleep(100)
    }
    return dir
  }
  try {
    mkdirSync(building)
    await build(building)
  } catch (error) {
    writeFileSync(failed, `${name} kon niet worden gebouwd: ${String(error)}`)
    throw error
  }
  renameSync(building, dir)
  return dir
}

/**
 * The seeded demo, history included, exactly as `loadDemo(ctx, seed)` leaves an empty database at
 * FIXED_NOW, copied to `file`. The load is thousands of engine steps (seconds, more on a busy
 * machine), so it runs once per run and seed. The copy gets an identity of its own, as a database
 * freshly loaded would. Opening the copy is opening an existing file: pass `startupTasks: false`
 * where the test used to load into a new one (on a new file those tasks have nothing to do).
 */
export async function copyDemo(
  file: string,
  { seed = 2019, actor = TEST_ACTOR }: { seed?: number; actor?: Actor } = {},
): Promise<DemoSummary> {
  const who = createHash('sha256').update(JSON.stringify(actor)).digest('hex').slice(0, 8)
  const dir = await sharedFolder(`demo-${seed}-${who}`, async (building) => {
    const store = openStore(join(building, 'demo.db'))
    try {
      const summary = await loadDemo(createContext(store, { now: () => FIXED_NOW, actor }), seed)
      writeFileSync(join(building, 'summary.json'), JSON.stringify(summary))
    } finally {
      // Closing the last connection checkpoints the WAL: the .db file alone is then complete.
      // Closed without the store's PRAGMA optimize: a database just loaded has no planner
      // statistics yet, and the copies must be that database (the query-plan tests see it).
      store.sqlite.close()
    }
  })
  copyFileSync(join(dir, 'demo.db'), file)
  renewIdentity(file)
  return JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as DemoSummary
}

function renewIdentity(file: string): void {
  const sqlite = new Database(file)
  try {
    sqlite.prepare('DELETE FROM database_identity').run()
    ensureIdentity(sqlite)
  } finally {
    sqlite.close()
  }
}

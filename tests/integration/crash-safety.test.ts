// Single-store on purpose (SQLite): a killed process and the SQLite file with its WAL; PostgreSQL's crash safety is the server's.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { corporations } from '../../src/main/db/schema'
import { openRuntime } from '../../src/main/runtime'
import { makeManualBackup } from '../../src/main/services/backup-service'
import { dwellingsTemplate } from '../../src/main/services/import-service'
import {
  bundleWorker,
  inspectAfterCrash,
  runWorker,
  seededRandom,
  type CrashMode,
} from '../support/crash-runner'
import { fillTemplate } from '../support/excel-files'
import { dwellingRow } from '../support/excel-rows'
import { copyDemo } from '../support/shared-files'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from '../support/temp-db'

/** `npm run soak` raises these; the normal run kills three times, once in each kind of work. */
const ITERATIONS = Number(process.env['CRASH_ITERATIONS'] ?? 3)
const SEED = Number(process.env['CRASH_SEED'] ?? Date.now() % 1_000_000)
const IMPORT_ROWS = 3_000
const DB = 'vierde-huis.db'

interface Fixture {
  mode: CrashMode
  dir: string
  argument: string
  /** What the database must equal afterwards: untouched, or the whole work done. */
  none: string
  all: string
  workMs: number
}

/** The state compared for all-or-none: every table's row count (restore: which corporations). */
async function stateOf(
  dbFile: string,
  mode: CrashMode,
): Promise<{ key: string; integrity: string; bad: string[] }> {
  const after = await inspectAfterCrash(dbFile)
  const key = mode === 'restore' ? after.corporations.join('|') : JSON.stringify(after.counts)
  return { key, integrity: after.integrity, bad: after.badBackups }
}

async function prepare(root: string, worker: string): Promise<Fixture[]> {
  const open = async (mode: CrashMode) => {
    const dir = join(root, `basis-${mode}`)
    mkdirSync(dir, { recursive: true })
    return await openRuntime(join(dir, DB), {
      startupTasks: false,
      context: { actor: TEST_ACTOR, now: () => FIXED_NOW },
    })
  }
  // A corporation's large quarter file, made with the real template writer.
  const importing = await open('import')
  const { id } = importing.store.db
    .insert(corporations)
    .values({ name: 'Mitros', socialStock: 12_000 })
    .returning()
    .get()
  const template = await dwellingsTemplate(importing.ctx, {
    corporationId: id,
    quarterKey: '2026-Q4',
  })
  const rows = Array.from({ length: IMPORT_ROWS }, (_, i) =>
    dwellingRow(i + 1, { 'Kale huur': 500 + (i % 400) }),
  )
  const xlsx = join(root, 'woningen.xlsx')
  writeFileSync(xlsx, await fillTemplate(template.base64, 'Woningen', rows))
  importing.close()

  // The demo's waiting list and a quarter's dwellings: a realistic batch.
  mkdirSync(join(root, 'basis-generate'))
  await copyDemo(join(root, 'basis-generate', DB), { seed: 7 })
  // Opened and closed once, as the loaded file was: closing adds the planner statistics
  // (sqlite_stat1), which are part of the state compared after a kill.
  ;(await open('generate')).close()

  // A live file of some megabytes and a smaller backup of an earlier state.
  const restoring = await open('restore')
  restoring.store.db.insert(corporations).values({ name: 'Mitros', socialStock: 12_000 }).run()
  const backup = (await makeManualBackup(restoring.ctx)).name
  const insert = restoring.store.sqlite.prepare(
    "INSERT INTO audit_events (at, officer, os_user, action, entity_type, summary, details) VALUES ('2026-01-01', 'x', 'x', 'test', 'test', ?, ?)",
  )
  restoring.store.sqlite.transaction(() => {
    for (let i = 0; i < 30_000; i++) insert.run(`Gebeurtenis ${i}`, 'x'.repeat(200))
  })()
  restoring.store.db.insert(corporations).values({ name: 'Portaal', socialStock: 9_000 }).run()
  restoring.close()

  const fixtures: Fixture[] = []
  const work: [CrashMode, string][] = [
    ['import', xlsx],
    ['generate', '2026-Q4'],
    ['restore', backup],
  ]
  for (const [mode, argument] of work) {
    const dir = join(root, `basis-${mode}`)
    const none = (await stateOf(join(dir, DB), mode)).key
    // One uninterrupted run: the "all" state, and how long the work takes to aim the kills.
    const reference = join(root, `referentie-${mode}`)
    cpSync(dir, reference, { recursive: true })
    const run = await runWorker(worker, join(reference, DB), mode, argument, null)
    const all = (await stateOf(join(reference, DB), mode)).key
    expect(all, `${mode} must change something`).not.toBe(none)
    fixtures.push({ mode, dir, argument, none, all, workMs: run.workMs ?? 1000 })
  }
  return fixtures
}

describe('crash safety', () => {
  const tempDir = useTempDir()

  it(
    `survives SIGKILL at a random moment of an import, a batch generation or a restore (${ITERATIONS}×)`,
    { timeout: 120_000 + ITERATIONS * 20_000 },
    async () => {
      const root = tempDir()
      const worker = await bundleWorker()
      onTestFinished(() => rmSync(worker, { force: true }))
      const fixtures = await prepare(root, worker)
      const random = seededRandom(SEED)
      const tally = { kills: 0, untouched: 0, complete: 0, finishedFirst: 0, restoresTried: 0 }

      for (let i = 0; i < ITERATIONS; i++) {
        const fixture = fixtures[i % fixtures.length]!
        const dir = join(root, `ronde-${i}`)
        cpSync(fixture.dir, dir, { recursive: true })
        // Anywhere in the work, half of the time aimed at its last quarter, where the writing is.
        const share = random() < 0.5 ? random() * 1.1 : 0.75 + random() * 0.3
        const killAfter = Math.floor(share * fixture.workMs)
        const run = await runWorker(
          worker,
          join(dir, DB),
          fixture.mode,
          fixture.argument,
          killAfter,
        )
        if (fixture.mode === 'restore') tally.restoresTried++

        const after = await stateOf(join(dir, DB), fixture.mode)
        const context = `ronde ${i} (${fixture.mode}, kill na ${killAfter} ms, seed ${SEED})`
        expect(after.integrity, context).toBe('ok')
        expect(after.bad, context).toEqual([])
        expect([fixture.none, fixture.all], context).toContain(after.key)
        if (!run.killed) tally.finishedFirst++
        else {
          tally.kills++
          if (after.key === fixture.none) tally.untouched++
          else tally.complete++
        }
      }

      console.log(
        `crash safety (seed ${SEED}): ${tally.kills} kills (${tally.untouched} left nothing, ` +
          `${tally.complete} everything), ${tally.finishedFirst} finished before the kill, ` +
          `${tally.restoresTried} restores tried; nothing lost or half-written`,
      )
      const reportDir = process.env['SOAK_REPORT_DIR']
      if (reportDir)
        writeFileSync(join(reportDir, 'crash.json'), JSON.stringify({ ...tally, seed: SEED }))
    },
  )
})

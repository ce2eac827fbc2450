/**
 * Two desks on one PostgreSQL database for an e2e test: a fresh database on the run's throwaway
 * cluster (the PostgreSQL round of `npm run test:e2e` starts one; run alone, the test starts its
 * own, the same one the integration tests start), the demo loaded into a SQLite file and copied in
 * as `migrate-to-postgres` does, and per desk its own team runtime (own officer, own listener)
 * behind its own loopback host.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resourcePath } from '../../src/main/db/connection'
import { copyIntoPostgres, readSqliteSnapshot } from '../../src/main/db/copy-to-postgres'
import { openPgStore } from '../../src/main/db/pg-store'
import { parseDatabaseUrl } from '../../src/main/db/pg-url'
import { startHost, type RunningHost } from '../../src/main/host'
import { loadAssignmentSolver } from '../../src/main/matching/highs-solver'
import { openRuntime, openTeamRuntime, type Runtime } from '../../src/main/runtime'
import { createE2eDatabase } from '../support/e2e-store'
import startCluster, { TEST_PG_URL_VARIABLE } from '../support/pg-cluster'

export interface Desk {
  runtime: Runtime
  host: RunningHost
}

export interface TwoDesks {
  anna: Desk
  bram: Desk
  close(): Promise<void>
}

export async function twoDesksOnPostgres(): Promise<TwoDesks> {
  await loadAssignmentSolver()
  // The run's cluster when there is one: starting a second would also move the URL under the
  // tests that come after this one.
  const ownCluster = process.env[TEST_PG_URL_VARIABLE] ? null : await startCluster()
  const stopCluster = () => {
    if (!ownCluster) return
    ownCluster()
    delete process.env[TEST_PG_URL_VARIABLE]
  }
  const dir = mkdtempSync(join(tmpdir(), 'vierde-huis-e2e-team-'))
  const opened: Desk[] = []
  let database: Awaited<ReturnType<typeof createE2eDatabase>> | null = null
  const closeAll = async () => {
    for (const desk of opened) await desk.host.close()
    for (const desk of opened) await desk.runtime.close()
    await database?.drop()
    stopCluster()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const file = join(dir, 'demo.db')
    const local = await openRuntime(file, {
      context: { actor: { officer: 'Anna', osUser: 'anna' } },
      startupTasks: false,
    })
    try {
      const loaded = await local.routes.get('demo:load')!({ seed: 7 })
      if (!loaded.ok) throw new Error(loaded.error.message)
    } finally {
      local.close()
    }
    database = await createE2eDatabase()
    const target = parseDatabaseUrl(database.url)
    const sqlite = new Database(file, { readonly: true })
    const snapshot = readSqliteSnapshot(sqlite)
    sqlite.close()
    const store = await openPgStore(target)
    await copyIntoPostgres(snapshot, store.pgDb)
    await store.close()

    const rendererDir = join(resourcePath('migrations'), '..', '..', 'out', 'renderer')
    for (const officer of ['Anna', 'Bram']) {
      const runtime = await openTeamRuntime(target, {
        context: { actor: { officer, osUser: officer.toLowerCase() } },
        startupTasks: false,
      })
      const host = await startHost({
        routes: runtime.routes,
        rendererDir,
        changes: runtime.changes,
      })
      opened.push({ runtime, host })
    }
  } catch (error) {
    await closeAll()
    throw error
  }
  return { anna: opened[0]!, bram: opened[1]!, close: closeAll }
}

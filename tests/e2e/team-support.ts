/**
 * Two desks on one PostgreSQL database for an e2e test: a throwaway cluster (the same one the
 * integration tests start), the demo loaded into a SQLite file and copied in as
 * `migrate-to-postgres` does, and per desk its own team runtime (own officer, own listener) behind
 * its own loopback host.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { resourcePath } from '../../src/main/db/connection'
import { copyIntoPostgres, readSqliteSnapshot } from '../../src/main/db/copy-to-postgres'
import { openPgStore } from '../../src/main/db/pg-store'
import { parseDatabaseUrl } from '../../src/main/db/pg-url'
import { startHost, type RunningHost } from '../../src/main/host'
import { loadAssignmentSolver } from '../../src/main/matching/highs-solver'
import { openRuntime, openTeamRuntime, type Runtime } from '../../src/main/runtime'
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
  const stopCluster = await startCluster()
  const dir = mkdtempSync(join(tmpdir(), 'vierde-huis-e2e-team-'))
  const opened: Desk[] = []
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
    const admin = new pg.Client({ connectionString: process.env[TEST_PG_URL_VARIABLE] })
    await admin.connect()
    await admin.query('CREATE DATABASE vierde_huis_team')
    await admin.end()
    const url = new URL(process.env[TEST_PG_URL_VARIABLE]!)
    url.pathname = '/vierde_huis_team'
    const target = parseDatabaseUrl(url.toString())
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
    for (const desk of opened) await desk.host.close()
    for (const desk of opened) await desk.runtime.close()
    stopCluster()
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    anna: opened[0]!,
    bram: opened[1]!,
    async close() {
      for (const desk of opened) await desk.host.close()
      for (const desk of opened) await desk.runtime.close()
      stopCluster()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

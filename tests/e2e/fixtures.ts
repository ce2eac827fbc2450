import { test as base } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resourcePath } from '../../src/main/db/connection'
import { parseDatabaseUrl } from '../../src/main/db/pg-url'
import { startHost } from '../../src/main/host'
import { loadAssignmentSolver } from '../../src/main/matching/highs-solver'
import { openRuntime, openTeamRuntime, type Runtime } from '../../src/main/runtime'
import {
  createE2eDatabase,
  demoFile,
  e2eStore,
  routeDemoThroughSqlite,
  type E2eStore,
} from '../support/e2e-store'

const context = { actor: { officer: 'Test Medewerker', osUser: 'e2e' } }

/**
 * Every test gets the real host with the real services on its own fresh store, and the renderer
 * built by `npm run test:e2e`. `baseURL` points at it, so `page.goto('/')` opens the app. The store
 * is a fresh SQLite file, or with VIERDE_HUIS_E2E_STORE=postgres a fresh database on the run's
 * PostgreSQL cluster opened by `openTeamRuntime`, as a desk in team mode opens it (there the demo
 * is loaded through a SQLite file and copied in: see routeDemoThroughSqlite). `store` says which.
 */
export const test = base.extend<{ runtime: Runtime }, { store: E2eStore; demoWarm: void }>({
  store: [
    async ({}, use) => {
      await use(e2eStore())
    },
    { scope: 'worker' },
  ],
  // PostgreSQL: the demo's SQLite file is made once per worker, before the first test's clock runs.
  demoWarm: [
    async ({ store }, use) => {
      if (store === 'postgres') {
        await loadAssignmentSolver()
        const made = await demoFile(context.actor, () => new Date())
        if (!made.result.ok) throw new Error(`demo: ${made.result.error.message}`)
      }
      await use()
    },
    { scope: 'worker', auto: true, timeout: 300_000 },
  ],
  runtime: async ({ store }, use) => {
    await loadAssignmentSolver()
    if (store === 'postgres') {
      const database = await createE2eDatabase()
      try {
        const runtime = await openTeamRuntime(parseDatabaseUrl(database.url), { context })
        routeDemoThroughSqlite(runtime)
        try {
          await use(runtime)
        } finally {
          await runtime.close()
        }
      } finally {
        await database.drop()
      }
      return
    }
    const dir = mkdtempSync(join(tmpdir(), 'vierde-huis-e2e-'))
    const runtime = await openRuntime(join(dir, 'e2e.db'), { context })
    await use(runtime)
    runtime.close()
    rmSync(dir, { recursive: true, force: true })
  },
  baseURL: async ({ runtime }, use) => {
    const rendererDir = join(resourcePath('migrations'), '..', '..', 'out', 'renderer')
    const host = await startHost({ routes: runtime.routes, rendererDir })
    await use(host.url)
    await host.close()
  },
})

export { expect } from '@playwright/test'

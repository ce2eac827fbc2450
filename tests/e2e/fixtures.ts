import { test as base } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resourcePath, type SqliteStore } from '../../src/main/db/connection'
import { startHost } from '../../src/main/host'
import { loadAssignmentSolver } from '../../src/main/matching/highs-solver'
import { openRuntime, type Runtime } from '../../src/main/runtime'

/**
 * Every test gets the real host with the real services on its own fresh SQLite file, and the
 * renderer built by `npm run test:e2e`. `baseURL` points at it, so `page.goto('/')` opens the app.
 */
export const test = base.extend<{ runtime: Runtime<SqliteStore> }>({
  runtime: async ({}, use) => {
    await loadAssignmentSolver()
    const dir = mkdtempSync(join(tmpdir(), 'vierde-huis-e2e-'))
    const runtime = await openRuntime(join(dir, 'e2e.db'), {
      context: { actor: { officer: 'Test Medewerker', osUser: 'e2e' } },
    })
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

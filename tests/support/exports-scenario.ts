import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll } from 'vitest'
import { openRuntime, type Runtime } from '../../src/main/runtime'
import { copyDemo, sharedFolder } from './shared-files'
import { sqlOne, sqlRows, sqlRun } from './sql-rows'
import { useRuntimeOn, type StoreKind } from './stores'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from './temp-db'

export const QUARTER = '2026-Q4'

export interface ExportScenario {
  kind: StoreKind
  runtime: Runtime
  /** The SQLite file the scenario started from (on PostgreSQL: the file that was copied in). */
  dbFile: string
  dir: string
  /** Calls an endpoint as the renderer would; rejects with the Dutch message on failure. */
  call: <T>(channel: string, input: unknown) => Promise<T>
  /** Raw SQL in SQLite's form on either store (sql-rows.ts). */
  one: <T>(query: string, ...params: unknown[]) => Promise<T>
  all: <T>(query: string, ...params: unknown[]) => Promise<T[]>
  run: (query: string, ...params: unknown[]) => Promise<number>
  corporationId: number
  /** Mitros' presented rounds in the quarter, by dwelling address. */
  presented: { shortlistId: number; dwellingId: number; address: string }[]
}

const CONTEXT = { actor: TEST_ACTOR, now: () => FIXED_NOW }

/**
 * The demo dataset on a real database, shortlists generated for the open quarter, and every
 * concept round of Mitros presented: what an officer has before exporting for that corporation.
 * The demo with its shortlists is made once per test run (shared-files.ts) and copied per test:
 * loading it takes many seconds. `kind: 'postgres'` runs it on a PostgreSQL copy of that database.
 */
export function useExportScenario(): (options?: {
  present?: boolean
  kind?: StoreKind
}) => Promise<ExportScenario> {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()
  let baseDir = ''
  beforeAll(async () => {
    baseDir = await sharedFolder('exports-base', async (dir) => {
      await copyDemo(join(dir, 'base.db'), { seed: 7 })
      const base = await openRuntime(join(dir, 'base.db'), {
        context: CONTEXT,
        startupTasks: false,
      })
      try {
        const generated = await base.routes.get('shortlists:generate')!({ quarter: QUARTER })
        if (!generated.ok) throw new Error(generated.error.message)
      } finally {
        // Closing the last connection checkpoints the WAL: the .db file alone is then complete.
        base.close()
      }
    })
  }, 120_000)
  return async ({ present = true, kind = 'sqlite' } = {}) => {
    const dir = tempDir()
    const dbFile = join(dir, 'exports.db')
    copyFileSync(join(baseDir, 'base.db'), dbFile)
    const runtime = await runtimeOn(kind, dbFile, { template: 'exports-base' })
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await runtime.routes.get(channel)!(input)
      if (!result.ok)
        throw Object.assign(new Error(result.error.message), { code: result.error.code })
      return result.data as T
    }
    const one = <T>(query: string, ...params: unknown[]) => sqlOne<T>(runtime, query, ...params)
    const all = <T>(query: string, ...params: unknown[]) => sqlRows<T>(runtime, query, ...params)
    const run = (query: string, ...params: unknown[]) => sqlRun(runtime, query, ...params)
    const { id: corporationId } = await one<{ id: number }>(
      "SELECT id FROM corporations WHERE name = 'Mitros'",
    )
    const concept = await all<{ shortlistId: number; dwellingId: number; address: string }>(
      `SELECT s.id AS shortlistId, d.id AS dwellingId, d.address FROM shortlists s
       JOIN dwellings d ON d.id = s.dwelling_id
       WHERE d.corporation_id = ? AND d.quarter_key = ? AND s.status = 'concept'
       ORDER BY d.address, d.id`,
      corporationId,
      QUARTER,
    )
    if (present) {
      for (const s of concept) await call('shortlists:present', { shortlistId: s.shortlistId })
    }
    return { kind, runtime, dbFile, dir, call, one, all, run, corporationId, presented: concept }
  }
}

/** The open candidates of a shortlist by position: what the corporation sees for that dwelling. */
export async function openCodes(scenario: ExportScenario, shortlistId: number): Promise<string[]> {
  return (
    await scenario.all<{ code: string }>(
      `SELECT c.code FROM shortlist_candidates sc JOIN clients c ON c.id = sc.client_id
       WHERE sc.shortlist_id = ? AND sc.decision = 'open' ORDER BY sc.position`,
      shortlistId,
    )
  ).map((r) => r.code)
}

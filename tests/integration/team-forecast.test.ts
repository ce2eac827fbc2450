/**
 * The Vooruitblik in team mode: its runs play on an in-memory SQLite copy made from PostgreSQL
 * (simulation/team-image.ts). On the demo copied into PostgreSQL, the forecast and the backtest
 * with the same seed give exactly what they give on the SQLite file, and PostgreSQL is unchanged.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backtest } from '../../src/main/simulation/backtest'
import { withCurrentCourse } from '../../src/main/simulation/scenario'
import { simulate } from '../../src/main/simulation/simulate'
import { copyDemo } from '../support/shared-files'
import { useRuntimeOn } from '../support/stores'
import { useTempDir } from '../support/temp-db'

const SLOW = 300_000
const TODAY = '2026-11-23'

describe('Vooruitblik op PostgreSQL', () => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()

  it(
    'geeft met dezelfde seed dezelfde vooruitblik en terugblik als op het SQLite-bestand',
    async () => {
      const file = join(tempDir(), 'demo.db')
      await copyDemo(file)
      const sqlite = await runtimeOn('sqlite', file)
      const postgres = await runtimeOn('postgres', file)
      const scenarios = withCurrentCourse([
        { name: 'Mitros levert niet', shortfalls: [{ corporation: 'Mitros', share: 1 }] },
      ])
      const options = { startIso: TODAY, quarters: 1, runs: 2, seed: 7 }
      const back = { startIso: '2026-07-01', quarters: 1, runs: 2, seed: 3 }
      const clients = 'SELECT count(*)::int AS n, max(updated_at) AS at FROM clients'
      const store = postgres.store
      if (store.dialect !== 'postgres') throw new Error('verwacht PostgreSQL')
      const before = (await store.pool.query(clients)).rows

      const onPostgres = await simulate(postgres.store, scenarios, options)
      const onSqlite = await simulate(sqlite.store, scenarios, options)
      expect({ ...onPostgres, seconds: 0 }).toEqual({ ...onSqlite, seconds: 0 })
      expect(onPostgres.scenarios[0]!.quarters.length).toBeGreaterThan(0)

      const backOnPostgres = await backtest(postgres.store, back)
      const backOnSqlite = await backtest(sqlite.store, back)
      expect({ ...backOnPostgres, seconds: 0 }).toEqual({ ...backOnSqlite, seconds: 0 })
      expect((await store.pool.query(clients)).rows).toEqual(before)
    },
    SLOW,
  )
})

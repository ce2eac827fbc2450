/**
 * The Vooruitblik in team mode: the model reads an in-memory SQLite copy of the team's PostgreSQL,
 * made in one consistent read. The copy holds exactly what the desk's file held, so the forecast
 * for the demo copied into PostgreSQL equals the forecast on the file, run for run.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/db/connection'
import { sqliteImageOfPostgres } from '../../src/main/db/copy-from-postgres'
import { openPgStore } from '../../src/main/db/pg-store'
import { withCurrentCourse } from '../../src/main/simulation/scenario'
import { simulate } from '../../src/main/simulation/simulate'
import type { SimulationResult } from '../../src/shared/api/simulation'
import { tableDigest } from '../support/db-digest'
import { usePgDatabase } from '../support/pg-database'
import { copyDemo } from '../support/shared-files'
import { copyToPostgres } from '../support/stores'
import { useTempDir } from '../support/temp-db'

const withoutTiming = (r: SimulationResult) => ({ ...r, seconds: 0 })

describe('Vooruitblik in teamgebruik', () => {
  const tempDir = useTempDir()
  const freshDatabase = usePgDatabase()

  it('rekent op een kopie van PostgreSQL precies wat hij op het bestand rekent', async () => {
    const file = join(tempDir(), 'demo.db')
    await copyDemo(file, { seed: 7 })
    const target = await copyToPostgres(file, await freshDatabase())
    const team = await openPgStore(target)
    const desk = openStore(file)
    try {
      // The copy: every table with the same rows as the file it came from. (The id counters are
      // PostgreSQL's, which migrate-to-postgres set to the highest id: past deleted rows the file's
      // counter may stand higher.)
      const image = new Database(await sqliteImageOfPostgres(team))
      const { __drizzle_migrations: _m, sqlite_sequence: _s, ...copied } = tableDigest(image)
      const {
        __drizzle_migrations: _n,
        sqlite_sequence: _t,
        ...original
      } = tableDigest(desk.sqlite)
      image.close()
      expect(copied).toEqual(original)

      const scenarios = withCurrentCourse([])
      const options = { startIso: '2026-11-23', quarters: 1, runs: 2, seed: 7 }
      const onFile = await simulate(desk, scenarios, options)
      const onTeam = await simulate(team, scenarios, options)
      expect(withoutTiming(onTeam)).toEqual(withoutTiming(onFile))
    } finally {
      desk.close()
      await team.close()
    }
  }, 300_000)
})

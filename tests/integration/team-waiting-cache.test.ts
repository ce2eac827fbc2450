/**
 * What keeping the waiting state between calls saves in team mode: one dwelling's pool
 * (`shortlists:pool`, what the officer sees on opening a dwelling) on the demo copied into
 * PostgreSQL, with the listener (state kept while no desk changed anything) and without it (the
 * state counted afresh on every call, as team mode did before change notes). Prints the figures.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTeamRuntime, type Runtime } from '../../src/main/runtime'
import { waitingState } from '../../src/main/services/waiting-state'
import { call } from '../support/call'
import { usePgDatabase } from '../support/pg-database'
import { copyDemo } from '../support/shared-files'
import { copyToPostgres, TEST_CONTEXT } from '../support/stores'
import { useTempDir } from '../support/temp-db'

const CALLS = 20

async function timePool(runtime: Runtime, dwellingIds: number[]): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now()
    await call(runtime, 'shortlists:pool', { dwellingId: dwellingIds[i % dwellingIds.length] })
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)
}

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

describe('team mode: the waiting state kept between calls', { timeout: 240_000 }, () => {
  const tempDir = useTempDir()
  const freshDatabase = usePgDatabase()

  it('makes one dwelling’s pool faster on PostgreSQL while no desk changes anything', async () => {
    const file = join(tempDir(), 'demo.db')
    await copyDemo(file, { seed: 7 })
    const target = await copyToPostgres(file, await freshDatabase())
    const afresh = await openTeamRuntime(target, {
      context: TEST_CONTEXT,
      startupTasks: false,
      listen: false,
    })
    const kept = await openTeamRuntime(target, { context: TEST_CONTEXT, startupTasks: false })
    try {
      const board = await call<{ dwellingId: number; status: string }[]>(kept, 'shortlists:board', {
        quarter: '2026-Q4',
      })
      const ids = board.slice(0, 5).map((r) => r.dwellingId)
      // Warm both (drizzle's query building, the server's caches), then alternate the runs.
      await timePool(afresh, ids)
      await timePool(kept, ids)
      const before = [...(await timePool(afresh, ids)), ...(await timePool(afresh, ids))].sort(
        (a, b) => a - b,
      )
      const after = [...(await timePool(kept, ids)), ...(await timePool(kept, ids))].sort(
        (a, b) => a - b,
      )
      const state = await waitingState(kept.ctx)
      console.log(
        `shortlists:pool op PostgreSQL (demo seed 7, ${state.waiting.length} wachtenden), ${before.length} aanroepen:\n` +
          `  telkens opnieuw geteld: p50 ${at(before, 0.5).toFixed(1)} ms, p95 ${at(before, 0.95).toFixed(1)} ms\n` +
          `  bewaard tussen aanroepen: p50 ${at(after, 0.5).toFixed(1)} ms, p95 ${at(after, 0.95).toFixed(1)} ms`,
      )
      expect(await waitingState(kept.ctx)).toBe(state)
      expect(await waitingState(afresh.ctx)).not.toBe(await waitingState(afresh.ctx))
      expect(at(after, 0.5)).toBeLessThan(at(before, 0.5))
    } finally {
      await afresh.close()
      await kept.close()
    }
  })
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRuntime, type Runtime } from '../../src/main/runtime'
import type { SimulationJob } from '../../src/shared/api/simulation'
import { call } from '../support/call'
import { FIXED_NOW, TEST_ACTOR } from '../support/temp-db'

const SLOW = 300_000

/** Polls the job the way the page does until it leaves "bezig"; every status is checked on the way. */
async function finish(runtime: Runtime, job: SimulationJob): Promise<SimulationJob> {
  let status = job
  while (status.state === 'bezig') {
    await new Promise((r) => setTimeout(r, 100))
    status = await call<SimulationJob>(runtime, 'simulation:status', { jobId: job.jobId })
    expect(status.done).toBeLessThanOrEqual(status.total)
  }
  return status
}

describe('the Vooruitblik as a job on the contract', () => {
  let dir: string
  let runtime: Runtime

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vierde-huis-sim-jobs-'))
    runtime = await openRuntime(join(dir, 'jobs.db'), {
      startupTasks: false,
      context: { actor: TEST_ACTOR, now: () => FIXED_NOW },
    })
    await call(runtime, 'demo:load', {})
  }, SLOW)
  afterAll(() => {
    void runtime.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it(
    'starts, answers status calls while it runs, refuses a second start, and ends with the result',
    async () => {
      const job = await call<SimulationJob>(runtime, 'simulation:start', {
        scenarios: [{ name: 'N = 4', shortlistSize: 4 }],
        quarters: 1,
        runs: 1,
      })
      expect(job).toMatchObject({ state: 'bezig', done: 0, total: 2, forecast: null })
      await expect(call(runtime, 'simulation:start', {})).rejects.toMatchObject({
        code: 'conflict',
        message: 'Er loopt al een vooruitblik; wacht tot hij klaar is of breek hem af',
      })
      const done = await finish(runtime, job)
      expect(done.state).toBe('klaar')
      expect(done.done).toBe(2)
      expect(done.forecast!.scenarios.map((s) => s.scenario.name)).toEqual([
        'Huidige koers',
        'N = 4',
      ])
      expect(done.forecast!.startIso).toBe('2026-11-23')
      expect(done.backtest).toBeNull()
    },
    SLOW,
  )

  it(
    'cancels between two steps and stays cancelled; an unknown job is not found',
    async () => {
      const job = await call<SimulationJob>(runtime, 'simulation:start', { quarters: 8, runs: 20 })
      await new Promise((r) => setTimeout(r, 300))
      const cancelled = await call<SimulationJob>(runtime, 'simulation:cancel', {
        jobId: job.jobId,
      })
      expect(cancelled.state).toBe('afgebroken')
      expect(cancelled.forecast).toBeNull()
      await new Promise((r) => setTimeout(r, 300))
      const later = await call<SimulationJob>(runtime, 'simulation:status', { jobId: job.jobId })
      expect(later).toEqual(cancelled)
      await expect(
        call(runtime, 'simulation:status', { jobId: 'bestaat-niet' }),
      ).rejects.toMatchObject({ code: 'not-found' })
      await expect(call(runtime, 'simulation:start', { runs: 0 })).rejects.toMatchObject({
        code: 'invalid-input',
      })
    },
    SLOW,
  )
})

import { randomUUID } from 'node:crypto'
import type { SimulationJob, SimulationStart } from '../../shared/api/simulation'
import { ApiError } from '../../shared/api/endpoint'
import { localIsoDate } from '../../shared/domain/dates'
import { describeForOfficer } from '../api/system-errors'
import type { ServiceContext } from '../services/context'
import { backtest } from './backtest'
import { saveLastForecast } from './last-forecast'
import { withCurrentCourse } from './scenario'
import { simulate } from './simulate'
import { detached } from '../db/step-queue'

/**
 * The Vooruitblik as a job for the page: the runs play in worker threads (pool.ts), so the main
 * process keeps answering (status, other screens) while they go, and a cancel stops the workers at
 * once. One job at a time: a second start is refused.
 */

/** The backtest of the page: the demo's first played quarter and the two after it. */
export const BACKTEST = { startIso: '2026-01-01', quarters: 2 } as const

interface Job {
  status: SimulationJob
  stop: AbortController
}

export function createSimulationJobs(ctx: ServiceContext) {
  let current: Job | null = null

  async function work(input: SimulationStart, job: Job): Promise<void> {
    const { status } = job
    const environment = {
      nativeBinding: ctx.owner?.nativeBinding,
      signal: job.stop.signal,
      onRun: () => {
        status.done += 1
      },
    }
    const scenarios = withCurrentCourse(input.scenarios)
    const options = {
      startIso: localIsoDate(ctx.now()),
      quarters: input.quarters,
      runs: input.runs,
      seed: input.seed,
    }
    const forecast = await simulate(ctx.store, scenarios, options, environment)
    const checked = input.backtest
      ? await backtest(ctx.store, { ...BACKTEST, runs: input.runs, seed: input.seed }, environment)
      : null
    if (status.state !== 'bezig') return
    await saveLastForecast(ctx, forecast)
    status.forecast = forecast
    status.backtest = checked
    status.state = 'klaar'
  }

  function find(jobId: string): Job {
    if (!current || current.status.jobId !== jobId)
      throw new ApiError('not-found', 'Deze vooruitblik bestaat niet (meer); start hem opnieuw')
    return current
  }

  return {
    start(input: SimulationStart): SimulationJob {
      if (current?.status.state === 'bezig')
        throw new ApiError(
          'conflict',
          'Er loopt al een vooruitblik; wacht tot hij klaar is of breek hem af',
        )
      const scenarios = withCurrentCourse(input.scenarios)
      const job: Job = {
        status: {
          jobId: randomUUID(),
          state: 'bezig',
          done: 0,
          total: scenarios.length * input.runs + (input.backtest ? input.runs : 0),
          message: null,
          forecast: null,
          backtest: null,
        },
        stop: new AbortController(),
      }
      current = job
      detached(() => work(input, job)).catch((error: unknown) => {
        // A cancelled job stays cancelled; the workers' end is no failure.
        if (job.status.state !== 'bezig') return
        job.status.state = 'mislukt'
        job.status.message = describeForOfficer(error)
      })
      return { ...job.status }
    },
    status: (jobId: string): SimulationJob => ({ ...find(jobId).status }),
    cancel(jobId: string): SimulationJob {
      const job = find(jobId)
      if (job.status.state === 'bezig') {
        job.status.state = 'afgebroken'
        job.stop.abort()
      }
      return { ...job.status }
    },
  }
}

import { randomUUID } from 'node:crypto'
import type { SimulationJob, SimulationStart } from '../../shared/api/simulation'
import { ApiError } from '../../shared/api/endpoint'
import { localIsoDate } from '../../shared/domain/dates'
import { describeForOfficer } from '../api/system-errors'
import type { ServiceContext } from '../services/context'
import { backtestSteps } from './backtest'
import { withCurrentCourse } from './scenario'
import { simulationSteps } from './simulate'
import type { Steps } from './steps'

/**
 * The Vooruitblik as a job for the page: the work runs in slices of a few dozen milliseconds on
 * the main process's event loop, so the app keeps answering (status, other screens) while it runs,
 * and a cancel takes effect between two steps. One job at a time: a second start is refused.
 */

/** How long one slice may run before the event loop gets a turn. */
const SLICE_MS = 40
/** The backtest of the page: the demo's first played quarter and the two after it. */
export const BACKTEST = { startIso: '2026-01-01', quarters: 2 } as const

interface Job {
  status: SimulationJob
  steps: Steps<void, { done: number }>
}

export function createSimulationJobs(ctx: ServiceContext) {
  let current: Job | null = null

  function* work(input: SimulationStart, job: SimulationJob): Steps<void, { done: number }> {
    const scenarios = withCurrentCourse(input.scenarios)
    const options = {
      startIso: localIsoDate(ctx.now()),
      quarters: input.quarters,
      runs: input.runs,
      seed: input.seed,
    }
    job.forecast = yield* simulationSteps(ctx.store, scenarios, options)
    if (!input.backtest) return
    job.backtest = yield* backtestSteps(ctx.store, {
      ...BACKTEST,
      runs: input.runs,
      seed: input.seed,
    })
  }

  function pump(job: Job) {
    if (job.status.state !== 'bezig') return
    const until = performance.now() + SLICE_MS
    try {
      while (performance.now() < until) {
        const next = job.steps.next()
        if (next.done) {
          job.status.state = 'klaar'
          job.status.done = job.status.total
          return
        }
        if (next.value) job.status.done = next.value.done
      }
    } catch (error) {
      job.status.state = 'mislukt'
      job.status.message = describeForOfficer(error)
      return
    }
    setImmediate(() => pump(job))
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
      const status: SimulationJob = {
        jobId: randomUUID(),
        state: 'bezig',
        done: 0,
        total: scenarios.length * input.runs + (input.backtest ? input.runs : 0),
        message: null,
        forecast: null,
        backtest: null,
      }
      current = { status, steps: work(input, status) }
      setImmediate(() => pump(current!))
      return { ...status }
    },
    status: (jobId: string): SimulationJob => ({ ...find(jobId).status }),
    cancel(jobId: string): SimulationJob {
      const job = find(jobId)
      if (job.status.state === 'bezig') {
        job.status.state = 'afgebroken'
        // Runs the generators' finally blocks: the in-memory copies are closed.
        job.steps.return(undefined)
      }
      return { ...job.status }
    },
  }
}

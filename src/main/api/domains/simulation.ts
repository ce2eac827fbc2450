import type { ServiceContext } from '../../services/context'
import { createSimulationJobs } from '../../simulation/jobs'
import type { DomainHandlers } from '../dispatch'

export function simulationHandlers(ctx: ServiceContext): DomainHandlers<'simulation'> {
  const jobs = createSimulationJobs(ctx)
  return {
    start: (input) => jobs.start(input),
    status: ({ jobId }) => jobs.status(jobId),
    cancel: ({ jobId }) => jobs.cancel(jobId),
  }
}

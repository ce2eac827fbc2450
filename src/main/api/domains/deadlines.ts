import type { ServiceContext } from '../../services/context'
import { openAnswers, reminder } from '../../services/deadlines-service'
import type { DomainHandlers } from '../dispatch'

export function deadlinesHandlers(ctx: ServiceContext): DomainHandlers<'deadlines'> {
  return {
    openAnswers: async () => await openAnswers(ctx),
    reminder: async ({ corporationId }) => await reminder(ctx, corporationId),
  }
}

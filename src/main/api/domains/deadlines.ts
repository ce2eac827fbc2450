import type { ServiceContext } from '../../services/context'
import { openAnswers, reminder } from '../../services/deadlines-service'
import type { DomainHandlers } from '../dispatch'

export function deadlinesHandlers(ctx: ServiceContext): DomainHandlers<'deadlines'> {
  return {
    openAnswers: () => openAnswers(ctx),
    reminder: ({ corporationId }) => reminder(ctx, corporationId),
  }
}

import type { ServiceContext } from '../../services/context'
import { presentAll, presentPlan } from '../../services/present-quarter'
import type { DomainHandlers } from '../dispatch'

export function presentingHandlers(ctx: ServiceContext): DomainHandlers<'presenting'> {
  return {
    plan: async (scope) => await presentPlan(ctx, scope),
    all: async (scope) => await presentAll(ctx, scope),
  }
}

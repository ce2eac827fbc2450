import type { ServiceContext } from '../../services/context'
import { presentAll, presentPlan } from '../../services/present-quarter'
import type { DomainHandlers } from '../dispatch'

export function presentingHandlers(ctx: ServiceContext): DomainHandlers<'presenting'> {
  return {
    plan: (scope) => presentPlan(ctx, scope),
    all: (scope) => presentAll(ctx, scope),
  }
}

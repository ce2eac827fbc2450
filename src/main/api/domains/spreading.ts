import type { ServiceContext } from '../../services/context'
import {
  complexStopOf,
  overrideComplexStop,
  saveSpreadingSettings,
  saveWijkFigure,
  spreadingOverview,
} from '../../services/spreading-service'
import type { DomainHandlers } from '../dispatch'

export function spreadingHandlers(ctx: ServiceContext): DomainHandlers<'spreading'> {
  return {
    overview: async () => await spreadingOverview(ctx),
    saveWijkFigure: async (input) => await saveWijkFigure(ctx, input),
    saveSettings: async (input) => await saveSpreadingSettings(ctx, input),
    complexStopOf: async ({ dwellingId }) => await complexStopOf(ctx, dwellingId),
    overrideComplexStop: async (input) => await overrideComplexStop(ctx, input),
  }
}

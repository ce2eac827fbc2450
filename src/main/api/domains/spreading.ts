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
    overview: () => spreadingOverview(ctx),
    saveWijkFigure: (input) => saveWijkFigure(ctx, input),
    saveSettings: (input) => saveSpreadingSettings(ctx, input),
    complexStopOf: ({ dwellingId }) => complexStopOf(ctx, dwellingId),
    overrideComplexStop: (input) => overrideComplexStop(ctx, input),
  }
}

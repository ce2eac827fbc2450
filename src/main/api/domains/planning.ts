import type { ServiceContext } from '../../services/context'
import {
  getSettings,
  listQuarters,
  listYearTargets,
  planQuarter,
  quarterOverview,
  saveSettings,
  saveYearTarget,
} from '../../services/planning-service'
import type { DomainHandlers } from '../dispatch'

export function planningHandlers(ctx: ServiceContext): DomainHandlers<'planning'> {
  return {
    listYearTargets: () => listYearTargets(ctx),
    saveYearTarget: (input) => saveYearTarget(ctx, input),
    getSettings: ({ year }) => getSettings(ctx, year),
    saveSettings: (input) => saveSettings(ctx, input),
    listQuarters: () => listQuarters(ctx),
    quarterOverview: ({ quarter }) => quarterOverview(ctx, quarter),
    planQuarter: async ({ quarter, carryShortfall }) =>
      await planQuarter(ctx, quarter, carryShortfall),
  }
}

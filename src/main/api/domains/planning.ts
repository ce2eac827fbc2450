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
    listYearTargets: async () => await listYearTargets(ctx),
    saveYearTarget: async (input) => await saveYearTarget(ctx, input),
    getSettings: async ({ year }) => await getSettings(ctx, year),
    saveSettings: async (input) => await saveSettings(ctx, input),
    listQuarters: async () => await listQuarters(ctx),
    quarterOverview: async ({ quarter }) => await quarterOverview(ctx, quarter),
    planQuarter: async ({ quarter, carryShortfall }) =>
      await planQuarter(ctx, quarter, carryShortfall),
  }
}

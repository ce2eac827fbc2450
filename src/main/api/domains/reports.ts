import type { ServiceContext } from '../../services/context'
import { quarterReport, reportFigures, yearReport } from '../../services/reports-service'
import type { DomainHandlers } from '../dispatch'

export function reportsHandlers(ctx: ServiceContext): DomainHandlers<'reports'> {
  return {
    quarter: async ({ quarter }) => await quarterReport(ctx, quarter),
    year: async ({ year }) => await yearReport(ctx, year),
    figures: async (input) => await reportFigures(ctx, input),
  }
}

import type { ServiceContext } from '../../services/context'
import { quarterReport, reportFigures, yearReport } from '../../services/reports-service'
import type { DomainHandlers } from '../dispatch'

export function reportsHandlers(ctx: ServiceContext): DomainHandlers<'reports'> {
  return {
    quarter: ({ quarter }) => quarterReport(ctx, quarter),
    year: ({ year }) => yearReport(ctx, year),
    figures: (input) => reportFigures(ctx, input),
  }
}

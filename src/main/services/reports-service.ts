import type { FileResult } from '../../shared/api/imports'
import type { FiguresRequest } from '../../shared/api/reports'
import type { QuarterFigures } from '../../shared/api/report-figures'
import type { QuarterKey } from '../../shared/domain/quarter'
import { computeFigures } from '../reports/figures'
import { reportTitle, writeReportWorkbook } from '../reports/report-workbook'
import { lastForecast } from '../simulation/last-forecast'
import type { ServiceContext } from './context'
import { recordExport } from './export-log'

/** The figures on their own, for the printable report and the dashboard. */
export async function reportFigures(
  ctx: ServiceContext,
  request: FiguresRequest,
): Promise<QuarterFigures> {
  return await computeFigures(ctx, request)
}

/**
 * The report workbook for managers. It holds counts only, no client data, but it still leaves the
 * app as a file, so it is logged like every export.
 */
async function report(ctx: ServiceContext, request: FiguresRequest): Promise<FileResult> {
  const figures = await computeFigures(ctx, request)
  const quarter = 'quarter' in request
  // The year report looks ahead too, with the last Vooruitblik the manager ran.
  const buffer = await writeReportWorkbook(figures, quarter ? null : await lastForecast(ctx))
  const fileName = `${quarter ? 'kwartaalrapportage' : 'jaarrapportage'}-${figures.period.key}.xlsx`
  await recordExport(ctx, {
    kind: quarter ? 'report-quarter' : 'report-year',
    recipient: 'management',
    fileName,
    summary: `${reportTitle(figures)} gemaakt`,
    details: {
      period: figures.period.key,
      submitted: figures.totals.submitted,
      allocated: figures.totals.allocated,
    },
  })
  return { fileName, base64: buffer.toString('base64') }
}

export const quarterReport = async (ctx: ServiceContext, quarter: QuarterKey) =>
  await report(ctx, { quarter })
export const yearReport = async (ctx: ServiceContext, year: number) => await report(ctx, { year })

import ExcelJS from 'exceljs'
import type { QuarterFigures } from '../../shared/api/report-figures'
import type { SimulationResult } from '../../shared/api/simulation'
import { dutchDate } from '../excel/naming'
import { addForecastSheet } from '../simulation/workbook'
import {
  corporationsChart,
  providersChart,
  reasonsChart,
  trendChart,
  waitingChart,
  wijkenChart,
} from './report-charts'
import {
  BUCKET_COLUMNS,
  CORPORATION_COLUMNS,
  corporationTotal,
  PROVIDER_COLUMNS,
  REASON_COLUMNS,
  ROUND_COLUMNS,
  TREND_COLUMNS,
  WAIT_COLUMNS,
  waitRows,
  WIJK_COLUMNS,
} from './report-columns'
import { KPI_COLUMNS, summaryKpis } from './report-summary'
import { addChart, printable, writeTable, writeTitle, type TableColumn } from './report-table'
import type { Chart } from './svg-charts'

export const REPORT_SHEETS = {
  summary: 'Samenvatting',
  corporations: 'Corporaties',
  providers: 'Zorgaanbieders',
  waiting: 'Wachttijd',
  buckets: 'Wachttijdverdeling',
  rounds: 'Rondes',
  reasons: 'Afwijzingsredenen',
  wijken: 'Spreiding',
  trend: 'Per kwartaal',
} as const

/** Where the KPI table's header sits on the Samenvatting sheet, under the title lines. */
export const SUMMARY_HEADER_ROW = 4

export function reportTitle(f: QuarterFigures): string {
  return f.period.kind === 'quarter'
    ? `Kwartaalrapportage ${f.period.label}`
    : `Jaarrapportage ${f.period.year}`
}

/**
 * The report workbook: a summary, then one sheet per subject with its table and chart; the year
 * report ends with the last Vooruitblik the manager ran (`forecast`), or says how to make one.
 */
export async function writeReportWorkbook(
  f: QuarterFigures,
  forecast: SimulationResult | null = null,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Het Vierde Huis'
  const madeOn = new Date(f.generatedAt)
  workbook.created = madeOn
  const title = reportTitle(f)
  const print = { left: 'Het Vierde Huis', title, madeOn: dutchDate(madeOn) }

  const summary = workbook.addWorksheet(REPORT_SHEETS.summary)
  writeTitle(summary, 1, title, 15)
  writeTitle(summary, 2, 'Uitstroom en instroom MO/BW, stad Utrecht', 11)
  writeTable(summary, KPI_COLUMNS, summaryKpis(f), { headerRow: SUMMARY_HEADER_ROW })
  printable(summary, print, SUMMARY_HEADER_ROW)

  const sheet = <R>(
    name: string,
    columns: TableColumn<R>[],
    rows: readonly R[],
    chart?: Chart,
    total?: R,
  ) => {
    const ws = workbook.addWorksheet(name)
    const last = writeTable(ws, columns, rows, { total })
    if (chart) addChart(workbook, ws, chart, last + 1)
    printable(ws, print)
  }
  sheet(
    REPORT_SHEETS.corporations,
    CORPORATION_COLUMNS,
    f.corporations,
    corporationsChart(f),
    corporationTotal(f),
  )
  sheet(REPORT_SHEETS.providers, PROVIDER_COLUMNS, f.careProviders, providersChart(f))
  sheet(REPORT_SHEETS.waiting, WAIT_COLUMNS, waitRows(f))
  sheet(REPORT_SHEETS.buckets, BUCKET_COLUMNS, f.waiting.buckets, waitingChart(f))
  sheet(REPORT_SHEETS.rounds, ROUND_COLUMNS, f.rounds.byRound)
  sheet(REPORT_SHEETS.reasons, REASON_COLUMNS, f.rounds.reasons, reasonsChart(f))
  sheet(REPORT_SHEETS.wijken, WIJK_COLUMNS, f.wijken, wijkenChart(f))
  if (f.period.kind === 'year') sheet(REPORT_SHEETS.trend, TREND_COLUMNS, f.trend, trendChart(f))
  if (f.period.kind === 'year') addForecastSheet(workbook, forecast, print)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

import type ExcelJS from 'exceljs'
import { setUpPrinting, type PrintOptions } from '../excel/print-setup'
import { chartPng } from './png'
import type { Chart } from './svg-charts'

/** How a value is shown; the cell keeps the exact number, so Excel can compute with it. */
export type Format = 'count' | 'decimal' | 'percent' | 'points' | 'date' | 'text'

export const NUMBER_FORMATS: Record<Format, string> = {
  count: '#,##0',
  decimal: '#,##0.0',
  percent: '0.0%',
  // A difference of two shares, in percentage points: the sign matters.
  points: '+0.0%;-0.0%;0.0%',
  date: 'dd-mm-yyyy',
  text: '@',
}

export type CellInput = string | number | Date | null

export interface TableColumn<R> {
  header: string
  width: number
  format: Format | ((row: R) => Format)
  value: (row: R) => CellInput
}

export interface TableOptions<R> {
  /** The row the header goes in; the rows above hold a title. */
  headerRow?: number
  /** A bold row under the table, outside the filter so sorting leaves it at the bottom. */
  total?: R
}

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDE7F0' },
}

/**
 * Writes one table: header with filter buttons, frozen so it stays in view, number formats per
 * column and widths. Returns the last row used.
 */
export function writeTable<R>(
  sheet: ExcelJS.Worksheet,
  columns: readonly TableColumn<R>[],
  rows: readonly R[],
  options: TableOptions<R> = {},
): number {
  const headerRow = options.headerRow ?? 1
  columns.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width))
  const header = sheet.getRow(headerRow)
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1)
    cell.value = column.header
    cell.font = { name: 'Calibri', bold: true }
    cell.fill = HEADER_FILL
    cell.alignment = { wrapText: true, vertical: 'middle' }
    cell.border = { bottom: { style: 'thin' } }
  })
  // Every header line shown: a wrapped header that needs three lines gets three.
  const lines = Math.max(
    2,
    ...columns.map((column) => Math.ceil(column.header.length / Math.max(1, column.width * 0.9))),
  )
  header.height = lines * 16 + 4
  const write = (row: R, at: number) => {
    columns.forEach((column, i) => {
      const cell = sheet.getRow(at).getCell(i + 1)
      cell.value = column.value(row)
      const format = typeof column.format === 'function' ? column.format(row) : column.format
      cell.numFmt = NUMBER_FORMATS[format]
    })
  }
  rows.forEach((row, i) => write(row, headerRow + 1 + i))
  const lastData = headerRow + Math.max(rows.length, 1)
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, activeCell: `A${headerRow + 1}` }]
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: lastData, column: columns.length },
  }
  if (!options.total) return lastData
  write(options.total, lastData + 1)
  const total = sheet.getRow(lastData + 1)
  total.font = { bold: true }
  total.eachCell((cell) => (cell.border = { top: { style: 'thin' } }))
  return lastData + 1
}

/** A title line above a table. */
export function writeTitle(sheet: ExcelJS.Worksheet, row: number, text: string, size = 13): void {
  const cell = sheet.getRow(row).getCell(1)
  cell.value = text
  cell.font = { bold: true, size }
}

/** Points of an A4 page in landscape that rows can fill: 595 pt less the margins (0.75 inch each). */
const PAGE_HEIGHT = 595 - 2 * 54
const DEFAULT_ROW_HEIGHT = 15

/**
 * Puts a chart as a PNG image below the table, at display size. When the chart would not fit on
 * the rest of the page, a page break goes before it: a chart is never cut in two, and the
 * repeated header row is never printed across it.
 */
export function addChart(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  chart: Chart,
  belowRow: number,
): void {
  // Every page repeats the table's header row (row 1 on these sheets): that much less room.
  const room = PAGE_HEIGHT - (sheet.getRow(1).height ?? DEFAULT_ROW_HEIGHT)
  let used = 0
  for (let row = 1; row <= belowRow; row++) used += sheet.getRow(row).height ?? DEFAULT_ROW_HEIGHT
  // A tall chart (seventeen providers) is shown smaller rather than spread over two pages.
  const fit = Math.min(1, (room - 2 * DEFAULT_ROW_HEIGHT) / (chart.height * 0.75))
  const chartHeight = chart.height * 0.75 * fit + DEFAULT_ROW_HEIGHT
  // Where a long table ends on its last page cannot be known here (the printer scales the sheet
  // to the page width): after a table longer than a page, the chart simply starts a new page.
  if (used + chartHeight > room) sheet.getRow(belowRow).addPageBreak()
  const imageId = workbook.addImage({
    buffer: chartPng(chart) as unknown as ExcelJS.Buffer,
    extension: 'png',
  })
  sheet.addImage(imageId, {
    tl: { col: 0, row: belowRow + 1 },
    ext: { width: chart.width * fit, height: chart.height * fit },
    editAs: 'oneCell',
  })
}

export function printable(
  sheet: ExcelJS.Worksheet,
  print: Omit<PrintOptions, 'titleRows'>,
  headerRow = 1,
): void {
  setUpPrinting(sheet, { ...print, titleRows: `${headerRow}:${headerRow}` })
}

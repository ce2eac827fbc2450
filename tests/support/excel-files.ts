import ExcelJS from 'exceljs'
import { zip, type Parts } from './zip-parts'

type Cell = ExcelJS.CellValue

export async function readWorkbook(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  const buffer = typeof data === 'string' ? Buffer.from(data, 'base64') : data
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer)
  return workbook
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Opens a file with exceljs, lets the test change it the way a person would in Excel, and saves it. */
export async function edit(
  data: Buffer | string,
  change: (workbook: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const workbook = await readWorkbook(data)
  change(workbook)
  return toBuffer(workbook)
}

/** The data sheet's header row as an array of texts. */
export function headers(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = []
  sheet.getRow(1).eachCell((cell) => texts.push(String(cell.value)))
  return texts
}

/**
 * Writes rows (by header text) under the header, from `startRow` on: the template's example stays
 * in row 2 unless a test overwrites it.
 */
export function fillRows(
  sheet: ExcelJS.Worksheet,
  rows: Record<string, Cell>[],
  startRow = 3,
): void {
  const columnOf = new Map(headers(sheet).map((header, i) => [header, i + 1]))
  rows.forEach((values, i) => {
    const row = sheet.getRow(startRow + i)
    for (const [header, value] of Object.entries(values)) {
      const col = columnOf.get(header)
      if (!col) throw new Error(`Geen kolom ${header}`)
      row.getCell(col).value = value
    }
  })
}

export async function fillTemplate(
  template: string,
  sheetName: string,
  rows: Record<string, Cell>[],
): Promise<Buffer> {
  return edit(template, (workbook) => fillRows(workbook.getWorksheet(sheetName)!, rows))
}

export function payload(
  buffer: Buffer,
  fileName = 'ingevuld.xlsx',
  options: { validOnly?: boolean; dryRun?: boolean } = {},
) {
  return {
    fileName,
    base64: buffer.toString('base64'),
    validOnly: false,
    dryRun: false,
    ...options,
  }
}

/** A zip of text files that is not a workbook (see zip-parts.ts); `declaredSize` as there. */
export function zipOf(files: Record<string, string>, declaredSize?: number): Buffer {
  const parts: Parts = new Map(
    Object.entries(files).map(([name, text]) => [name, Buffer.from(text)]),
  )
  return zip(parts, declaredSize)
}

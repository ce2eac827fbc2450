import ExcelJS from 'exceljs'
import { templateVersionOf, type ColumnKind, type ColumnSpec } from './columns'
import { dutchDate } from './naming'
import { setUpPrinting } from './print-setup'
import { writeTemplateMeta, type TemplateMeta } from './template-meta'
import { MAX_DATA_ROWS } from './workbook-reader'

export interface TemplateSpec<F extends string> {
  title: string
  /** Label–value lines under the title: whose template this is. */
  facts: [string, string][]
  instructions: string[]
  dataSheet: string
  columns: readonly ColumnSpec<F>[]
  example: Record<F, string | number | Date | null>
  meta: TemplateMeta
  createdAt: Date
}

export const INSTRUCTIONS_SHEET = 'Toelichting'
/** Hidden sheet with the dropdown values: Excel's inline lists break on labels with commas. */
export const LISTS_SHEET = 'Lijsten'

export const NUMBER_FORMAT: Record<ColumnKind, string> = {
  text: '@',
  integer: '0',
  euro: '"€" #,##0.00',
  date: 'dd-mm-yyyy',
  yesNo: '@',
  choice: '@',
  choiceList: '@',
}

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDE7F0' },
}
const EXAMPLE_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFF4CC' },
}

export async function writeTemplate<F extends string>(spec: TemplateSpec<F>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Het Vierde Huis'
  workbook.created = spec.createdAt
  const instructions = writeInstructions(workbook, spec)
  const data = writeDataSheet(workbook, spec)
  const print = {
    left: spec.facts[0]?.[1] ?? '',
    title: spec.title,
    madeOn: dutchDate(spec.createdAt),
  }
  // The instructions are read on paper: portrait, one page wide, at full size.
  setUpPrinting(instructions, { ...print, titleRows: '1:1', orientation: 'portrait' })
  // The data sheet is wide: three pages side by side, the first column repeated, stays readable.
  setUpPrinting(data, { ...print, titleRows: '1:1', titleColumns: 'A:A', pagesWide: 3 })
  writeDropdowns(workbook, data, spec.columns)
  writeTemplateMeta(workbook, spec.meta, templateVersionOf(spec.columns))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/**
 * Column widths of the instructions sheet (in Excel's character units): together they fill an A4
 * page in portrait, so the sheet prints at full size.
 */
const INSTRUCTION_WIDTHS = [18, 8, 32, 26]
/** Characters that fit on one line of a merged B:D cell, and the height of a line in points. */
const INSTRUCTION_LINE_CHARS = 70
const LINE_HEIGHT = 15

function writeInstructions<F extends string>(
  workbook: ExcelJS.Workbook,
  spec: TemplateSpec<F>,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET)
  sheet.columns = INSTRUCTION_WIDTHS.map((width) => ({ width }))
  const title = sheet.addRow([spec.title])
  title.font = { bold: true, size: 14 }
  // The title may be longer than the page: wrapped over the whole width, never cut off.
  sheet.mergeCells(title.number, 1, title.number, 4)
  title.getCell(1).alignment = { wrapText: true, vertical: 'top' }
  title.height = spec.title.length > 60 ? 2 * 20 : 20
  sheet.addRow([])
  for (const [label, value] of spec.facts)
    sheet.addRow([label, value]).getCell(1).font = { bold: true }
  sheet.addRow([])
  sheet.addRow(['Zo vult u het sjabloon in']).font = { bold: true, size: 12 }
  spec.instructions.forEach((line, i) => {
    const row = sheet.addRow([`${i + 1}.`, line])
    sheet.mergeCells(row.number, 2, row.number, 4)
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' }
    row.getCell(1).alignment = { horizontal: 'right', vertical: 'top' }
    // Spreadsheet programs do not grow a merged cell's row to fit its text: set the height.
    row.height = Math.ceil(line.length / INSTRUCTION_LINE_CHARS) * LINE_HEIGHT
  })
  sheet.addRow([])
  sheet.addRow([`De kolommen van het werkblad "${spec.dataSheet}"`]).font = { bold: true, size: 12 }
  const header = sheet.addRow(['Kolom', 'Verplicht', 'Wat vult u in', 'Toegestane waarden'])
  header.font = { bold: true }
  header.eachCell((cell) => (cell.fill = HEADER_FILL))
  for (const column of spec.columns) {
    const values = [
      column.header,
      column.required ? 'ja' : 'nee',
      column.help,
      allowedValues(column),
    ]
    const row = sheet.addRow(values)
    row.alignment = { wrapText: true, vertical: 'top' }
    const lines = Math.max(
      ...values.map((text, i) => Math.ceil(text.length / (INSTRUCTION_WIDTHS[i]! * 1.1))),
    )
    row.height = Math.max(1, lines) * LINE_HEIGHT
  }
  return sheet
}

function allowedValues(column: ColumnSpec): string {
  const labels = column.vocabulary ? Object.values(column.vocabulary.labels).join(', ') : ''
  switch (column.kind) {
    case 'text':
      return 'Tekst'
    case 'integer':
      return `Een geheel getal${range(column)}`
    case 'euro':
      return `Een bedrag in euro${range(column)}, bijvoorbeeld 612,50`
    case 'date':
      return 'Een datum als dd-mm-jjjj, bijvoorbeeld 01-03-2027'
    case 'yesNo':
      return 'ja of nee (keuzelijst)'
    case 'choice':
      return `Keuzelijst: ${labels}`
    case 'choiceList':
      return `Een of meer van: ${labels}; gescheiden door komma's`
  }
}

function range({ min, max }: ColumnSpec): string {
  if (min === undefined || max === undefined) return ''
  return ` van ${min.toLocaleString('nl-NL')} tot en met ${max.toLocaleString('nl-NL')}`
}

function writeDataSheet<F extends string>(
  workbook: ExcelJS.Workbook,
  spec: TemplateSpec<F>,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.dataSheet, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
  })
  sheet.columns = spec.columns.map((column) => ({
    header: column.header,
    key: column.field,
    width: column.width,
    style: { numFmt: NUMBER_FORMAT[column.kind] },
  }))
  const header = sheet.getRow(1)
  header.height = 32
  header.eachCell((cell) => {
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.alignment = { wrapText: true, vertical: 'middle' }
    cell.border = { bottom: { style: 'thin' } }
  })
  const example = sheet.addRow(spec.example)
  example.eachCell((cell) => {
    cell.font = { italic: true, color: { argb: 'FF7F6000' } }
    cell.fill = EXAMPLE_FILL
  })
  example.getCell(1).note =
    'Voorbeeldrij: rijen waarvan de eerste cel met VOORBEELD begint, worden niet geïmporteerd.'
  return sheet
}

/** The part of exceljs' API its type declarations leave out: validations on whole ranges. */
export interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void }
}

function writeDropdowns(
  workbook: ExcelJS.Workbook,
  data: ExcelJS.Worksheet,
  columns: readonly ColumnSpec[],
) {
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' })
  const lastRow = MAX_DATA_ROWS + 1
  let listColumn = 0
  columns.forEach((column, index) => {
    const letter = data.getColumn(index + 1).letter
    let formula: string
    if (column.kind === 'yesNo') {
      formula = '"ja,nee"'
    } else if (column.kind === 'choice' && column.vocabulary) {
      const labels = Object.values(column.vocabulary.labels)
      listColumn += 1
      lists.getColumn(listColumn).values = [column.header, ...labels]
      const listLetter = lists.getColumn(listColumn).letter
      formula = `${LISTS_SHEET}!$${listLetter}$2:$${listLetter}$${labels.length + 1}`
    } else {
      return
    }
    ;(data as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      // Blank cells are the importer's to judge, with a message that names the row.
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Ongeldige waarde',
      error: `Kies een waarde uit de lijst voor "${column.header}".`,
    })
  })
}

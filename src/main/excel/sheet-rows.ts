import type ExcelJS from 'exceljs'
import type { ImportError } from '../../shared/api/imports'
import { ApiError } from '../../shared/api/endpoint'
import {
  plainValue,
  toBoolean,
  toChoice,
  toChoiceList,
  toIsoDate,
  toNumber,
  toText,
  type Converted,
  type Plain,
} from './cell-values'
import { EXAMPLE_MARKER, normalizeHeader, type ColumnSpec } from './columns'
import { findSheet, MAX_DATA_ROWS } from './workbook-reader'

/** One data row as read from the sheet: values ready for the schema, plus what the cells themselves got wrong. */
export interface SheetRow<F extends string> {
  /** The row number Excel shows. */
  row: number
  values: Partial<Record<F, unknown>>
  errors: ImportError[]
}

const HEADER_ROW = 1

/**
 * Reads the data sheet of a template: checks the headers (by name, in any order), refuses merged
 * cells and too many rows, skips empty rows and the example row, and converts each cell by its column.
 * A column newer than the file's template version may be missing: the file was made before it.
 * Problems with the file as a whole throw a Dutch ApiError; problems with a cell are collected per row.
 */
export function readSheetRows<F extends string>(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  columns: readonly ColumnSpec<F>[],
  templateVersion: number,
): SheetRow<F>[] {
  const sheet = findSheet(workbook, sheetName)
  if (!sheet) {
    const found = workbook.worksheets
      .filter((s) => s.state === 'visible')
      .map((s) => `"${s.name}"`)
      .join(', ')
    throw new ApiError(
      'invalid-input',
      `Het werkblad "${sheetName}" ontbreekt (gevonden: ${found}). Gebruik het sjabloon.`,
    )
  }
  refuseMergedCells(sheet)
  const positions = mapHeaders(sheet, columns, templateVersion)
  const date1904 = workbook.properties.date1904 ?? false

  const rows: SheetRow<F>[] = []
  const headerless = new Set<string>()
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === HEADER_ROW) return
    row.eachCell((cell, col) => {
      if (!positions.has(col) && !isBlank(cell)) headerless.add(cell.address.replace(/\d+$/, ''))
    })
    const read = readRow(row, positions, columns[0]!.field, date1904)
    if (read) rows.push(read)
  })
  if (headerless.size > 0) {
    throw new ApiError(
      'invalid-input',
      `Kolom ${[...headerless].join(', ')} bevat gegevens maar heeft geen kop. Verwijder die gegevens of zet ze in de juiste kolom.`,
    )
  }
  if (rows.length > MAX_DATA_ROWS) {
    throw new ApiError(
      'invalid-input',
      `Het werkblad "${sheet.name}" heeft ${rows.length.toLocaleString('nl-NL')} rijen; hoogstens ${MAX_DATA_ROWS.toLocaleString('nl-NL')} per import. Splits het bestand.`,
    )
  }
  return rows
}

/**
 * A merged cell hands its value to every cell it covers (exceljs returns the master's value for
 * each), so one typed value would silently fill several columns or rows: refuse before reading.
 */
function refuseMergedCells(sheet: ExcelJS.Worksheet): void {
  const merged = new Set<string>()
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.isMerged) merged.add(cell.master.address)
    })
  })
  if (merged.size > 0) {
    throw new ApiError(
      'invalid-input',
      `Het werkblad "${sheet.name}" bevat samengevoegde cellen (bij ${[...merged].slice(0, 5).join(', ')}). Maak het samenvoegen ongedaan: elke cel hoort bij één rij en één kolom.`,
    )
  }
}

/**
 * Column number → spec, after checking that every header of the file's template version is there
 * exactly once and nothing else.
 */
function mapHeaders<F extends string>(
  sheet: ExcelJS.Worksheet,
  columns: readonly ColumnSpec<F>[],
  templateVersion: number,
) {
  const byHeader = new Map(columns.map((column) => [normalizeHeader(column.header), column]))
  const positions = new Map<number, ColumnSpec<F>>()
  const unknown: string[] = []
  const doubled: string[] = []
  sheet.getRow(HEADER_ROW).eachCell((cell, col) => {
    if (isBlank(cell)) return
    const plain = plainValue(cell.value)
    const header = 'value' in plain ? String(toText(plain.value as Plain)) : cell.text
    const column = byHeader.get(normalizeHeader(header))
    if (!column) unknown.push(`"${header}"`)
    else if ([...positions.values()].includes(column)) doubled.push(`"${column.header}"`)
    else positions.set(col, column)
  })
  const found = new Set(positions.values())
  const missing = columns
    .filter((column) => !found.has(column) && column.since <= templateVersion)
    .map((column) => `"${column.header}"`)
  const problems = [
    missing.length ? `ontbrekende kolommen: ${missing.join(', ')}` : '',
    unknown.length ? `onbekende kolommen: ${unknown.join(', ')}` : '',
    doubled.length ? `dubbele kolommen: ${doubled.join(', ')}` : '',
  ].filter(Boolean)
  if (problems.length > 0) {
    throw new ApiError(
      'invalid-input',
      `De kolomkoppen in rij 1 van "${sheet.name}" kloppen niet met het sjabloon: ${problems.join('; ')}. Verander de koppen niet; gebruik zo nodig een nieuw sjabloon.`,
    )
  }
  return positions
}

function isBlank(cell: ExcelJS.Cell): boolean {
  const plain = plainValue(cell.value)
  return 'value' in plain && plain.value === null
}

function readRow<F extends string>(
  row: ExcelJS.Row,
  positions: Map<number, ColumnSpec<F>>,
  keyField: F,
  date1904: boolean,
): SheetRow<F> | null {
  const values: Partial<Record<F, unknown>> = {}
  const errors: ImportError[] = []
  let empty = true
  for (const [col, column] of positions) {
    const plain = plainValue(row.getCell(col).value)
    const converted = 'error' in plain ? plain : convert(plain.value as Plain, column, date1904)
    if ('error' in converted) {
      errors.push({ row: row.number, column: column.header, message: converted.error })
      empty = false
    } else {
      values[column.field] = converted.value
      if (converted.value !== undefined) empty = false
    }
  }
  if (empty) return null
  const first = values[keyField]
  if (typeof first === 'string' && first.toUpperCase().startsWith(EXAMPLE_MARKER)) return null
  return { row: row.number, values, errors }
}

function convert(value: Plain, column: ColumnSpec, date1904: boolean): Converted {
  switch (column.kind) {
    case 'text':
      return { value: toText(value) }
    case 'integer':
    case 'euro':
      return { value: toNumber(value) }
    case 'date':
      return toIsoDate(value, date1904)
    case 'yesNo':
      return { value: toBoolean(value) }
    case 'choice':
      return { value: toChoice(value, column.vocabulary!.labels) }
    case 'choiceList':
      return { value: toChoiceList(value, column.vocabulary!.labels) }
  }
}

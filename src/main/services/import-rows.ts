import type { z } from 'zod'
import type { ImportError, ImportKind, ImportReport } from '../../shared/api/imports'
import { headerOf, type ColumnSpec } from '../excel/columns'
import type { SheetRow } from '../excel/sheet-rows'

/** A row that passed the shared schema, with the Excel row number for later messages. */
export interface ValidRow<T> {
  row: number
  data: T
}

export interface CheckedRows<T> {
  valid: ValidRow<T>[]
  errors: ImportError[]
}

/**
 * Runs every row through the shared schema (the same one the forms use) and maps each zod issue
 * back to the Dutch column header. A cell the reader already refused is not reported twice.
 */
export function validateRows<F extends string, T>(
  rows: readonly SheetRow<F>[],
  columns: readonly ColumnSpec<F>[],
  parse: (values: SheetRow<F>['values']) => z.ZodSafeParseResult<T>,
): CheckedRows<T> {
  const checked: CheckedRows<T> = { valid: [], errors: [] }
  for (const sheetRow of rows) {
    const errors = [...sheetRow.errors]
    const refusedByReader = new Set(sheetRow.errors.map((e) => e.column))
    const result = parse(sheetRow.values)
    if (!result.success) {
      for (const issue of result.error.issues) {
        const column = headerOf(columns, issue.path[0])
        if (refusedByReader.has(column)) continue
        // Two unknown wijken in one cell give the same message twice; once is enough.
        if (errors.some((e) => e.column === column && e.message === issue.message)) continue
        errors.push({ row: sheetRow.row, column, message: issue.message })
      }
    }
    if (errors.length > 0) checked.errors.push(...errors)
    else if (result.success) checked.valid.push({ row: sheetRow.row, data: result.data })
  }
  return checked
}

/**
 * Keeps the first row of every key and turns later rows with the same key into errors, so a file
 * that lists one dwelling or client twice never writes it twice.
 */
export function rejectDuplicates<T>(
  checked: CheckedRows<T>,
  key: (data: T) => string,
  column: string,
  message: (firstRow: number) => string,
): CheckedRows<T> {
  const firstRowOf = new Map<string, number>()
  const valid: ValidRow<T>[] = []
  const errors = [...checked.errors]
  for (const item of checked.valid) {
    const k = key(item.data)
    const first = firstRowOf.get(k)
    if (first === undefined) {
      firstRowOf.set(k, item.row)
      valid.push(item)
    } else {
      errors.push({ row: item.row, column, message: message(first) })
    }
  }
  return { valid, errors }
}

/** Lower case, single spaces: "Domstraat  12" and "domstraat 12" are one address. */
export function sameText(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ')
}

export function sortErrors(errors: ImportError[], columns: readonly ColumnSpec[]): ImportError[] {
  const order = (header: string) => columns.findIndex((c) => c.header === header)
  return [...errors].sort((a, b) => a.row - b.row || order(a.column) - order(b.column))
}

/** What an import did (committed) or would do (preview, or refused because of errors). */
export interface ImportOutcome {
  created: number
  updated: number
  unchanged: number
}

export function buildReport(
  kind: ImportKind,
  fileName: string,
  rows: number,
  checked: CheckedRows<unknown>,
  outcome: ImportOutcome,
  committed: boolean,
): ImportReport {
  return {
    kind,
    fileName,
    rows,
    validRows: checked.valid.length,
    errors: checked.errors,
    committed,
    ...outcome,
  }
}

/** "3 nieuw, 1 gewijzigd, 2 ongewijzigd" — for the audit trail and the CLI. */
export function countsInDutch({ created, updated, unchanged }: ImportOutcome): string {
  return `${created} nieuw, ${updated} gewijzigd, ${unchanged} ongewijzigd`
}

import type ExcelJS from 'exceljs'
import { z } from 'zod'
import { ApiError } from '../../shared/api/endpoint'
import { IMPORT_KIND, type ImportKind } from '../../shared/api/imports'
import { QuarterKeySchema } from '../../shared/domain/quarter'
import { FIRST_TEMPLATE_VERSION } from './columns'
import { findSheet } from './workbook-reader'

/**
 * What a template says about itself, so an import knows whose file it is without asking.
 * Kept in a very hidden sheet: Excel preserves it on save, and users cannot unhide and edit it.
 */
export const META_SHEET = 'meta'

export interface TemplateMeta {
  kind: ImportKind
  corporationId?: number
  corporation?: string
  quarterKey?: string
  careProviderId?: number
  careProvider?: string
}

/** Lenient on purpose: a damaged or foreign meta sheet only means the import must be told the owner. */
const MetaSchema = z.object({
  templateVersion: z.coerce.number().int().positive().catch(FIRST_TEMPLATE_VERSION),
  kind: z.enum(IMPORT_KIND).optional().catch(undefined),
  corporationId: z.coerce.number().int().positive().optional().catch(undefined),
  corporation: z.string().optional().catch(undefined),
  quarterKey: QuarterKeySchema.optional().catch(undefined),
  careProviderId: z.coerce.number().int().positive().optional().catch(undefined),
  careProvider: z.string().optional().catch(undefined),
})

/** Meta kind of a shortlist export: the corporation's answer comes back in the same file. */
export const SHORTLIST_ANSWERS_KIND = 'shortlist-answers'

export type MetaCell = string | number

/** Writes the very hidden meta sheet: key–value rows, and longer rows where a file needs a list. */
export function writeMetaRows(workbook: ExcelJS.Workbook, rows: readonly MetaCell[][]): void {
  const sheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' })
  for (const row of rows) sheet.addRow([...row])
}

/** The meta sheet's rows as plain strings and numbers (other cells as null); none without the sheet. */
export function readMetaRows(workbook: ExcelJS.Workbook): (MetaCell | null)[][] {
  const sheet = findSheet(workbook, META_SHEET)
  if (!sheet) return []
  const rows: (MetaCell | null)[][] = []
  sheet.eachRow((row) => {
    const cells: (MetaCell | null)[] = []
    for (let col = 1; col <= row.cellCount; col++) {
      const value = row.getCell(col).value
      cells.push(typeof value === 'string' || typeof value === 'number' ? value : null)
    }
    rows.push(cells)
  })
  return rows
}

/** `templateVersion`: that of the template's columns (templateVersionOf). */
export function writeTemplateMeta(
  workbook: ExcelJS.Workbook,
  meta: TemplateMeta,
  templateVersion: number,
): void {
  const rows: MetaCell[][] = [['templateVersion', templateVersion]]
  for (const [key, value] of Object.entries(meta)) {
    if (value !== undefined) rows.push([key, value])
  }
  writeMetaRows(workbook, rows)
}

const KIND_LABEL: Record<ImportKind, string> = {
  dwellings: 'woningen (van een corporatie)',
  clients: 'aanmeldingen (van een zorgaanbieder)',
}

/**
 * Reads the meta sheet if there is one; refuses a template of the other kind. A file that does not
 * say its template version is taken for the first one, so that only the oldest columns are asked.
 */
export function readTemplateMeta(
  workbook: ExcelJS.Workbook,
  expected: ImportKind,
): Omit<TemplateMeta, 'kind'> & { templateVersion: number } {
  const raw: Record<string, unknown> = {}
  for (const [key, value] of readMetaRows(workbook)) {
    if (typeof key === 'string' && value !== null && value !== undefined) raw[key] = value
  }
  if (raw.kind === SHORTLIST_ANSWERS_KIND) {
    throw new ApiError(
      'invalid-input',
      'Dit is een voordracht met het antwoord van een corporatie, geen sjabloon. Lees het in bij Voordrachten met "Antwoord inlezen".',
    )
  }
  const { kind, ...meta } = MetaSchema.parse(raw)
  if (kind && kind !== expected) {
    throw new ApiError(
      'invalid-input',
      `Dit is een sjabloon voor ${KIND_LABEL[kind]}, niet voor ${KIND_LABEL[expected]}. Kies het juiste bestand of de juiste import.`,
    )
  }
  return meta
}

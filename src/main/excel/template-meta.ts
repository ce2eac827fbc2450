import type ExcelJS from 'exceljs'
import { z } from 'zod'
import { ApiError } from '../../shared/api/endpoint'
import { IMPORT_KIND, type ImportKind } from '../../shared/api/imports'
import { QuarterKeySchema } from '../../shared/domain/quarter'
import { findSheet } from './workbook-reader'

/**
 * What a template says about itself, so an import knows whose file it is without asking.
 * Kept in a very hidden sheet: Excel preserves it on save, and users cannot unhide and edit it.
 */
export const META_SHEET = 'meta'
const TEMPLATE_VERSION = 1

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
  kind: z.enum(IMPORT_KIND).optional().catch(undefined),
  corporationId: z.coerce.number().int().positive().optional().catch(undefined),
  corporation: z.string().optional().catch(undefined),
  quarterKey: QuarterKeySchema.optional().catch(undefined),
  careProviderId: z.coerce.number().int().positive().optional().catch(undefined),
  careProvider: z.string().optional().catch(undefined),
})

export function writeTemplateMeta(workbook: ExcelJS.Workbook, meta: TemplateMeta): void {
  const sheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' })
  sheet.addRow(['templateVersion', TEMPLATE_VERSION])
  for (const [key, value] of Object.entries(meta)) {
    if (value !== undefined) sheet.addRow([key, value])
  }
}

const KIND_LABEL: Record<ImportKind, string> = {
  dwellings: 'woningen (van een corporatie)',
  clients: 'aanmeldingen (van een zorgaanbieder)',
}

/** Reads the meta sheet if there is one; refuses a template of the other kind. */
export function readTemplateMeta(
  workbook: ExcelJS.Workbook,
  expected: ImportKind,
): Omit<TemplateMeta, 'kind'> {
  const sheet = findSheet(workbook, META_SHEET)
  if (!sheet) return {}
  const raw: Record<string, unknown> = {}
  sheet.eachRow((row) => {
    const key = row.getCell(1).value
    const value = row.getCell(2).value
    if (typeof key === 'string' && (typeof value === 'string' || typeof value === 'number'))
      raw[key] = value
  })
  const { kind, ...meta } = MetaSchema.parse(raw)
  if (kind && kind !== expected) {
    throw new ApiError(
      'invalid-input',
      `Dit is een sjabloon voor ${KIND_LABEL[kind]}, niet voor ${KIND_LABEL[expected]}. Kies het juiste bestand of de juiste import.`,
    )
  }
  return meta
}

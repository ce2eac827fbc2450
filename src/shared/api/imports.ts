import { z } from 'zod'
import { line } from '../domain/fields'
import { QuarterKeySchema } from '../domain/quarter'

export const IMPORT_KIND = ['dwellings', 'clients'] as const
export type ImportKind = (typeof IMPORT_KIND)[number]

/** An Excel file carried through the API: the renderer reads it, the host and IPC pass it as base64. */
export const FilePayloadSchema = z.object({
  fileName: line('de bestandsnaam', 255),
  base64: z
    .string()
    .min(1, 'Het bestand is leeg')
    // ~20 MB of xlsx; a quarter's template is a few dozen kB.
    .max(28_000_000, 'Het bestand is te groot (maximaal 20 MB)'),
})
export type FilePayload = z.infer<typeof FilePayloadSchema>

export const ImportErrorSchema = z.object({
  /** The row number as Excel shows it; 0 for the file or sheet as a whole. */
  row: z.number(),
  /** The Dutch column header, or '' for the whole row. */
  column: z.string(),
  message: z.string(),
})
export type ImportError = z.infer<typeof ImportErrorSchema>

export const ImportReportSchema = z.object({
  kind: z.enum(IMPORT_KIND),
  fileName: z.string(),
  /** Data rows found (empty rows not counted). */
  rows: z.number(),
  validRows: z.number(),
  errors: z.array(ImportErrorSchema),
  /** False for a preview, and for an import that was refused because of errors. */
  committed: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
})
export type ImportReport = z.infer<typeof ImportReportSchema>

export const DwellingsTemplateInput = z.object({
  corporationId: z.number().int().positive({ message: 'Kies een corporatie' }),
  quarterKey: QuarterKeySchema,
})

export const ClientsTemplateInput = z.object({
  careProviderId: z.number().int().positive({ message: 'Kies een zorgaanbieder' }),
})

export const FileResultSchema = z.object({ fileName: z.string(), base64: z.string() })
export type FileResult = z.infer<typeof FileResultSchema>

const importOptions = {
  /** Import the valid rows and report the rest; without it, any error means nothing is imported. */
  validOnly: z.boolean().default(false),
  /** Only check and report; write nothing. */
  dryRun: z.boolean().default(false),
}

export const DwellingsImportInput = FilePayloadSchema.extend({
  ...importOptions,
  /** Override or supply what the template's own header says. */
  corporationId: z.number().int().positive().optional(),
  quarterKey: QuarterKeySchema.optional(),
})

export const ClientsImportInput = FilePayloadSchema.extend({
  ...importOptions,
  careProviderId: z.number().int().positive().optional(),
})

import { z } from 'zod'
import {
  DWELLING_ROW_FIELDS,
  DwellingFieldsSchema,
  DwellingInputSchema,
} from '../domain/dwelling-input'
import { IdSchema, text, VersionSchema } from '../domain/fields'
import { QuarterKeySchema } from '../domain/quarter'
import { DWELLING_STATUS } from '../domain/vocabulary'
import { endpoint } from './endpoint'
import {
  DwellingsImportInput,
  DwellingsTemplateInput,
  FileResultSchema,
  ImportReportSchema,
} from './imports'
import { DwellingMatchingSchema } from './shortlists'

/** What the register adds to the fields a corporation submits. */
const DwellingRecordSchema = z.object({
  id: z.number(),
  corporationId: z.number(),
  corporation: z.string(),
  quarterKey: QuarterKeySchema,
  status: z.enum(DWELLING_STATUS.keys),
})

/** A dwelling as the officers' grid shows it: the grid's fields of the one field definition. */
export const DwellingRowSchema = DwellingFieldsSchema.pick(DWELLING_ROW_FIELDS).extend(
  DwellingRecordSchema.shape,
)
export type DwellingRow = z.infer<typeof DwellingRowSchema>

/** Everything about one dwelling, for its form: every field of the definition. */
export const DwellingDetailSchema = DwellingFieldsSchema.extend({
  ...DwellingRecordSchema.shape,
  submittedOn: z.string(),
  statusSince: z.string(),
  version: VersionSchema,
})
export type DwellingDetail = z.infer<typeof DwellingDetailSchema>

export const ListDwellingsInput = z
  .object({ quarter: QuarterKeySchema.optional(), corporationId: IdSchema.optional() })
  .strict()
  .default({})

export const SaveDwellingInput = z.object({
  id: IdSchema.optional(),
  dwelling: DwellingInputSchema,
  /** The version the form showed (DwellingDetail.version); a save over a later change is refused. */
  version: VersionSchema.optional(),
})

export const dwellingsApi = {
  list: endpoint('dwellings:list', ListDwellingsInput, DwellingRowSchema.array()),
  get: endpoint('dwellings:get', z.object({ id: IdSchema }), DwellingDetailSchema),
  save: endpoint('dwellings:save', SaveDwellingInput, DwellingDetailSchema),
  template: endpoint('dwellings:template', DwellingsTemplateInput, FileResultSchema),
  import: endpoint('dwellings:import', DwellingsImportInput, ImportReportSchema),
  /** The corporation withdraws the dwelling: its open rounds lapse, their candidates are free again. */
  withdraw: endpoint(
    'dwellings:withdraw',
    z.object({ dwellingId: IdSchema, reason: text('de reden', 500).min(3, 'Geef een reden') }),
    DwellingMatchingSchema,
  ),
} as const

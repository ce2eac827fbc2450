import { z } from 'zod'
import {
  DWELLING_ROW_FIELDS,
  DwellingFieldsSchema,
  DwellingInputSchema,
} from '../domain/dwelling-input'
import { IdSchema } from '../domain/fields'
import { QuarterKeySchema } from '../domain/quarter'
import { DWELLING_STATUS } from '../domain/vocabulary'
import { endpoint } from './endpoint'

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
})
export type DwellingDetail = z.infer<typeof DwellingDetailSchema>

export const ListDwellingsInput = z
  .object({ quarter: QuarterKeySchema.optional(), corporationId: IdSchema.optional() })
  .strict()
  .default({})

export const SaveDwellingInput = z.object({
  id: IdSchema.optional(),
  dwelling: DwellingInputSchema,
})

export const dwellingsApi = {
  listDwellings: endpoint('dwellings:list', ListDwellingsInput, DwellingRowSchema.array()),
  getDwelling: endpoint('dwellings:get', z.object({ id: IdSchema }), DwellingDetailSchema),
  saveDwelling: endpoint('dwellings:save', SaveDwellingInput, DwellingDetailSchema),
} as const

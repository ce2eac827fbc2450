import { z } from 'zod'
import { DwellingInputSchema } from '../domain/dwelling-input'
import { IdSchema, text } from '../domain/fields'
import { QuarterKeySchema } from '../domain/quarter'
import { DWELLING_STATUS, DWELLING_TYPE, SUITABLE_FOR, WIJK } from '../domain/vocabulary'
import { endpoint } from './endpoint'
import {
  DwellingsImportInput,
  DwellingsTemplateInput,
  FileResultSchema,
  ImportReportSchema,
} from './imports'
import { DwellingMatchingSchema } from './shortlists'

export const DwellingRowSchema = z.object({
  id: z.number(),
  corporationId: z.number(),
  corporation: z.string(),
  quarterKey: QuarterKeySchema,
  address: z.string(),
  postcode: z.string(),
  wijk: z.enum(WIJK.keys),
  buurt: z.string().nullable(),
  type: z.enum(DWELLING_TYPE.keys),
  rooms: z.number(),
  floor: z.number(),
  hasLift: z.boolean(),
  wheelchairAccessible: z.boolean(),
  netRent: z.number(),
  serviceCosts: z.number(),
  availableFrom: z.string(),
  suitableFor: z.enum(SUITABLE_FOR.keys),
  flipPossible: z.boolean(),
  status: z.enum(DWELLING_STATUS.keys),
})
export type DwellingRow = z.infer<typeof DwellingRowSchema>

/** Everything about one dwelling, for its form. */
export const DwellingDetailSchema = DwellingRowSchema.extend({
  complex: z.string().nullable(),
  selfContained: z.boolean(),
  lowStimulus: z.boolean(),
  remarks: z.string().nullable(),
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

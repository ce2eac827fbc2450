import { z } from 'zod'
import {
  IdSchema,
  line,
  oneOf,
  optionalLine,
  share,
  VersionSchema,
  wholeNumber,
} from '../domain/fields'
import { EXPORT_DETAIL } from '../domain/vocabulary'
import { endpoint, NoInput } from './endpoint'

export const CorporationRowSchema = z.object({
  id: z.number(),
  name: z.string(),
  socialStock: z.number(),
  exportDetail: z.enum(EXPORT_DETAIL.keys),
  active: z.boolean(),
  version: VersionSchema,
})
export type CorporationRow = z.infer<typeof CorporationRowSchema>

export const CareProviderRowSchema = z.object({
  id: z.number(),
  name: z.string(),
  contingentShare: z.number().nullable(),
  contingentDwellings: z.number().nullable(),
  contact: z.string().nullable(),
  active: z.boolean(),
  version: VersionSchema,
})
export type CareProviderRow = z.infer<typeof CareProviderRowSchema>

/** Without an id a new corporation is added; with one, that corporation is changed. */
export const SaveCorporationInput = z
  .object({
    id: IdSchema.optional(),
    name: line('de naam', 80),
    socialStock: wholeNumber('Sociale huurvoorraad', 0, 100_000),
    exportDetail: oneOf(
      'Gegevens in voordrachten',
      EXPORT_DETAIL.keys,
      EXPORT_DETAIL.labels,
    ).default('beperkt'),
    active: z.boolean().default(true),
    /** The version the form showed; a save over a later change is refused. */
    version: VersionSchema.optional(),
  })
  .strict()

export const SaveCareProviderInput = z
  .object({
    id: IdSchema.optional(),
    name: line('de naam', 80),
    contingentShare: share('Contingent')
      .nullish()
      .transform((v) => v ?? null),
    contingentDwellings: wholeNumber('Contingent (woningen per jaar)', 0, 1000)
      .nullish()
      .transform((v) => v ?? null),
    contact: optionalLine('Contact', 200),
    active: z.boolean().default(true),
    /** The version the form showed; a save over a later change is refused. */
    version: VersionSchema.optional(),
  })
  .strict()
  .refine((p) => p.contingentShare === null || p.contingentDwellings === null, {
    message: 'Geef het contingent als aandeel óf als aantal woningen, niet allebei',
    path: ['contingentDwellings'],
  })

export const partnersApi = {
  listCorporations: endpoint('corporations:list', NoInput, CorporationRowSchema.array()),
  saveCorporation: endpoint('corporations:save', SaveCorporationInput, CorporationRowSchema),
  listCareProviders: endpoint('careProviders:list', NoInput, CareProviderRowSchema.array()),
  saveCareProvider: endpoint('careProviders:save', SaveCareProviderInput, CareProviderRowSchema),
} as const

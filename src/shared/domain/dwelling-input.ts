import { z } from 'zod'
import {
  euros,
  IsoDateSchema,
  line,
  oneOf,
  optionalLine,
  optionalText,
  PostcodeSchema,
  wholeNumber,
} from './fields'
import { QuarterKeySchema } from './quarter'
import { DWELLING_TYPE, SUITABLE_FOR, WIJK } from './vocabulary'
import { shownInGrid, type YesNoViews } from './yes-no-views'

/**
 * A dwelling as a corporation submits it: one definition for the form, the service and the
 * Excel import, so every path gives the same Dutch messages.
 */
export const DwellingFieldsSchema = z.object({
  address: line('het adres', 120),
  postcode: PostcodeSchema,
  wijk: oneOf('Wijk', WIJK.keys, WIJK.labels),
  buurt: optionalLine('Buurt', 80),
  complex: optionalLine('Complex', 80),
  type: oneOf('Type', DWELLING_TYPE.keys, DWELLING_TYPE.labels),
  selfContained: z.boolean({ message: 'Zelfstandig moet ja of nee zijn' }),
  rooms: wholeNumber('Aantal kamers', 1, 10),
  floor: wholeNumber('Verdieping', -1, 40),
  hasLift: z.boolean({ message: 'Lift moet ja of nee zijn' }),
  wheelchairAccessible: z.boolean({ message: 'Rolstoeltoegankelijk moet ja of nee zijn' }),
  lowStimulus: z.boolean({ message: 'Prikkelarm moet ja of nee zijn' }).default(false),
  netRent: euros('Kale huur', 100, 2500),
  serviceCosts: euros('Servicekosten', 0, 500),
  availableFrom: IsoDateSchema,
  suitableFor: oneOf('Geschikt voor', SUITABLE_FOR.keys, SUITABLE_FOR.labels),
  flipPossible: z.boolean({ message: 'Omklap mogelijk moet ja of nee zijn' }),
  remarks: optionalText('Opmerkingen', 1000),
})
export type DwellingFields = z.infer<typeof DwellingFieldsSchema>

/** The dwelling's plain yes/no features as the form and the grid show them, in the form's order. */
export const DWELLING_YES_NO = {
  hasLift: { label: 'Bereikbaar met een lift', column: { header: 'Lift' } },
  wheelchairAccessible: {
    label: 'Rolstoeltoegankelijk',
    column: { header: 'Rolstoel', tooltip: 'Rolstoeltoegankelijk' },
  },
  lowStimulus: { label: 'Prikkelarme locatie' },
} as const satisfies YesNoViews<DwellingFields>

/** The fields the officers' grid shows (API row); the detail and the form have all of them. */
export const DWELLING_ROW_FIELDS = {
  address: true,
  postcode: true,
  wijk: true,
  buurt: true,
  type: true,
  rooms: true,
  floor: true,
  netRent: true,
  serviceCosts: true,
  availableFrom: true,
  suitableFor: true,
  flipPossible: true,
  ...shownInGrid(DWELLING_YES_NO),
} as const satisfies Partial<Record<keyof DwellingFields, true>>

export const DwellingInputSchema = DwellingFieldsSchema.extend({
  corporationId: z
    .number({ message: 'Kies een corporatie' })
    .int()
    .positive({ message: 'Kies een corporatie' }),
  quarterKey: QuarterKeySchema,
}).refine((d) => d.suitableFor === 'uitstroom' || d.flipPossible || d.suitableFor === 'beide', {
  message: 'Een woning alleen voor instroom moet omklap mogelijk maken',
  path: ['flipPossible'],
})
export type DwellingInput = z.infer<typeof DwellingInputSchema>

import { z } from 'zod'
import {
  euros,
  IsoDateSchema,
  line,
  oneOf,
  optionalLine,
  optionalText,
  wholeNumber,
} from './fields'
import { CLIENT_STATUS, FLOW, SUPPORT_INTENSITY, TARGET_GROUP, WIJK } from './vocabulary'
import { shownInGrid, type YesNoViews } from './yes-no-views'

const WijkListSchema = z
  .array(oneOf('Wijk', WIJK.keys, WIJK.labels))
  .max(WIJK.keys.length)
  .transform((list) => [...new Set(list)])

/**
 * A client as a care provider registers them: only what matching needs (domain.md §5).
 * A name is optional and never leaves the app; there is no BSN field at all.
 */
export const ClientFieldsSchema = z.object({
  code: line('de cliëntcode', 30).regex(/^[A-Za-z0-9-]+$/, {
    message: 'Cliëntcode mag alleen letters, cijfers en streepjes bevatten',
  }),
  name: optionalLine('Naam', 120),
  targetGroup: oneOf('Doelgroep', TARGET_GROUP.keys, TARGET_GROUP.labels),
  flow: oneOf('In- of uitstroom', FLOW.keys, FLOW.labels),
  registeredOn: IsoDateSchema,
  adults: wholeNumber('Aantal volwassenen', 1, 4),
  children: wholeNumber('Aantal kinderen', 0, 10),
  birthYear: wholeNumber('Geboortejaar', 1920, new Date().getFullYear() - 16),
  maxRent: euros('Maximale huur', 150, 2000),
  minRooms: wholeNumber('Minimaal aantal kamers', 1, 8),
  needsGroundFloorOrLift: z.boolean({ message: 'Begane grond of lift moet ja of nee zijn' }),
  needsWheelchair: z.boolean({ message: 'Rolstoelwoning moet ja of nee zijn' }),
  needsLowStimulus: z.boolean({ message: 'Prikkelarm moet ja of nee zijn' }),
  preferredWijken: WijkListSchema.default([]),
  excludedWijken: WijkListSchema.default([]),
  exclusionForSafety: z.boolean().default(false),
  supportIntensity: oneOf(
    'Intensiteit begeleiding',
    SUPPORT_INTENSITY.keys,
    SUPPORT_INTENSITY.labels,
  ).nullish(),
  supportMonths: wholeNumber('Duur begeleiding (maanden)', 1, 120).nullish(),
  notes: optionalText('Notities', 2000),
})

/** Rules across fields: checked after the whole client is known (form, service and import alike). */
function checkWijken(
  c: { preferredWijken: string[]; excludedWijken: string[] },
  ctx: z.RefinementCtx,
) {
  if (c.excludedWijken.some((w) => c.preferredWijken.includes(w))) {
    ctx.addIssue({
      code: 'custom',
      path: ['excludedWijken'],
      message: 'Een wijk kan niet tegelijk voorkeur en uitgesloten zijn',
    })
  }
  if (c.excludedWijken.length >= WIJK.keys.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['excludedWijken'],
      message: 'Niet alle wijken kunnen worden uitgesloten',
    })
  }
}

const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/

/**
 * The begeleider the corporation can call about this candidate: kept on the client, shown in the
 * shortlist export. Not in the registration template, so templates already sent stay valid.
 */
export const SupportContactSchema = z.object({
  supportContactName: optionalLine('de naam van de begeleider', 120),
  supportContactPhone: optionalLine('het telefoonnummer van de begeleider', 30).refine(
    (value) => value === null || PHONE.test(value),
    {
      message:
        'Telefoonnummer van de begeleider: cijfers, spaties, +, - en haakjes, bijvoorbeeld 030 123 45 67',
    },
  ),
  supportContactEmail: optionalLine('het e-mailadres van de begeleider', 120).refine(
    (value) => value === null || z.email().safeParse(value).success,
    { message: 'E-mailadres van de begeleider is geen geldig e-mailadres' },
  ),
})

export const ClientInputSchema = ClientFieldsSchema.extend({
  ...SupportContactSchema.shape,
  careProviderId: z
    .number({ message: 'Kies een zorgaanbieder' })
    .int()
    .positive({ message: 'Kies een zorgaanbieder' }),
  supportProviderId: z.number().int().positive().nullish(),
}).superRefine(checkWijken)
export type ClientInput = z.infer<typeof ClientInputSchema>

export type ClientFields = z.infer<typeof ClientFieldsSchema>

/** The client's plain yes/no needs as the form and the grid's needs column show them, in order. */
export const CLIENT_YES_NO = {
  needsGroundFloorOrLift: { label: 'Begane grond of lift nodig', listed: 'begane grond of lift' },
  needsWheelchair: { label: 'Rolstoelwoning nodig', listed: 'rolstoel' },
  needsLowStimulus: { label: 'Prikkelarme locatie nodig', listed: 'prikkelarm' },
} as const satisfies YesNoViews<ClientFields>

/** The fields the officers' grid shows (API row): no name, no notes; the detail has all of them. */
export const CLIENT_ROW_FIELDS = {
  code: true,
  targetGroup: true,
  flow: true,
  registeredOn: true,
  adults: true,
  children: true,
  birthYear: true,
  maxRent: true,
  minRooms: true,
  excludedWijken: true,
  supportIntensity: true,
  ...shownInGrid(CLIENT_YES_NO),
} as const satisfies Partial<Record<keyof ClientFields, true>>

export const ClientStatusSchema = oneOf('Status', CLIENT_STATUS.keys, CLIENT_STATUS.labels)

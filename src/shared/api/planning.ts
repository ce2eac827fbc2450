import { z } from 'zod'
import { euros, share, wholeNumber } from '../domain/fields'
import { QuarterKeySchema } from '../domain/quarter'
import { endpoint, NoInput } from './endpoint'
import { SpreadingWarningSchema } from './spreading'

const YearSchema = wholeNumber('Jaar', 2019, 2100)

export const YearTargetSchema = z
  .object({
    year: YearSchema,
    /** Taakstelling: dwellings for MO/BW in Utrecht city this year. */
    target: wholeNumber('Taakstelling', 0, 5000),
    /** Of the target, the catch-up (inhaalslag); the rest is the regular need. */
    catchUpTarget: wholeNumber('Waarvan inhaalslag', 0, 5000).default(0),
    /** This year's point on the instroom trajectory (shared/domain/targets.ts). */
    instroomShareTarget: share('Doel aandeel instroom'),
  })
  .refine((t) => t.catchUpTarget <= t.target, {
    message: 'De inhaalslag kan niet groter zijn dan de taakstelling',
    path: ['catchUpTarget'],
  })
export type YearTarget = z.infer<typeof YearTargetSchema>

/** Settings that change yearly; each value is valid from its year until a later year sets a new one. */
export const YearSettingsSchema = z
  .object({
    kwaliteitskortingsgrens: euros('Kwaliteitskortingsgrens', 100, 2000),
    aftoppingsgrensLaag: euros('Aftoppingsgrens (1–2 personen)', 100, 2000),
    aftoppingsgrensHoog: euros('Aftoppingsgrens (3+ personen)', 100, 2000),
    liberalisatiegrens: euros('Liberalisatiegrens', 100, 3000),
    /** Highest rent for young people under 23 (rent benefit only below the kwaliteitskortingsgrens). */
    youngMaxRent: euros('Maximale huur jongeren', 100, 2000),
    /** N: candidates per shortlist (Bijlage 5 leaves the number "to be determined"). */
    shortlistSize: wholeNumber('Aantal kandidaten per voordracht', 1, 10),
    /** How many open shortlists one client may stand on at the same time. */
    maxOpenShortlists: wholeNumber('Maximaal aantal open voordrachten per kandidaat', 1, 5).default(
      1,
    ),
    /** Working days a corporation has to answer a presented round (weekends and holidays skipped). */
    answerWorkingDays: wholeNumber('Antwoordtermijn corporatie', 1, 60).default(10),
    /** Working days a client has to accept or decline the one-time offer. */
    offerReplyWorkingDays: wholeNumber('Reactietermijn aanbieding', 1, 60).default(5),
    /** Waiting before balance: provider balance and group priority together weigh at most this many waiting days. */
    maxBalanceDays: wholeNumber('Wachttijd die balans mag overbruggen', 0, 365).default(30),
  })
  .refine((s) => s.kwaliteitskortingsgrens <= s.aftoppingsgrensLaag, {
    message: 'De kwaliteitskortingsgrens ligt onder de aftoppingsgrens',
    path: ['aftoppingsgrensLaag'],
  })
  .refine(
    (s) =>
      s.aftoppingsgrensLaag <= s.aftoppingsgrensHoog &&
      s.aftoppingsgrensHoog <= s.liberalisatiegrens,
    {
      message: 'De grenzen moeten oplopen: aftoppingsgrens laag ≤ hoog ≤ liberalisatiegrens',
      path: ['liberalisatiegrens'],
    },
  )
export type YearSettings = z.infer<typeof YearSettingsSchema>

export const EffectiveSettingsSchema = z.object({
  year: z.number(),
  /** The year the values were set for (≤ year), or null when these are the built-in defaults. */
  validFrom: z.number().nullable(),
  values: YearSettingsSchema,
})
export type EffectiveSettings = z.infer<typeof EffectiveSettingsSchema>

export const QuarterRowSchema = z.object({
  key: QuarterKeySchema,
  year: z.number(),
  number: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  carryShortfall: z.boolean(),
  dwellings: z.number(),
})
export type QuarterRow = z.infer<typeof QuarterRowSchema>

export const QuarterLineSchema = z.object({
  corporationId: z.number(),
  corporation: z.string(),
  /** Share of the stock, quota from the yearly target, and what was carried from last quarter. */
  stockShare: z.number(),
  baseQuota: z.number(),
  carried: z.number(),
  quota: z.number(),
  submitted: z.number(),
  inShortlist: z.number(),
  /** The corporation chose a candidate and the one-time offer runs. */
  offered: z.number(),
  allocated: z.number(),
  withdrawn: z.number(),
})
export type QuarterLine = z.infer<typeof QuarterLineSchema>

const Realised = z.object({ target: z.number(), realised: z.number() })

/** The year's instroom against its trajectory, and what the open dwellings must do to stay on it. */
export const InstroomSteeringSchema = z.object({
  year: z.number(),
  /** Instroom dwellings the year's target asks for, and those let so far. */
  needed: z.number(),
  realised: z.number(),
  stillNeeded: z.number(),
  openFlipPossible: z.number(),
  /** Of the quarter's open flip-possible dwellings, how many must go to instroom now. */
  reserve: z.number(),
  /** Even all open flip-possible dwellings would not keep the year on course. */
  short: z.boolean(),
  regular: Realised,
  catchUp: Realised,
})
export type InstroomSteering = z.infer<typeof InstroomSteeringSchema>

export const QuarterOverviewSchema = z.object({
  quarter: QuarterRowSchema,
  target: YearTargetSchema.nullable(),
  lines: z.array(QuarterLineSchema),
  totals: QuarterLineSchema.omit({ corporationId: true, corporation: true, stockShare: true }),
  /** Allocations this quarter that went to instroom, against the year's target share. */
  instroom: z.object({
    allocated: z.number(),
    instroom: z.number(),
    share: z.number().nullable(),
    target: z.number().nullable(),
  }),
  steering: InstroomSteeringSchema.nullable(),
  /** Corporations whose submissions lean on a spared wijk beyond its spreading norm. */
  spreadingWarnings: z.array(SpreadingWarningSchema),
})
export type QuarterOverview = z.infer<typeof QuarterOverviewSchema>

export const planningApi = {
  listYearTargets: endpoint('years:list', NoInput, YearTargetSchema.array()),
  saveYearTarget: endpoint('years:save', YearTargetSchema, YearTargetSchema),
  getSettings: endpoint('settings:get', z.object({ year: YearSchema }), EffectiveSettingsSchema),
  saveSettings: endpoint(
    'settings:save',
    z.object({ year: YearSchema, values: YearSettingsSchema }),
    EffectiveSettingsSchema,
  ),
  listQuarters: endpoint('quarters:list', NoInput, QuarterRowSchema.array()),
  quarterOverview: endpoint(
    'quarters:overview',
    z.object({ quarter: QuarterKeySchema }),
    QuarterOverviewSchema,
  ),
  planQuarter: endpoint(
    'quarters:plan',
    z.object({ quarter: QuarterKeySchema, carryShortfall: z.boolean().default(false) }),
    QuarterOverviewSchema,
  ),
} as const

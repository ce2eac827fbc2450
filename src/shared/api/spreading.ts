import { z } from 'zod'
import { IdSchema, oneOf, share, text, wholeNumber } from '../domain/fields'
import { WIJK, WIJK_FIGURE_SOURCE } from '../domain/vocabulary'
import { endpoint, NoInput } from './endpoint'

const weight = (label: string) =>
  z
    .number({ message: `${label} moet een getal zijn` })
    .min(0, { message: `${label} kan niet negatief zijn` })
    .max(2, { message: `${label} mag hoogstens 2 zijn` })

/** The weights of the spreading norm and the stop per complex (docs/matching.md, "Spreiding over de stad"). */
export const SpreadingSettingsSchema = z
  .object({
    /** α: how much a high social share lowers a wijk's norm. */
    concentrationWeight: weight('Gewicht concentratie sociale huur'),
    /** β: how much past MO/BW placements above the norm lower it further. */
    historyWeight: weight('Gewicht eerdere plaatsingen'),
    /** Years of the app's own placements that count as history and load. */
    historyYears: wholeNumber('Periode eerdere plaatsingen (jaren)', 1, 5),
    /** The stop: at most this many placements per complex … */
    complexStopPlacements: wholeNumber('Stop per complex (plaatsingen)', 1, 50),
    /** … in this many years. */
    complexStopYears: wholeNumber('Stop per complex (jaren)', 1, 5),
  })
  .strict()
export type SpreadingSettings = z.infer<typeof SpreadingSettingsSchema>

export const WijkFigureRowSchema = z.object({
  wijk: z.enum(WIJK.keys),
  socialStock: z.number(),
  socialShare: z.number(),
  placements: z.number(),
  source: z.enum(WIJK_FIGURE_SOURCE.keys),
  /** Computed now from all figures and the app's placements. */
  stockShare: z.number(),
  norm: z.number(),
  appPlacements: z.number(),
  spared: z.boolean(),
})
export type WijkFigureRow = z.infer<typeof WijkFigureRowSchema>

export const SpreadingOverviewSchema = z.object({
  settings: SpreadingSettingsSchema,
  wijken: z.array(WijkFigureRowSchema),
})
export type SpreadingOverview = z.infer<typeof SpreadingOverviewSchema>

export const SaveWijkFigureInput = z
  .object({
    wijk: oneOf('Wijk', WIJK.keys, WIJK.labels),
    socialStock: wholeNumber('Sociale huurwoningen', 0, 100_000),
    socialShare: share('Aandeel sociale huur'),
    placements: wholeNumber('Plaatsingen MO/BW (buiten de app)', 0, 10_000),
  })
  .strict()
export type SaveWijkFigure = z.infer<typeof SaveWijkFigureInput>

/** A corporation whose submissions this quarter lean on a spared wijk beyond its norm. */
export const SpreadingWarningSchema = z.object({
  corporationId: z.number(),
  corporation: z.string(),
  wijk: z.enum(WIJK.keys),
  inWijk: z.number(),
  submitted: z.number(),
  norm: z.number(),
})
export type SpreadingWarning = z.infer<typeof SpreadingWarningSchema>

export const OverrideComplexStopInput = z
  .object({ dwellingId: IdSchema, reason: text('een reden', 500) })
  .strict()

/** The stop as it stands for one dwelling: shown on Voordrachten, where the officer can lift it. */
export const ComplexStopStateSchema = z.object({
  complex: z.string(),
  placements: z.number(),
  /** Other dwellings of the complex under way (shortlisted, matched, offered). */
  pending: z.number(),
  limit: z.object({ placements: z.number(), years: z.number() }),
  stopped: z.boolean(),
  /** The officer's reason when the stop was lifted for this dwelling. */
  override: z.string().nullable(),
})
export type ComplexStopState = z.infer<typeof ComplexStopStateSchema>

export const spreadingApi = {
  overview: endpoint('spreading:overview', NoInput, SpreadingOverviewSchema),
  saveWijkFigure: endpoint('spreading:saveWijk', SaveWijkFigureInput, SpreadingOverviewSchema),
  saveSettings: endpoint(
    'spreading:saveSettings',
    SpreadingSettingsSchema,
    SpreadingOverviewSchema,
  ),
  complexStopOf: endpoint(
    'spreading:stopOf',
    z.object({ dwellingId: IdSchema }).strict(),
    ComplexStopStateSchema,
  ),
  overrideComplexStop: endpoint(
    'spreading:overrideStop',
    OverrideComplexStopInput,
    z.object({ dwellingId: z.number(), complex: z.string(), placements: z.number() }),
  ),
} as const

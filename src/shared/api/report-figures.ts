import { z } from 'zod'
import { QuarterKeySchema } from '../domain/quarter'

/**
 * The monitoring figures of one quarter or year (domain.md §4). One object feeds the report
 * workbook, the printable report and the dashboard, so every place shows the same numbers.
 * Shares are 0–1 and null when there is nothing to divide by; days are calendar days.
 */

const ShareSchema = z.number().nullable()

export const PeriodSchema = z.object({
  kind: z.enum(['quarter', 'year']),
  /** `2026-Q3` or `2026`. */
  key: z.string(),
  /** "3e kwartaal 2026" or "jaar 2026". */
  label: z.string(),
  year: z.number(),
  quarters: z.array(QuarterKeySchema),
  startsOn: z.string(),
  endsOn: z.string(),
})
export type Period = z.infer<typeof PeriodSchema>

export const WaitStatsSchema = z.object({
  count: z.number(),
  median: z.number().nullable(),
  p75: z.number().nullable(),
  /** Share offered within 91 days, the three-month ambition. */
  within91: ShareSchema,
})
export type WaitStats = z.infer<typeof WaitStatsSchema>

export const WaitGroupSchema = WaitStatsSchema.extend({ key: z.string(), label: z.string() })
export type WaitGroup = z.infer<typeof WaitGroupSchema>

export const WaitBucketSchema = z.object({
  label: z.string(),
  fromDays: z.number(),
  /** Inclusive; null for the open-ended last bucket. */
  toDays: z.number().nullable(),
  count: z.number(),
  share: ShareSchema,
})

export const CorporationFiguresSchema = z.object({
  corporationId: z.number(),
  corporation: z.string(),
  quota: z.number(),
  submitted: z.number(),
  withdrawn: z.number(),
  /** Candidates presented for its dwellings (a client presented for two dwellings counts twice). */
  presented: z.number(),
  /** Dwellings for which the corporation chose a candidate. */
  matched: z.number(),
  allocated: z.number(),
  submissionRate: ShareSchema,
  /** Allocated against quota. */
  realisation: ShareSchema,
  medianVacancyDays: z.number().nullable(),
})
export type CorporationFigures = z.infer<typeof CorporationFiguresSchema>

export const CareProviderFiguresSchema = z.object({
  careProviderId: z.number(),
  careProvider: z.string(),
  /** Clients registered within the period. */
  registered: z.number(),
  presented: z.number(),
  allocated: z.number(),
  /** The contingent for the period: the yearly contingent, a quarter of it for a quarter. */
  contingent: z.number().nullable(),
  contingentRealisation: ShareSchema,
})
export type CareProviderFigures = z.infer<typeof CareProviderFiguresSchema>

export const RoundsFiguresSchema = z.object({
  presentedRounds: z.number(),
  /** Presented rounds the corporation answered: a candidate chosen, or all rejected. */
  decided: z.number(),
  chosen: z.number(),
  rejectedRounds: z.number(),
  /** Rejected rounds against decided ones: how often the individual match was the bottleneck. */
  bottleneckShare: ShareSchema,
  /** Mean round number of the chosen rounds. */
  averageRounds: z.number().nullable(),
  byRound: z.array(z.object({ round: z.number(), count: z.number() })),
  /** Candidates given "geen match". */
  rejections: z.number(),
  /** Dwellings the last batch left short because fewer than N were eligible at all. */
  tooFewEligible: z.number(),
  /** Dwellings the last batch left short because their eligible clients were needed elsewhere. */
  neededElsewhere: z.number(),
  /** Presented places that balance decided (waiting before balance): a free client waiting longer would have had them. */
  decidedByBalance: z.number(),
  reasons: z.array(
    z.object({ reason: z.string(), label: z.string(), count: z.number(), share: ShareSchema }),
  ),
})

export const WijkFiguresSchema = z.object({
  wijk: z.string(),
  label: z.string(),
  submitted: z.number(),
  allocated: z.number(),
  allocationShare: ShareSchema,
  stockShare: z.number(),
  /** The spreading norm (docs/matching.md, "Spreiding over de stad") on the period's last day. */
  norm: z.number(),
  /** Norm below the stock share: the plan wants the wijk spared. */
  spared: z.boolean(),
  /** Allocation share minus the norm: positive means more than its norm. */
  difference: ShareSchema,
})

/** Placements in spared wijken for one kind of client: how many were placed, how many there. */
const SparedShareSchema = z.object({
  placed: z.number(),
  inSpared: z.number(),
  share: ShareSchema,
})

export const SpreadingFiguresSchema = z.object({
  stop: z.object({ placements: z.number(), years: z.number() }),
  /** Complexes at or past the stop on the period's last day, most placements first. */
  complexesAtStop: z.array(z.object({ complex: z.string(), placements: z.number() })),
  /** Clients with intensive support, against all others: do they land in spared wijken less often? */
  intensive: SparedShareSchema,
  others: SparedShareSchema,
})

export const VacancySchema = z.object({
  count: z.number(),
  median: z.number().nullable(),
  p75: z.number().nullable(),
  mean: z.number().nullable(),
  max: z.number().nullable(),
})

export const TrendRowSchema = z.object({
  key: QuarterKeySchema,
  label: z.string(),
  quota: z.number(),
  submitted: z.number(),
  presented: z.number(),
  matched: z.number(),
  allocated: z.number(),
  realisation: ShareSchema,
  medianWait: z.number().nullable(),
  within91: ShareSchema,
  instroomShare: ShareSchema,
})

export const QuarterFiguresSchema = z.object({
  period: PeriodSchema,
  generatedAt: z.string(),
  target: z.object({ target: z.number(), instroomShareTarget: z.number() }).nullable(),
  totals: z.object({
    quota: z.number(),
    submitted: z.number(),
    withdrawn: z.number(),
    presentedCandidates: z.number(),
    presentedClients: z.number(),
    matched: z.number(),
    allocated: z.number(),
    submissionRate: ShareSchema,
    realisation: ShareSchema,
    registered: z.number(),
    /** Waiting or presented clients when the report was made: a snapshot, not a period figure. */
    waitingListNow: z.number(),
  }),
  corporations: z.array(CorporationFiguresSchema),
  careProviders: z.array(CareProviderFiguresSchema),
  waiting: z.object({
    overall: WaitStatsSchema,
    byGroup: z.array(WaitGroupSchema),
    byProvider: z.array(WaitGroupSchema),
    buckets: z.array(WaitBucketSchema),
  }),
  rounds: RoundsFiguresSchema,
  instroom: z.object({
    allocated: z.number(),
    instroom: z.number(),
    share: ShareSchema,
    target: z.number().nullable(),
  }),
  /** Offers on the period's dwellings that were declined; of those, how many used the one-time offer. */
  offers: z.object({ declined: z.number(), oneTimeUsed: z.number() }),
  wijken: z.array(WijkFiguresSchema),
  spreading: SpreadingFiguresSchema,
  vacancy: VacancySchema,
  /** For a year: one row per quarter. Empty for a quarter. */
  trend: z.array(TrendRowSchema),
})
export type QuarterFigures = z.infer<typeof QuarterFiguresSchema>

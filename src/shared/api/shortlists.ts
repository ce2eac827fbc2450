import { z } from 'zod'
import { IdSchema, IsoDateSchema, oneOf, optionalText, text } from '../domain/fields'
import { QuarterKeySchema } from '../domain/quarter'
import {
  CANDIDATE_DECISION,
  DWELLING_STATUS,
  FLOW,
  OFFER_OUTCOME,
  REJECTION_REASON,
  SHORTLIST_STATUS,
  TARGET_GROUP,
  WIJK,
} from '../domain/vocabulary'
import { endpoint } from './endpoint'

export const ScorePartSchema = z.object({
  key: z.string(),
  label: z.string(),
  points: z.number(),
  explanation: z.string(),
})
export type ScorePartView = z.infer<typeof ScorePartSchema>

export const CandidateSchema = z.object({
  id: z.number(),
  clientId: z.number(),
  code: z.string(),
  careProvider: z.string(),
  targetGroup: z.enum(TARGET_GROUP.keys),
  flow: z.enum(FLOW.keys),
  waitingDays: z.number(),
  position: z.number(),
  score: z.number(),
  parts: z.array(ScorePartSchema),
  decision: z.enum(CANDIDATE_DECISION.keys),
  decisionReason: z.string().nullable(),
  decisionText: z.string().nullable(),
  swapReason: z.string().nullable(),
})
export type Candidate = z.infer<typeof CandidateSchema>

export const OfferSchema = z.object({
  id: z.number(),
  clientId: z.number(),
  code: z.string(),
  offeredOn: z.string(),
  outcome: z.enum(OFFER_OUTCOME.keys),
  respondedOn: z.string().nullable(),
  declineReason: z.string().nullable(),
})
export type Offer = z.infer<typeof OfferSchema>

export const ShortlistSchema = z.object({
  id: z.number(),
  round: z.number(),
  status: z.enum(SHORTLIST_STATUS.keys),
  eligiblePoolSize: z.number(),
  presentedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectionMotivation: z.string().nullable(),
  candidates: z.array(CandidateSchema),
})
export type Shortlist = z.infer<typeof ShortlistSchema>

/** One line of the Voordrachten work screen. */
export const BoardRowSchema = z.object({
  dwellingId: z.number(),
  corporation: z.string(),
  address: z.string(),
  wijk: z.enum(WIJK.keys),
  rooms: z.number(),
  netRent: z.number(),
  status: z.enum(DWELLING_STATUS.keys),
  round: z.number().nullable(),
  shortlistId: z.number().nullable(),
  shortlistStatus: z.enum(SHORTLIST_STATUS.keys).nullable(),
  candidates: z.array(z.string()),
  eligiblePoolSize: z.number().nullable(),
  /** Why the last batch left this dwelling short, if it did. */
  shortNote: z.enum(['too-few-eligible', 'needed-elsewhere']).nullable(),
})
export type BoardRow = z.infer<typeof BoardRowSchema>

export const DwellingMatchingSchema = z.object({
  dwellingId: z.number(),
  status: z.enum(DWELLING_STATUS.keys),
  /** Marked by the corporation: only then can an instroom client get an omklapcontract. */
  flipPossible: z.boolean(),
  rounds: z.array(ShortlistSchema),
  offers: z.array(OfferSchema),
})
export type DwellingMatching = z.infer<typeof DwellingMatchingSchema>

export const PoolEntrySchema = z.object({
  clientId: z.number(),
  code: z.string(),
  careProvider: z.string(),
  targetGroup: z.enum(TARGET_GROUP.keys),
  waitingDays: z.number(),
  eligible: z.boolean(),
  score: z.number().nullable(),
  /** Place among the free eligible clients, highest score first (1 = first); null if not eligible. */
  rank: z.number().nullable(),
  whyNot: z.array(z.object({ rule: z.string(), reason: z.string() })),
})
export type PoolEntry = z.infer<typeof PoolEntrySchema>

const ShortDwellingSchema = z.object({
  dwellingId: z.number(),
  address: z.string(),
  eligible: z.number(),
  candidates: z.number(),
})

export const GenerateSummarySchema = z.object({
  quarter: QuarterKeySchema,
  dwellings: z.number(),
  shortlistsMade: z.number(),
  /** Fewer than N eligible at all (pool < N): the individual match was the bottleneck. */
  tooFewEligible: z.array(ShortDwellingSchema),
  /** Enough eligible, but the assignment needed some of them on other dwellings' lists. */
  neededElsewhere: z.array(ShortDwellingSchema),
  /** The year's instroom trajectory: flip-possible dwellings it needs, and how many were kept. */
  instroom: z.object({ needed: z.number(), reserved: z.number() }).nullable(),
})
export type GenerateSummary = z.infer<typeof GenerateSummarySchema>

/** A reason from a fixed list, with a required explanation for “anders”; the offers domain uses it too. */
export const Reason = <const K extends string>(
  label: string,
  keys: readonly [K, ...K[]],
  labels: Record<K, string>,
) =>
  z
    .object({ reason: oneOf(label, keys, labels), text: optionalText('Toelichting', 1000) })
    .refine((r) => r.reason !== 'anders' || Boolean(r.text), {
      message: 'Geef bij “anders” een toelichting',
      path: ['text'],
    })

const RejectionSchema = Reason('Reden', REJECTION_REASON.keys, REJECTION_REASON.labels)

export const shortlistsApi = {
  board: endpoint(
    'shortlists:board',
    z.object({ quarter: QuarterKeySchema }),
    BoardRowSchema.array(),
  ),
  forDwelling: endpoint(
    'shortlists:forDwelling',
    z.object({ dwellingId: IdSchema }),
    DwellingMatchingSchema,
  ),
  pool: endpoint(
    'shortlists:pool',
    z.object({ dwellingId: IdSchema, search: z.string().trim().max(40).optional() }),
    z.object({ eligible: z.number(), entries: PoolEntrySchema.array() }),
  ),
  generate: endpoint(
    'shortlists:generate',
    z.object({ quarter: QuarterKeySchema }),
    GenerateSummarySchema,
  ),
  swap: endpoint(
    'shortlists:swap',
    z.object({
      shortlistId: IdSchema,
      removeClientId: IdSchema,
      addClientId: IdSchema,
      reason: text('de reden', 500).min(3, 'Geef een reden voor de wissel'),
    }),
    DwellingMatchingSchema,
  ),
  present: endpoint(
    'shortlists:present',
    z.object({ shortlistId: IdSchema }),
    DwellingMatchingSchema,
  ),
  choose: endpoint(
    'shortlists:choose',
    z.object({ shortlistId: IdSchema, clientId: IdSchema, offeredOn: IsoDateSchema.optional() }),
    DwellingMatchingSchema,
  ),
  rejectCandidate: endpoint(
    'shortlists:rejectCandidate',
    z.object({ shortlistId: IdSchema, clientId: IdSchema, rejection: RejectionSchema }),
    DwellingMatchingSchema,
  ),
  rejectAll: endpoint(
    'shortlists:rejectAll',
    z.object({
      shortlistId: IdSchema,
      rejection: RejectionSchema,
      motivation: text('de motivatie', 2000).min(
        5,
        'Geef de motivatie van de corporatie (minstens 5 tekens)',
      ),
    }),
    DwellingMatchingSchema,
  ),
} as const

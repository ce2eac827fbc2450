import { z } from 'zod'
import { IdSchema } from '../domain/fields'
import { QuarterKeySchema } from '../domain/quarter'
import { endpoint, NoInput } from './endpoint'
import { FileResultSchema } from './imports'

/** How urgent an open answer is: on time, due within a week, or past its deadline. */
export const AGEING = ['op-tijd', 'deze-week', 'te-laat'] as const
export type Ageing = (typeof AGEING)[number]
export const AGEING_LABELS: Record<Ageing, string> = {
  'op-tijd': 'Op tijd',
  'deze-week': 'Deze week',
  'te-laat': 'Te laat',
}

/** A presented round waiting for the corporation's answer, or an offer waiting for the client's. */
export const OpenAnswerSchema = z.object({
  kind: z.enum(['voordracht', 'aanbieding']),
  dwellingId: z.number(),
  address: z.string(),
  quarter: QuarterKeySchema,
  round: z.number(),
  /** jjjj-mm-dd: presented on, or offered on. */
  since: z.string(),
  dueOn: z.string(),
  ageing: z.enum(AGEING),
  /** Working days past the deadline (0 while on time). */
  daysLate: z.number(),
})
export type OpenAnswer = z.infer<typeof OpenAnswerSchema>

export const CorporationAnswersSchema = z.object({
  corporationId: z.number(),
  corporation: z.string(),
  counts: z.object({ 'op-tijd': z.number(), 'deze-week': z.number(), 'te-laat': z.number() }),
  open: OpenAnswerSchema.array(),
})
export type CorporationAnswers = z.infer<typeof CorporationAnswersSchema>

export const deadlinesApi = {
  openAnswers: endpoint('deadlines:open', NoInput, CorporationAnswersSchema.array()),
  reminder: endpoint('deadlines:reminder', z.object({ corporationId: IdSchema }), FileResultSchema),
} as const

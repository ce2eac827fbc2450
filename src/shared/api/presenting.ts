import { z } from 'zod'
import { IdSchema } from '../domain/fields'
import { QuarterKeySchema } from '../domain/quarter'
import { endpoint } from './endpoint'

/** A quarter's concept shortlists, or one corporation's, presented together (Bijlage 5, step 2). */
export const PresentScopeSchema = z.object({
  quarter: QuarterKeySchema,
  corporationId: IdSchema.optional(),
})
export type PresentScope = z.infer<typeof PresentScopeSchema>

export const ConceptListSchema = z.object({
  shortlistId: z.number(),
  dwellingId: z.number(),
  address: z.string(),
  corporationId: z.number(),
  corporation: z.string(),
  round: z.number(),
  candidates: z.number(),
  eligible: z.number(),
  /** Codes of candidates who are no longer free: this list waits until they are swapped. */
  unavailable: z.array(z.string()),
})
export type ConceptList = z.infer<typeof ConceptListSchema>

/** What "Alle concepten voordragen" would do, shown before it is done. */
export const PresentPlanSchema = z.object({
  quarter: QuarterKeySchema,
  /** N for the quarter's year: a list with fewer candidates is short. */
  shortlistSize: z.number(),
  lists: ConceptListSchema.array(),
})
export type PresentPlan = z.infer<typeof PresentPlanSchema>

export const PresentResultSchema = z.object({
  quarter: QuarterKeySchema,
  presented: z.number(),
  candidates: z.number(),
  /** Per corporation the lists now presented, so its workbook can be exported straight away. */
  corporations: z.array(z.object({ id: z.number(), name: z.string(), lists: z.number() })),
  skipped: ConceptListSchema.array(),
})
export type PresentResult = z.infer<typeof PresentResultSchema>

export const presentingApi = {
  plan: endpoint('shortlists:presentPlan', PresentScopeSchema, PresentPlanSchema),
  all: endpoint('shortlists:presentAll', PresentScopeSchema, PresentResultSchema),
} as const

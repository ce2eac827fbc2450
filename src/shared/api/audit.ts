import { z } from 'zod'
import { IdSchema } from '../domain/fields'
import { endpoint } from './endpoint'

export const TimelineEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  officer: z.string(),
  osUser: z.string(),
  action: z.string(),
  summary: z.string(),
})
export type TimelineEvent = z.infer<typeof TimelineEventSchema>

export const TimelineInput = z.object({
  entityType: z.enum(['dwelling', 'client'], { message: 'Kies woning of kandidaat' }),
  entityId: IdSchema,
})

export const auditApi = {
  timeline: endpoint('audit:timeline', TimelineInput, TimelineEventSchema.array()),
} as const

import { z } from 'zod'
import { IdSchema, text } from '../domain/fields'
import { endpoint } from './endpoint'

export const TimelineEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  officer: z.string(),
  osUser: z.string(),
  /** The desk (host name) it was done on; null before team mode. */
  desk: z.string().nullable(),
  action: z.string(),
  summary: z.string(),
})
export type TimelineEvent = z.infer<typeof TimelineEventSchema>

export const TimelineInput = z.object({
  entityType: z.enum(['dwelling', 'client'], { message: 'Kies woning of kandidaat' }),
  entityId: IdSchema,
})

/** An officer's note on a dwelling's timeline: internal, never in a file that leaves the app. */
export const DwellingNoteInput = z.object({
  dwellingId: IdSchema,
  text: text('de notitie', 1000),
})

export const auditApi = {
  timeline: endpoint('audit:timeline', TimelineInput, TimelineEventSchema.array()),
  addDwellingNote: endpoint(
    'audit:addDwellingNote',
    DwellingNoteInput,
    TimelineEventSchema.array(),
  ),
} as const

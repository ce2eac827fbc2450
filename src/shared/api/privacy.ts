import { z } from 'zod'
import { IdSchema, text } from '../domain/fields'
import { endpoint, NoInput } from './endpoint'
import { FileResultSchema } from './imports'

export const PrivacySettingsSchema = z.object({
  /** Months after housing or withdrawal before a client's personal fields are cleared. */
  retentionMonths: z
    .number({ message: 'Bewaartermijn moet een getal zijn' })
    .int('Bewaartermijn moet een geheel aantal maanden zijn')
    .min(1, 'Bewaartermijn moet minstens 1 maand zijn')
    .max(120, 'Bewaartermijn mag hoogstens 120 maanden (10 jaar) zijn'),
})
export type PrivacySettings = z.infer<typeof PrivacySettingsSchema>

export const AnonymiseResultSchema = z.object({
  retentionMonths: z.number(),
  /** Clients housed or withdrawn on or before this date were due. */
  cutoff: z.string(),
  anonymised: z.number(),
})
export type AnonymiseResult = z.infer<typeof AnonymiseResultSchema>

export const EraseClientInput = z
  .object({
    clientId: IdSchema,
    /** Why (the client's request, a complaint): kept in the audit trail, so no personal details. */
    reason: text('de reden', 500),
  })
  .strict()

/** A backup that still holds the erased client's data, and the last day it is kept. */
export const HeldBySchema = z.object({
  name: z.string(),
  madeAt: z.string(),
  /** ISO moment: the backup retention removes it by then at the latest. */
  goneBy: z.string(),
})
export type HeldBy = z.infer<typeof HeldBySchema>

export const EraseResultSchema = z.object({
  code: z.string(),
  /** 'deleted': nothing referred to the client; 'anonymised': the code stays for the statistics. */
  outcome: z.enum(['deleted', 'anonymised']),
  /** Backups made earlier still hold the client until they rotate out. */
  heldBy: z.array(HeldBySchema),
})
export type EraseResult = z.infer<typeof EraseResultSchema>

export const privacyApi = {
  settings: endpoint('privacy:settings', NoInput, PrivacySettingsSchema),
  saveSettings: endpoint(
    'privacy:saveSettings',
    PrivacySettingsSchema.strict(),
    PrivacySettingsSchema,
  ),
  anonymise: endpoint('privacy:anonymise', NoInput, AnonymiseResultSchema),
  exportClientData: endpoint(
    'privacy:exportClient',
    z.object({ clientId: IdSchema }).strict(),
    FileResultSchema,
  ),
  eraseClient: endpoint('privacy:eraseClient', EraseClientInput, EraseResultSchema),
} as const

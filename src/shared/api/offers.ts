import { z } from 'zod'
import { IdSchema, IsoDateSchema } from '../domain/fields'
import { CONTRACT_KIND, DECLINE_REASON } from '../domain/vocabulary'
import { endpoint } from './endpoint'
import { DwellingMatchingSchema, Reason } from './shortlists'

/** The chosen client's answer to the corporation's offer: a rental contract, or a reasoned no. */
export const offersApi = {
  accept: endpoint(
    'offers:accept',
    z.object({
      offerId: IdSchema,
      startsOn: IsoDateSchema,
      contractKind: z.enum(CONTRACT_KIND.keys).optional(),
      /** The day the client accepted; today when left out. */
      respondedOn: IsoDateSchema.optional(),
    }),
    DwellingMatchingSchema,
  ),
  decline: endpoint(
    'offers:decline',
    z.object({
      offerId: IdSchema,
      decline: Reason('Reden', DECLINE_REASON.keys, DECLINE_REASON.labels),
      /** The day the client declined; today when left out. */
      respondedOn: IsoDateSchema.optional(),
    }),
    DwellingMatchingSchema,
  ),
} as const

import { z } from 'zod'
import {
  CLIENT_ROW_FIELDS,
  ClientFieldsSchema,
  ClientInputSchema,
  ClientStatusSchema,
  SupportContactSchema,
} from '../domain/client-input'
import { IdSchema, optionalText, VersionSchema } from '../domain/fields'
import { CLIENT_STATUS } from '../domain/vocabulary'
import { endpoint } from './endpoint'
import {
  ClientsImportInput,
  ClientsTemplateInput,
  FileResultSchema,
  ImportReportSchema,
} from './imports'

/** What the register adds to the fields a care provider submits. */
const ClientRecordSchema = z.object({
  id: z.number(),
  careProviderId: z.number(),
  careProvider: z.string(),
  waitingDays: z.number(),
  status: z.enum(CLIENT_STATUS.keys),
  statusSince: z.string(),
})

/** A client as the officers' grid shows it: no name, no notes (those are on the detail form only). */
export const ClientRowSchema = ClientFieldsSchema.pick(CLIENT_ROW_FIELDS).extend(
  ClientRecordSchema.shape,
)
export type ClientRow = z.infer<typeof ClientRowSchema>

/** Everything about one client, for its form: every field of the definition. */
export const ClientDetailSchema = ClientFieldsSchema.extend({
  ...SupportContactSchema.shape,
  ...ClientRecordSchema.shape,
  supportProviderId: z.number().nullable(),
  version: VersionSchema,
})
export type ClientDetail = z.infer<typeof ClientDetailSchema>

export const ListClientsInput = z
  .object({ status: z.enum(CLIENT_STATUS.keys).optional(), careProviderId: IdSchema.optional() })
  .strict()
  .default({})

export const SaveClientInput = z.object({
  id: IdSchema.optional(),
  client: ClientInputSchema,
  /** The version the form showed (ClientDetail.version); a save over a later change is refused. */
  version: VersionSchema.optional(),
})

/**
 * Status changes by hand (on hold, back to waiting, withdrawn by the provider). Presenting,
 * offering and housing are the matching workflow's steps, not this form's.
 */
export const SetClientStatusInput = z.object({
  id: IdSchema,
  status: ClientStatusSchema.refine((s) => ['wachtend', 'on-hold', 'ingetrokken'].includes(s), {
    message: 'Alleen wachtend, in de wacht of ingetrokken kan hier worden gekozen',
  }),
  reason: optionalText('Reden', 500),
})

export const clientsApi = {
  list: endpoint('clients:list', ListClientsInput, ClientRowSchema.array()),
  get: endpoint('clients:get', z.object({ id: IdSchema }), ClientDetailSchema),
  save: endpoint('clients:save', SaveClientInput, ClientDetailSchema),
  setStatus: endpoint('clients:setStatus', SetClientStatusInput, ClientDetailSchema),
  template: endpoint('clients:template', ClientsTemplateInput, FileResultSchema),
  import: endpoint('clients:import', ClientsImportInput, ImportReportSchema),
} as const

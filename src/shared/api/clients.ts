import { z } from 'zod'
import { ClientInputSchema, ClientStatusSchema } from '../domain/client-input'
import { IdSchema, optionalText } from '../domain/fields'
import { CLIENT_STATUS, FLOW, SUPPORT_INTENSITY, TARGET_GROUP, WIJK } from '../domain/vocabulary'
import { endpoint } from './endpoint'
import {
  ClientsImportInput,
  ClientsTemplateInput,
  FileResultSchema,
  ImportReportSchema,
} from './imports'

/** A client as the officers' grid shows it: no name, no notes (those are on the detail form only). */
export const ClientRowSchema = z.object({
  id: z.number(),
  code: z.string(),
  careProviderId: z.number(),
  careProvider: z.string(),
  targetGroup: z.enum(TARGET_GROUP.keys),
  flow: z.enum(FLOW.keys),
  registeredOn: z.string(),
  waitingDays: z.number(),
  adults: z.number(),
  children: z.number(),
  birthYear: z.number(),
  maxRent: z.number(),
  minRooms: z.number(),
  needsGroundFloorOrLift: z.boolean(),
  needsWheelchair: z.boolean(),
  needsLowStimulus: z.boolean(),
  excludedWijken: z.array(z.enum(WIJK.keys)),
  supportIntensity: z.enum(SUPPORT_INTENSITY.keys).nullable(),
  status: z.enum(CLIENT_STATUS.keys),
  statusSince: z.string(),
})
export type ClientRow = z.infer<typeof ClientRowSchema>

export const ClientDetailSchema = ClientRowSchema.extend({
  name: z.string().nullable(),
  preferredWijken: z.array(z.enum(WIJK.keys)),
  exclusionForSafety: z.boolean(),
  supportProviderId: z.number().nullable(),
  supportMonths: z.number().nullable(),
  supportContactName: z.string().nullable(),
  supportContactPhone: z.string().nullable(),
  supportContactEmail: z.string().nullable(),
  notes: z.string().nullable(),
})
export type ClientDetail = z.infer<typeof ClientDetailSchema>

export const ListClientsInput = z
  .object({ status: z.enum(CLIENT_STATUS.keys).optional(), careProviderId: IdSchema.optional() })
  .strict()
  .default({})

export const SaveClientInput = z.object({ id: IdSchema.optional(), client: ClientInputSchema })

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

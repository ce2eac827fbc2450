import { z } from 'zod'
import { line } from '../domain/fields'
import { endpoint, NoInput } from './endpoint'

export const AppInfoSchema = z.object({
  version: z.string(),
  /** The SQLite file, or in team mode the PostgreSQL URL without its password. */
  databaseFile: z.string(),
  /** Which store: a desk's own file, or the team's PostgreSQL. */
  store: z.enum(['sqlite', 'postgres']),
  officer: z.string(),
  osUser: z.string(),
  counts: z.object({
    corporations: z.number(),
    careProviders: z.number(),
    clients: z.number(),
    dwellings: z.number(),
  }),
  /** True when nothing has been registered yet: the UI then offers the demo data. */
  isEmpty: z.boolean(),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const SetOfficerInput = z.object({
  name: line('uw naam', 80).min(2, 'Vul uw naam in (minstens 2 tekens)'),
})

export const DemoLoadInput = z
  .object({
    seed: z
      .number()
      .int('Seed moet een geheel getal zijn')
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  })
  .strict()
  .default({})

export const DemoSummarySchema = z.object({
  seed: z.number(),
  corporations: z.number(),
  careProviders: z.number(),
  clients: z.number(),
  dwellings: z.number(),
  quarters: z.array(z.string()),
  /** The history the engine made in the earlier quarters, and what it left waiting today. */
  waitingClients: z.number().optional(),
  allocations: z.number().optional(),
  allocationsByQuarter: z.record(z.string(), z.number()).optional(),
  presentedShortlists: z.number().optional(),
  rejectedShortlists: z.number().optional(),
  declinedOffers: z.number().optional(),
  withdrawnDwellings: z.number().optional(),
  /** Median days from a dwelling's submission to the start of its lease. */
  medianLeadDays: z.number().nullable().optional(),
})
export type DemoSummary = z.infer<typeof DemoSummarySchema>

export const appApi = {
  info: endpoint('app:info', NoInput, AppInfoSchema),
  setOfficer: endpoint('app:setOfficer', SetOfficerInput, AppInfoSchema),
  loadDemo: endpoint('demo:load', DemoLoadInput, DemoSummarySchema),
} as const

import { z } from 'zod'
import { endpoint, NoInput } from './endpoint'

export const AppInfoSchema = z.object({
  version: z.string(),
  databaseFile: z.string(),
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
  name: z
    .string()
    .trim()
    .min(2, 'Vul uw naam in (minstens 2 tekens)')
    .max(80, 'Naam is te lang (maximaal 80 tekens)'),
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
})
export type DemoSummary = z.infer<typeof DemoSummarySchema>

export const appApi = {
  info: endpoint('app:info', NoInput, AppInfoSchema),
  setOfficer: endpoint('app:setOfficer', SetOfficerInput, AppInfoSchema),
  loadDemo: endpoint('demo:load', DemoLoadInput, DemoSummarySchema),
} as const

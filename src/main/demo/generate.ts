import type { ClientFields } from '../../shared/domain/client-input'
import type { DwellingFields } from '../../shared/domain/dwelling-input'
import type {
  careProviders,
  clients,
  corporations,
  dwellings,
  quarterQuotas,
  quarters,
  settings,
  yearTargets,
} from '../db/schema'
import { quotasForQuarter } from '../domain/planning'
import { DEFAULT_YEAR_SETTINGS, YEAR_SETTINGS_KEY } from '../domain/year-settings'
import { addQuarters, quarterBounds, quarterKey, quarterOf } from '../../shared/domain/quarter'
import {
  DEFAULT_CATCH_UP,
  DEFAULT_TARGET,
  instroomShareTrajectory,
} from '../../shared/domain/targets'
import { localIsoDate } from './calendar'
import { generateClients } from './clients'
import { generateDwellings } from './dwellings'
import { CARE_PROVIDERS, CORPORATIONS, contactFor } from './organisations'
import { createRandom } from './random'

/**
 * The demo dataset: plain insert rows. Foreign keys to corporations and care providers are array
 * indexes into `corporations` / `careProviders`, resolved to ids by the writer after inserting them.
 */
export type CorporationRow = typeof corporations.$inferInsert
export type CareProviderRow = typeof careProviders.$inferInsert
export type YearTargetRow = typeof yearTargets.$inferInsert
export type QuarterRow = typeof quarters.$inferInsert
export type SettingRow = typeof settings.$inferInsert
export type DemoQuota = Omit<typeof quarterQuotas.$inferInsert, 'corporationId'> & {
  corporation: number
}
/**
 * Every field of the definition is required of the demo, even one the table has a default for:
 * a new field is a compile error here until the generator fills it in.
 */
type EveryField<Insert, Fields> = Insert & Required<Pick<Insert, keyof Fields & keyof Insert>>
export type DemoClient = Omit<
  EveryField<typeof clients.$inferInsert, ClientFields>,
  'careProviderId' | 'supportProviderId'
> & {
  careProvider: number
  supportProvider: number | null
}
export type DemoDwelling = Omit<
  EveryField<typeof dwellings.$inferInsert, DwellingFields>,
  'corporationId'
> & {
  corporation: number
}

export interface DemoDataset {
  seed: number
  corporations: CorporationRow[]
  careProviders: CareProviderRow[]
  yearTargets: YearTargetRow[]
  /** Oldest first; the last one is the current quarter. */
  quarters: QuarterRow[]
  quarterQuotas: DemoQuota[]
  settings: SettingRow[]
  /** Everyone registered, all waiting: the history houses some, in registration order (codes too). */
  clients: DemoClient[]
  dwellings: DemoDwelling[]
}

/** The demo uses the built-in 2026 settings, stored for the current year as an officer would. */
export const DEMO_RENT_LIMITS = DEFAULT_YEAR_SETTINGS

/** Share of the earlier quarters' dwellings the history lets, about (see history.ts). */
const HOUSED_SHARE: [number, number] = [0.93, 0.97]

/** Deterministic demo data for `today`: the same seed and day always give the same rows. */
export function generateDemo(seed: number, today: Date): DemoDataset {
  const todayIso = localIsoDate(today)
  const current = quarterOf(today)
  const year = current.year

  const corporationRows: CorporationRow[] = CORPORATIONS.map((c) => ({
    name: c.name,
    socialStock: c.socialStock,
  }))
  const careProviderRows: CareProviderRow[] = CARE_PROVIDERS.map((p) => ({
    name: p.name,
    contingentShare: p.perMille / 1000,
    contact: contactFor(p.name),
  }))

  const yearTargetRows: YearTargetRow[] = [year - 1, year].map((y) => ({
    year: y,
    target: DEFAULT_TARGET,
    catchUpTarget: DEFAULT_CATCH_UP,
    instroomShareTarget: instroomShareTrajectory(y),
  }))

  const quarterList = [-3, -2, -1, 0].map((offset) => addQuarters(current, offset))
  const quarterRows: QuarterRow[] = quarterList.map((q) => ({
    key: quarterKey(q),
    year: q.year,
    number: q.number,
    ...quarterBounds(q),
  }))

  const stocks = CORPORATIONS.map((c) => c.socialStock)
  const quotaTable = quarterList.map((q) => quotasForQuarter(DEFAULT_TARGET, stocks, q.number))
  const quotaRows: DemoQuota[] = quarterRows.flatMap((q, qi) =>
    (quotaTable[qi] ?? []).map((quota, corporation) => ({ quarterKey: q.key, corporation, quota })),
  )

  const settingRows: SettingRow[] = [
    { key: YEAR_SETTINGS_KEY, year, value: JSON.stringify(DEFAULT_YEAR_SETTINGS) },
  ]

  const dwellingRows = generateDwellings(createRandom(seed, 'dwellings'), {
    todayIso,
    quarters: quarterRows,
    quotas: quotaTable,
  })
  // The history lets most of the earlier quarters' dwellings: as many clients again are registered
  // before, so the waiting list today is still the ~400 of a steady state.
  const currentKey = quarterKey(current)
  const historyRnd = createRandom(seed, 'history-clients')
  const earlierDwellings = dwellingRows.filter((d) => d.quarterKey !== currentKey).length
  const clientRows = generateClients(createRandom(seed, 'clients'), {
    todayIso,
    limits: DEMO_RENT_LIMITS,
    earlier: {
      rnd: historyRnd,
      count: Math.round(earlierDwellings * historyRnd.between(HOUSED_SHARE[0], HOUSED_SHARE[1])),
    },
  })

  return {
    seed,
    corporations: corporationRows,
    careProviders: careProviderRows,
    yearTargets: yearTargetRows,
    quarters: quarterRows,
    quarterQuotas: quotaRows,
    settings: settingRows,
    clients: clientRows,
    dwellings: dwellingRows,
  }
}

import type { QuarterKey } from '../../shared/domain/quarter'
import { TARGET_GROUP, WIJK } from '../../shared/domain/vocabulary'
import { sqliteStore, type Store } from '../db/connection'
import { daysBetween, loadPeriodData } from '../reports/figures-data'
import { resolvePeriod } from '../reports/period'
import { percentile, ratio, waitStats } from '../reports/stats'

/**
 * What a quarter looked like, by the report's own definitions (figures-data.ts and stats.ts): the
 * wait is registration → first offer, for the first offers made in the quarter; placements belong
 * to the quarter the dwelling was submitted for. Measured the same way on a simulated copy and on
 * the real history, so the backtest compares like with like.
 */
export interface QuarterOutcome {
  quarter: QuarterKey
  /** Clients waiting at the end of the quarter (wachtend or voorgedragen, as on the report). */
  waitingList: number
  waitMedian: number | null
  waitP90: number | null
  /** Share of the quarter's first offers made within three months (91 days) of registration. */
  offeredWithin91: number | null
  allocated: number
  instroomShare: number | null
  byWijk: Record<string, number>
  byTargetGroup: Record<string, number>
  byCareProvider: Record<string, number>
}

const WAITING = ['wachtend', 'voorgedragen']

/**
 * The waiting list on a day, read back from today's statuses: a client registered by then who
 * still waits, or who left the list only after that day.
 */
export function waitingListOn(store: Store, day: string): number {
  return sqliteStore(store)
    .sqlite.prepare(
      `SELECT count(*) FROM clients WHERE registered_on <= ?
       AND (status IN (${WAITING.map(() => '?').join(', ')}) OR status_since > ?)`,
    )
    .pluck()
    .get(day, ...WAITING, day) as number
}

export async function measureQuarter(store: Store, key: QuarterKey): Promise<QuarterOutcome> {
  const period = resolvePeriod({ quarter: key })
  const data = await loadPeriodData(store.db, period)
  const waits = data.firstOffers.map((o) => daysBetween(o.registeredOn, o.offeredOn))
  const stats = waitStats(waits)
  const providers = new Map(data.careProviders.map((p) => [p.id, p.name]))
  const count = (keys: string[]) => {
    const out: Record<string, number> = {}
    for (const k of keys) out[k] = (out[k] ?? 0) + 1
    return out
  }
  const groups = sqliteStore(store)
    .sqlite.prepare(
      `SELECT c.target_group FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id
       JOIN clients c ON c.id = a.client_id WHERE d.quarter_key = ?`,
    )
    .pluck()
    .all(key) as string[]
  return {
    quarter: key,
    waitingList: waitingListOn(store, period.endsOn),
    waitMedian: stats.median,
    waitP90: percentile(waits, 0.9),
    offeredWithin91: stats.within91,
    allocated: data.allocations.length,
    instroomShare: ratio(
      data.allocations.filter((a) => a.flow === 'instroom').length,
      data.allocations.length,
    ),
    byWijk: count(data.allocations.map((a) => WIJK.label(a.wijk))),
    byTargetGroup: count(groups.map((g) => TARGET_GROUP.label(g as never))),
    byCareProvider: count(data.allocations.map((a) => providers.get(a.careProviderId) ?? '?')),
  }
}

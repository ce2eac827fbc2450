import type { QuarterKey } from '../../shared/domain/quarter'
import { TARGET_GROUP, WIJK, type TargetGroup, type Wijk } from '../../shared/domain/vocabulary'
import type { SqliteStore } from '../db/connection'
import { daysBetween } from '../reports/figures-data'
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
export function waitingListOn({ sqlite }: Pick<SqliteStore, 'sqlite'>, day: string): number {
  return sqlite
    .prepare(
      `SELECT count(*) FROM clients WHERE registered_on <= ?
       AND (status IN (${WAITING.map(() => '?').join(', ')}) OR status_since > ?)`,
    )
    .pluck()
    .get(day, ...WAITING, day) as number
}

/**
 * The quarters, by the report's definitions (figures-data.ts loadPeriodData and its first offers),
 * read once for all of them: each client's first offer ever, and the allocations of the quarters'
 * dwellings, then split per quarter. Only what the outcome uses is read (not the rounds, the
 * candidates or the declined offers the report shows beside it).
 */
export function measureQuarters(
  { sqlite }: SqliteStore,
  keys: readonly QuarterKey[],
): QuarterOutcome[] {
  const providers = new Map(
    (
      sqlite.prepare('SELECT id, name FROM care_providers').all() as { id: number; name: string }[]
    ).map((p) => [p.id, p.name]),
  )
  // figures-data firstOffersIn: each client's first offer ever, with the client's registration.
  const firstOffers = sqlite
    .prepare(
      `SELECT c.registered_on AS registeredOn, f.first_offered_on AS offeredOn
       FROM (SELECT client_id, min(offered_on) AS first_offered_on FROM offers GROUP BY client_id) f
       JOIN clients c ON c.id = f.client_id`,
    )
    .all() as { registeredOn: string; offeredOn: string }[]
  // figures-data loadPeriodData allocations: an allocation counts in the quarter of its dwelling.
  const allocated = sqlite
    .prepare(
      `SELECT d.quarter_key AS quarterKey, d.wijk, c.flow, c.care_provider_id AS careProviderId,
         c.target_group AS targetGroup
       FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id JOIN clients c ON c.id = a.client_id
       WHERE d.quarter_key IN (${keys.map(() => '?').join(', ')})`,
    )
    .all(...keys) as {
    quarterKey: string
    wijk: Wijk
    flow: string
    careProviderId: number
    targetGroup: TargetGroup
  }[]
  const count = (labels: string[]) => {
    const out: Record<string, number> = {}
    for (const k of labels) out[k] = (out[k] ?? 0) + 1
    return out
  }
  return keys.map((key) => {
    const period = resolvePeriod({ quarter: key })
    const waits = firstOffers
      .filter((o) => o.offeredOn >= period.startsOn && o.offeredOn <= period.endsOn)
      .map((o) => daysBetween(o.registeredOn, o.offeredOn))
    const stats = waitStats(waits)
    const allocations = allocated.filter((a) => a.quarterKey === key)
    return {
      quarter: key,
      waitingList: waitingListOn({ sqlite }, period.endsOn),
      waitMedian: stats.median,
      waitP90: percentile(waits, 0.9),
      offeredWithin91: stats.within91,
      allocated: allocations.length,
      instroomShare: ratio(
        allocations.filter((a) => a.flow === 'instroom').length,
        allocations.length,
      ),
      byWijk: count(allocations.map((a) => WIJK.label(a.wijk))),
      byTargetGroup: count(allocations.map((a) => TARGET_GROUP.label(a.targetGroup))),
      byCareProvider: count(allocations.map((a) => providers.get(a.careProviderId) ?? '?')),
    }
  })
}

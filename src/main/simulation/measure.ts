import type { QuarterKey } from '../../shared/domain/quarter'
import { TARGET_GROUP, WIJK, type TargetGroup, type Wijk } from '../../shared/domain/vocabulary'
import type { SqliteStore } from '../db/connection'
import { daysBetween } from '../reports/figures-data'
import { resolvePeriod } from '../reports/period'
import { percentile, ratio, waitStats } from '../reports/stats'

/**
 * What a quarter looked like, by the report's own definitions (figures-data.ts and stats.ts): the
 * wait is registration → first offer, for the first offers made in the quarter; placements belong
 * to the quarter the dwelling was submitted for. Measured the same way on a simulated run, on a
 * copy of the database and on the real history, so the backtest compares like with like.
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

/** A client as the waiting list on a past day sees it. */
export interface ListedClient {
  registeredOn: string
  status: string
  statusSince: string
}

/** An allocation as the outcome counts it: in the quarter its dwelling was submitted for. */
export interface CountedAllocation {
  quarterKey: string
  wijk: Wijk
  flow: string
  careProviderId: number
  targetGroup: TargetGroup
}

/** What the outcome is measured from, read from a database or from a run's state. */
export interface Measured {
  /** How many waited at the end of `day` (see `waits`), for each quarter's last day. */
  waitingListOn: (day: string) => number
  /** Each client's first offer ever, with the client's registration (figures-data firstOffersIn). */
  firstOffers: readonly { registeredOn: string; offeredOn: string }[]
  allocations: readonly CountedAllocation[]
  providers: ReadonlyMap<number, string>
}

const WAITING = new Set(['wachtend', 'voorgedragen'])

/**
 * On the waiting list at the end of `day`, read back from today's status: registered by then, and
 * still waiting, or left the list only after that day.
 */
export function waits(client: ListedClient, day: string): boolean {
  return client.registeredOn <= day && (WAITING.has(client.status) || client.statusSince > day)
}

/** The quarters' outcomes from what was measured. */
export function quarterOutcomes(measured: Measured, keys: readonly QuarterKey[]): QuarterOutcome[] {
  const count = (labels: string[]) => {
    const out: Record<string, number> = {}
    for (const k of labels) out[k] = (out[k] ?? 0) + 1
    return out
  }
  return keys.map((key) => {
    const period = resolvePeriod({ quarter: key })
    const waitDays = measured.firstOffers
      .filter((o) => o.offeredOn >= period.startsOn && o.offeredOn <= period.endsOn)
      .map((o) => daysBetween(o.registeredOn, o.offeredOn))
    const stats = waitStats(waitDays)
    const allocations = measured.allocations.filter((a) => a.quarterKey === key)
    return {
      quarter: key,
      waitingList: measured.waitingListOn(period.endsOn),
      waitMedian: stats.median,
      waitP90: percentile(waitDays, 0.9),
      offeredWithin91: stats.within91,
      allocated: allocations.length,
      instroomShare: ratio(
        allocations.filter((a) => a.flow === 'instroom').length,
        allocations.length,
      ),
      byWijk: count(allocations.map((a) => WIJK.label(a.wijk))),
      byTargetGroup: count(allocations.map((a) => TARGET_GROUP.label(a.targetGroup))),
      byCareProvider: count(
        allocations.map((a) => measured.providers.get(a.careProviderId) ?? '?'),
      ),
    }
  })
}

/** Each client's first offer: the earliest `offeredOn` per client, with its registration. */
export function firstOffers(
  offers: Iterable<{ clientId: number; offeredOn: string }>,
  registeredOn: (clientId: number) => string,
): { registeredOn: string; offeredOn: string }[] {
  const first = new Map<number, string>()
  for (const o of offers) {
    const known = first.get(o.clientId)
    if (known === undefined || o.offeredOn < known) first.set(o.clientId, o.offeredOn)
  }
  return [...first].map(([clientId, offeredOn]) => ({
    registeredOn: registeredOn(clientId),
    offeredOn,
  }))
}

/** What a database holds, read once for all the quarters: clients, offers, allocations. */
export function measuredIn({ sqlite }: Pick<SqliteStore, 'sqlite'>, keys: readonly QuarterKey[]) {
  const clients = new Map(
    (
      sqlite
        .prepare(
          'SELECT id, registered_on AS registeredOn, status, status_since AS statusSince FROM clients',
        )
        .all() as (ListedClient & { id: number })[]
    ).map((c) => [c.id, c]),
  )
  const offers = sqlite
    .prepare('SELECT client_id AS clientId, offered_on AS offeredOn FROM offers')
    .all() as { clientId: number; offeredOn: string }[]
  const allocations = sqlite
    .prepare(
      `SELECT d.quarter_key AS quarterKey, d.wijk, c.flow, c.care_provider_id AS careProviderId,
         c.target_group AS targetGroup
       FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id JOIN clients c ON c.id = a.client_id
       WHERE d.quarter_key IN (${keys.map(() => '?').join(', ')})`,
    )
    .all(...keys) as CountedAllocation[]
  const providers = new Map(
    (
      sqlite.prepare('SELECT id, name FROM care_providers').all() as { id: number; name: string }[]
    ).map((p) => [p.id, p.name]),
  )
  return {
    clients,
    measured: {
      waitingListOn: (day: string) => {
        let n = 0
        for (const c of clients.values()) if (waits(c, day)) n++
        return n
      },
      firstOffers: firstOffers(offers, (id) => clients.get(id)!.registeredOn),
      allocations,
      providers,
    } satisfies Measured,
  }
}

/** The quarters as a database holds them (a copy after a run, or the real history). */
export function measureQuarters(
  store: Pick<SqliteStore, 'sqlite'>,
  keys: readonly QuarterKey[],
): QuarterOutcome[] {
  return quarterOutcomes(measuredIn(store, keys).measured, keys)
}

import { subYears } from 'date-fns'
import { and, eq, gte, inArray, notInArray, count } from 'drizzle-orm'
import type { TargetGroup } from '../../shared/domain/vocabulary'
import type { DbOrTx } from '../db/connection'
import {
  allocations,
  careProviders,
  clients,
  shortlistCandidates,
  shortlists,
  yearTargets,
} from '../db/schema'
import type { EligibilityContext } from '../domain/eligibility'
import { pairKey, type ClientFacts, type DwellingFacts } from '../domain/facts'
import { complexKey } from '../domain/spreading'
import {
  DEFAULT_WEIGHTS,
  groupStandings,
  groupTotals,
  providerStanding,
  type GroupTotal,
  type ProviderStanding,
  type RankingContext,
} from '../domain/ranking'
import { clientFactColumns, listClientFacts, wijkList } from '../repositories/clients'
import { dwellingFactColumns, listDwellingFacts } from '../repositories/dwellings'
import { OPEN_SHORTLIST, openShortlistCounts } from '../repositories/shortlists'
import type { ServiceContext } from './context'
import { getSettings } from './planning-service'
import { complexStopContext, spreadingState, type SpreadingState } from './spreading-service'
import { localIsoDate } from '../../shared/domain/dates'

/**
 * Copies a row's values into a new object one key at a time, in the order of `keys`: every fact of
 * a kind gets the same properties in the same order, so V8 gives them all one hidden class and the
 * rules' property reads in the batch's millions of pairs stay fast (a spread of the row gave
 * nearly every client a shape of its own, 4× slower). The object starts empty: keyed stores into a
 * literal that already had properties turned it into a slow dictionary.
 */
function copied<F>(row: F, keys: readonly (keyof F)[]): F {
  const fact = {} as F
  for (const key of keys) fact[key] = row[key]
  return fact
}

/** A fixed key list: the columns read for a fact, without those the loader works out itself. */
function keysExcept<K extends string, X extends K>(columns: Record<K, unknown>, worked: X[]) {
  return Object.keys(columns).filter((key) => !worked.includes(key as X)) as Exclude<K, X>[]
}

type WorkedClientFacts = 'preferredWijken' | 'excludedWijken' | 'openShortlists'
const CLIENT_COPIED = keysExcept(clientFactColumns, ['preferredWijken', 'excludedWijken'])

/**
 * Clients as matching sees them; `ids` limits the set (for a why-not of one client), else the
 * waiting list. Every field of the definition matching reads is copied; the wijk lists are parsed.
 */
export async function loadClientFacts(
  db: DbOrTx,
  ids?: number[],
  openGiven?: ReadonlyMap<number, number>,
): Promise<ClientFacts[]> {
  const open = openGiven ?? (await openShortlistCounts(db, ids))
  if (ids?.length === 0) return []
  return (await listClientFacts(db, ids)).map((c) => clientFacts(c, open.get(c.id) ?? 0))
}

/** One client's row as matching sees it (also a client the Vooruitblik registers in memory). */
export function clientFacts(
  row: Pick<
    Awaited<ReturnType<typeof listClientFacts>>[number],
    (typeof CLIENT_COPIED)[number] | 'preferredWijken' | 'excludedWijken'
  >,
  openShortlists: number,
): ClientFacts {
  const fact = copied<Omit<ClientFacts, WorkedClientFacts>>(row, CLIENT_COPIED) as ClientFacts
  fact.preferredWijken = wijkList(row.preferredWijken)
  fact.excludedWijken = wijkList(row.excludedWijken)
  fact.openShortlists = openShortlists
  return fact
}

const DWELLING_COPIED = keysExcept(dwellingFactColumns, ['address', 'complex'])

/**
 * Dwellings as matching sees them, copied the same way (one hidden class, as for the clients).
 * A dwelling's complex is its key for the stop: the complex name, else street and house number.
 */
export async function loadDwellingFacts(db: DbOrTx, ids: number[]): Promise<DwellingFacts[]> {
  if (ids.length === 0) return []
  return (await listDwellingFacts(db, ids)).map(dwellingFacts)
}

/** One dwelling's row as matching sees it (also a dwelling the Vooruitblik submits in memory). */
export function dwellingFacts(
  row: Pick<
    Awaited<ReturnType<typeof listDwellingFacts>>[number],
    (typeof DWELLING_COPIED)[number] | 'address' | 'complex'
  >,
): DwellingFacts {
  const fact = copied<Omit<DwellingFacts, 'complex'>>(row, DWELLING_COPIED) as DwellingFacts
  fact.complex = complexKey(row)
  return fact
}

/**
 * Every client already on a shortlist for these dwellings: never presented there again. The
 * current open round can be left out, so a why-not for its own candidates says "on an open
 * shortlist" rather than "presented before".
 */
export async function earlierPairs(
  db: DbOrTx,
  dwellingIds: number[],
  includeOpen = true,
): Promise<Set<string>> {
  if (dwellingIds.length === 0) return new Set()
  const rows = await db
    .select({ dwellingId: shortlists.dwellingId, clientId: shortlistCandidates.clientId })
    .from(shortlistCandidates)
    .innerJoin(shortlists, eq(shortlists.id, shortlistCandidates.shortlistId))
    .where(
      and(
        inArray(shortlists.dwellingId, dwellingIds),
        includeOpen ? undefined : notInArray(shortlists.status, [...OPEN_SHORTLIST]),
      ),
    )
  return new Set(rows.map((r) => pairKey(r.dwellingId, r.clientId)))
}

export async function eligibilityContext(
  ctx: ServiceContext,
  db: DbOrTx,
  dwellingIds: number[],
  includeOpenRound = true,
  spreadingGiven?: SpreadingState,
): Promise<EligibilityContext> {
  const spreading = spreadingGiven ?? (await spreadingState(db, ctx.now()))
  const year = ctx.now().getFullYear()
  const settings = (await getSettings(ctx, year)).values
  return {
    year,
    youngMaxRent: settings.youngMaxRent,
    maxOpenShortlists: settings.maxOpenShortlists,
    earlierPairs: await earlierPairs(db, dwellingIds, includeOpenRound),
    complexStop: await complexStopContext(db, spreading, dwellingIds),
  }
}

async function providerStandings(db: DbOrTx, today: Date): Promise<Map<number, ProviderStanding>> {
  const year = today.getFullYear()
  const target =
    (await db.select().from(yearTargets).where(eq(yearTargets.year, year)).limit(1))[0]?.target ?? 0
  const allocated = new Map(
    (
      await db
        .select({ providerId: clients.careProviderId, n: count() })
        .from(allocations)
        .innerJoin(clients, eq(clients.id, allocations.clientId))
        .where(gte(allocations.startsOn, `${year}-01-01`))
        .groupBy(clients.careProviderId)
    ).map((r) => [r.providerId, r.n]),
  )
  const standings = new Map<number, ProviderStanding>()
  for (const p of await db.select().from(careProviders))
    standings.set(p.id, providerStanding(p, target, today, allocated.get(p.id) ?? 0))
  return standings
}

/** Each target group's share of the allocations of the past year. */
async function recentShares(db: DbOrTx, today: Date): Promise<Map<TargetGroup, number>> {
  const recent = await db
    .select({ group: clients.targetGroup, n: count() })
    .from(allocations)
    .innerJoin(clients, eq(clients.id, allocations.clientId))
    .where(gte(allocations.startsOn, localIsoDate(subYears(today, 1))))
    .groupBy(clients.targetGroup)
  const total = recent.reduce((sum, r) => sum + r.n, 0)
  return new Map(recent.map((r) => [r.group, total === 0 ? 0 : r.n / total]))
}

/**
 * What ranking takes from the history rather than the waiting list: spreading, the providers'
 * standing and the groups' recent allocations. It changes only with allocations, dwellings'
 * places, settings and figures, so the waiting state keeps it while only the waiting list moves.
 */
export interface RankingHistory {
  spreading: SpreadingState
  providers: Map<number, ProviderStanding>
  recentShares: Map<TargetGroup, number>
}

export async function rankingHistory(ctx: ServiceContext, db: DbOrTx): Promise<RankingHistory> {
  const today = ctx.now()
  return {
    spreading: await spreadingState(db, today),
    providers: await providerStandings(db, today),
    recentShares: await recentShares(db, today),
  }
}

export async function rankingContext(
  ctx: ServiceContext,
  db: DbOrTx,
  waiting: readonly ClientFacts[],
  historyGiven?: RankingHistory,
  totals: ReadonlyMap<TargetGroup, GroupTotal> = groupTotals(ctx.now(), waiting),
): Promise<RankingContext> {
  const history = historyGiven ?? (await rankingHistory(ctx, db))
  const today = ctx.now()
  return {
    today,
    weights: DEFAULT_WEIGHTS,
    balanceDays: (await getSettings(ctx, today.getFullYear())).values.maxBalanceDays,
    providers: history.providers,
    groups: groupStandings(totals, history.recentShares),
    wijkLoad: history.spreading.wijkLoad,
    complexPlacements: history.spreading.complexPlacements,
    complexStop: history.spreading.stop.placements,
  }
}

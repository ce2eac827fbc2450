import { differenceInCalendarDays, getDayOfYear, parseISO, subYears } from 'date-fns'
import { and, eq, gte, inArray, notInArray, sql } from 'drizzle-orm'
import { WIJK_STOCK_SHARE } from '../../shared/domain/wijk-stock'
import type { TargetGroup, Wijk } from '../../shared/domain/vocabulary'
import type { DbOrTx } from '../db/connection'
import {
  allocations,
  careProviders,
  clients,
  dwellings,
  shortlistCandidates,
  shortlists,
  yearTargets,
} from '../db/schema'
import type { EligibilityContext } from '../domain/eligibility'
import { pairKey, type ClientFacts, type DwellingFacts } from '../domain/facts'
import {
  DEFAULT_WEIGHTS,
  groupPressures,
  wijkLoads,
  type GroupStanding,
  type ProviderStanding,
  type RankingContext,
} from '../domain/ranking'
import type { ServiceContext } from './context'
import { getSettings } from './planning-service'
import { localIsoDate } from '../../shared/domain/dates'

/** Open shortlists: made but not yet decided; a client on one is not free for another. */
export const OPEN_SHORTLIST = ['concept', 'voorgedragen'] as const

const clientColumns = {
  id: clients.id,
  code: clients.code,
  careProviderId: clients.careProviderId,
  targetGroup: clients.targetGroup,
  flow: clients.flow,
  registeredOn: clients.registeredOn,
  adults: clients.adults,
  children: clients.children,
  birthYear: clients.birthYear,
  maxRent: clients.maxRent,
  minRooms: clients.minRooms,
  needsGroundFloorOrLift: clients.needsGroundFloorOrLift,
  needsWheelchair: clients.needsWheelchair,
  needsLowStimulus: clients.needsLowStimulus,
  preferredWijken: clients.preferredWijken,
  excludedWijken: clients.excludedWijken,
  exclusionForSafety: clients.exclusionForSafety,
  supportIntensity: clients.supportIntensity,
  status: clients.status,
}

export const dwellingFactColumns = {
  id: dwellings.id,
  corporationId: dwellings.corporationId,
  wijk: dwellings.wijk,
  complex: dwellings.complex,
  type: dwellings.type,
  selfContained: dwellings.selfContained,
  rooms: dwellings.rooms,
  floor: dwellings.floor,
  hasLift: dwellings.hasLift,
  wheelchairAccessible: dwellings.wheelchairAccessible,
  lowStimulus: dwellings.lowStimulus,
  netRent: dwellings.netRent,
  suitableFor: dwellings.suitableFor,
  flipPossible: dwellings.flipPossible,
}

function openShortlistCounts(db: DbOrTx): Map<number, number> {
  const rows = db
    .select({ clientId: shortlistCandidates.clientId, n: sql<number>`count(*)` })
    .from(shortlistCandidates)
    .innerJoin(shortlists, eq(shortlists.id, shortlistCandidates.shortlistId))
    .where(
      and(
        inArray(shortlists.status, [...OPEN_SHORTLIST]),
        eq(shortlistCandidates.decision, 'open'),
      ),
    )
    .groupBy(shortlistCandidates.clientId)
    .all()
  return new Map(rows.map((r) => [r.clientId, r.n]))
}

/** Clients as matching sees them; `ids` limits the set (for a why-not of one client), else the waiting list. */
export function loadClientFacts(db: DbOrTx, ids?: number[]): ClientFacts[] {
  const open = openShortlistCounts(db)
  return db
    .select(clientColumns)
    .from(clients)
    .where(ids ? inArray(clients.id, ids) : eq(clients.status, 'wachtend'))
    .all()
    .map((c) => ({
      ...c,
      preferredWijken: JSON.parse(c.preferredWijken) as Wijk[],
      excludedWijken: JSON.parse(c.excludedWijken) as Wijk[],
      openShortlists: open.get(c.id) ?? 0,
    }))
}

export function loadDwellingFacts(db: DbOrTx, ids: number[]): DwellingFacts[] {
  if (ids.length === 0) return []
  return db.select(dwellingFactColumns).from(dwellings).where(inArray(dwellings.id, ids)).all()
}

/**
 * Every client already on a shortlist for these dwellings: never presented there again. The
 * current open round can be left out, so a why-not for its own candidates says "on an open
 * shortlist" rather than "presented before".
 */
export function earlierPairs(db: DbOrTx, dwellingIds: number[], includeOpen = true): Set<string> {
  if (dwellingIds.length === 0) return new Set()
  const rows = db
    .select({ dwellingId: shortlists.dwellingId, clientId: shortlistCandidates.clientId })
    .from(shortlistCandidates)
    .innerJoin(shortlists, eq(shortlists.id, shortlistCandidates.shortlistId))
    .where(
      and(
        inArray(shortlists.dwellingId, dwellingIds),
        includeOpen ? undefined : notInArray(shortlists.status, [...OPEN_SHORTLIST]),
      ),
    )
    .all()
  return new Set(rows.map((r) => pairKey(r.dwellingId, r.clientId)))
}

export function eligibilityContext(
  ctx: ServiceContext,
  db: DbOrTx,
  dwellingIds: number[],
  includeOpenRound = true,
): EligibilityContext {
  const year = ctx.now().getFullYear()
  const settings = getSettings(ctx, year).values
  return {
    year,
    youngMaxRent: settings.youngMaxRent,
    maxOpenShortlists: settings.maxOpenShortlists,
    earlierPairs: earlierPairs(db, dwellingIds, includeOpenRound),
  }
}

function providerStandings(db: DbOrTx, today: Date): Map<number, ProviderStanding> {
  const year = today.getFullYear()
  const target = db.select().from(yearTargets).where(eq(yearTargets.year, year)).get()?.target ?? 0
  // Early in the year a few allocations would swing the balance wildly: judge on at least a quarter.
  const elapsed = Math.max(0.25, getDayOfYear(today) / 365)
  const allocated = new Map(
    db
      .select({ providerId: clients.careProviderId, n: sql<number>`count(*)` })
      .from(allocations)
      .innerJoin(clients, eq(clients.id, allocations.clientId))
      .where(gte(allocations.startsOn, `${year}-01-01`))
      .groupBy(clients.careProviderId)
      .all()
      .map((r) => [r.providerId, r.n]),
  )
  const standings = new Map<number, ProviderStanding>()
  for (const p of db.select().from(careProviders).all()) {
    const perYear = p.contingentDwellings ?? (p.contingentShare ?? 0) * target
    standings.set(p.id, {
      name: p.name,
      expected: perYear * elapsed,
      allocated: allocated.get(p.id) ?? 0,
    })
  }
  return standings
}

function groupStandings(
  db: DbOrTx,
  today: Date,
  waiting: ClientFacts[],
): Map<TargetGroup, GroupStanding> {
  const since = localIsoDate(subYears(today, 1))
  const recent = db
    .select({ group: clients.targetGroup, n: sql<number>`count(*)` })
    .from(allocations)
    .innerJoin(clients, eq(clients.id, allocations.clientId))
    .where(gte(allocations.startsOn, since))
    .groupBy(clients.targetGroup)
    .all()
  const recentTotal = recent.reduce((sum, r) => sum + r.n, 0)
  const stats = new Map<TargetGroup, Omit<GroupStanding, 'pressure'>>()
  for (const client of waiting) {
    const s = stats.get(client.targetGroup) ?? { waiting: 0, averageWaitDays: 0, recentShare: 0 }
    const days = differenceInCalendarDays(today, parseISO(client.registeredOn))
    s.averageWaitDays = (s.averageWaitDays * s.waiting + days) / (s.waiting + 1)
    s.waiting += 1
    stats.set(client.targetGroup, s)
  }
  for (const r of recent) {
    const s = stats.get(r.group)
    if (s) s.recentShare = recentTotal === 0 ? 0 : r.n / recentTotal
  }
  return groupPressures(stats)
}

/** Placements of the last three years, by wijk and by complex: what spreading weighs. */
function placements(db: DbOrTx, today: Date) {
  const since = localIsoDate(subYears(today, 3))
  const rows = db
    .select({ wijk: dwellings.wijk, complex: dwellings.complex })
    .from(allocations)
    .innerJoin(dwellings, eq(dwellings.id, allocations.dwellingId))
    .where(gte(allocations.startsOn, since))
    .all()
  const byWijk = new Map<Wijk, number>()
  const byComplex = new Map<string, number>()
  for (const r of rows) {
    byWijk.set(r.wijk, (byWijk.get(r.wijk) ?? 0) + 1)
    if (r.complex) byComplex.set(r.complex, (byComplex.get(r.complex) ?? 0) + 1)
  }
  return { wijkLoad: wijkLoads(byWijk, WIJK_STOCK_SHARE), complexPlacements: byComplex }
}

export function rankingContext(
  ctx: ServiceContext,
  db: DbOrTx,
  waiting: ClientFacts[],
): RankingContext {
  const today = ctx.now()
  return {
    today,
    weights: DEFAULT_WEIGHTS,
    balanceDays: getSettings(ctx, today.getFullYear()).values.maxBalanceDays,
    providers: providerStandings(db, today),
    groups: groupStandings(db, today, waiting),
    ...placements(db, today),
  }
}

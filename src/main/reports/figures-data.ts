import { and, asc, between, count, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Period } from '../../shared/api/report-figures'
import type { DbOrTx } from '../db/connection'
import { jsonKeyEquals } from '../db/dialect'
import {
  allocations,
  careProviders,
  clients,
  corporations,
  dwellings,
  offers,
  quarters,
  shortlistCandidates,
  shortlists,
  yearTargets,
} from '../db/schema'

/**
 * The rows the figures are computed from, read once per period. Plain rows, no arithmetic: what
 * counts as what is decided in figures.ts.
 */
export async function loadPeriodData(db: DbOrTx, period: Period) {
  const inPeriod = inArray(dwellings.quarterKey, period.quarters)
  const dwellingRows = await db
    .select({
      id: dwellings.id,
      corporationId: dwellings.corporationId,
      wijk: dwellings.wijk,
      status: dwellings.status,
      shortNote: dwellings.shortNote,
    })
    .from(dwellings)
    .where(inPeriod)
  const presentedRounds = await db
    .select({
      id: shortlists.id,
      dwellingId: shortlists.dwellingId,
      round: shortlists.round,
      status: shortlists.status,
      presentedAt: shortlists.presentedAt,
      decidedAt: shortlists.decidedAt,
    })
    .from(shortlists)
    .innerJoin(dwellings, eq(dwellings.id, shortlists.dwellingId))
    .where(and(inPeriod, isNotNull(shortlists.presentedAt)))
  const presentedCandidates = await db
    .select({
      dwellingId: shortlists.dwellingId,
      clientId: shortlistCandidates.clientId,
      careProviderId: clients.careProviderId,
      decision: shortlistCandidates.decision,
      reason: shortlistCandidates.decisionReason,
      decidedByBalance: shortlistCandidates.decidedByBalance,
    })
    .from(shortlistCandidates)
    .innerJoin(shortlists, eq(shortlists.id, shortlistCandidates.shortlistId))
    .innerJoin(dwellings, eq(dwellings.id, shortlists.dwellingId))
    .innerJoin(clients, eq(clients.id, shortlistCandidates.clientId))
    .where(and(inPeriod, isNotNull(shortlists.presentedAt)))
  const allocationRows = await db
    .select({
      dwellingId: allocations.dwellingId,
      corporationId: dwellings.corporationId,
      wijk: dwellings.wijk,
      submittedOn: dwellings.submittedOn,
      startsOn: allocations.startsOn,
      flow: clients.flow,
      careProviderId: clients.careProviderId,
      supportIntensity: clients.supportIntensity,
    })
    .from(allocations)
    .innerJoin(dwellings, eq(dwellings.id, allocations.dwellingId))
    .innerJoin(clients, eq(clients.id, allocations.clientId))
    .where(inPeriod)
  const declinedOffers = await db
    .select({
      offerId: offers.id,
      // Written in the same transaction as the decline: the offer used up the one-time offer.
      usedOneTimeOffer: sql<number>`CASE WHEN exists (
        SELECT 1 FROM audit_events e WHERE e.action = 'client:oneTimeOfferUsed'
          AND ${jsonKeyEquals(db, sql`e.details`, 'offerId', offers.id)}) THEN 1 ELSE 0 END`,
    })
    .from(offers)
    .innerJoin(dwellings, eq(dwellings.id, offers.dwellingId))
    .where(and(inPeriod, eq(offers.outcome, 'geweigerd')))
  return {
    dwellings: dwellingRows,
    declinedOffers,
    presentedRounds,
    presentedCandidates,
    allocations: allocationRows,
    firstOffers: await firstOffersIn(db, period),
    registrations: await registrationsIn(db, period),
    waitingListNow:
      (
        await db
          .select({ n: count() })
          .from(clients)
          .where(inArray(clients.status, ['wachtend', 'voorgedragen']))
          .limit(1)
      )[0]?.n ?? 0,
    corporations: await db.select().from(corporations).orderBy(asc(corporations.name)),
    careProviders: await db.select().from(careProviders).orderBy(asc(careProviders.name)),
    target:
      (await db.select().from(yearTargets).where(eq(yearTargets.year, period.year)).limit(1))[0] ??
      null,
    openQuarters: (
      await db
        .select({ key: quarters.key })
        .from(quarters)
        .where(inArray(quarters.key, period.quarters))
        .orderBy(asc(quarters.key))
    ).map((q) => q.key),
  }
}
export type PeriodData = Awaited<ReturnType<typeof loadPeriodData>>

/** Each client's first offer ever, for those whose first offer fell in the period. */
async function firstOffersIn(db: DbOrTx, period: Period) {
  const first = db
    .select({
      clientId: offers.clientId,
      offeredOn: sql<string>`min(${offers.offeredOn})`.as('first_offered_on'),
    })
    .from(offers)
    .groupBy(offers.clientId)
    .as('first_offers')
  return await db
    .select({
      clientId: first.clientId,
      offeredOn: first.offeredOn,
      registeredOn: clients.registeredOn,
      targetGroup: clients.targetGroup,
      careProviderId: clients.careProviderId,
    })
    .from(first)
    .innerJoin(clients, eq(clients.id, first.clientId))
    .where(between(first.offeredOn, period.startsOn, period.endsOn))
}

async function registrationsIn(db: DbOrTx, period: Period): Promise<Map<number, number>> {
  return new Map(
    (
      await db
        .select({ careProviderId: clients.careProviderId, n: count() })
        .from(clients)
        .where(between(clients.registeredOn, period.startsOn, period.endsOn))
        .groupBy(clients.careProviderId)
    ).map((r) => [r.careProviderId, r.n]),
  )
}

/** Calendar days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`)
  return Math.round((day(to) - day(from)) / 86_400_000)
}

import { differenceInCalendarDays, parseISO } from 'date-fns'
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm'
import type {
  BoardRow,
  DwellingMatching,
  PoolEntry,
  ScorePartView,
  Shortlist,
} from '../../shared/api'
import { ApiError } from '../../shared/api'
import type { QuarterKey } from '../../shared/domain/quarter'
import type { DbOrTx } from '../db/connection'
import {
  careProviders,
  clients,
  corporations,
  dwellings,
  offers,
  shortlistCandidates,
  shortlists,
} from '../db/schema'
import { isEligible, whyNot } from '../domain/eligibility'
import { compareCandidates } from '../domain/shortlist-batch'
import { scoreTotal, waitingDays } from '../domain/ranking'
import { DWELLING_RULES, nextSteps, OFFER_RULES, ROUND_RULES } from '../domain/workflow'
import type { ServiceContext } from './context'
import { eligibilityContext, loadClientFacts, loadDwellingFacts } from './matching-facts'
import { offerOutcomeColumns } from '../repositories/offers'
import {
  OPEN_SHORTLIST,
  candidateDecisionColumns,
  currentRoundOf,
  roundsOf,
} from '../repositories/shortlists'
import { waitingState } from './waiting-state'

/** What the Voordrachten screen lists: a quarter's dwellings with their latest round. */
export async function board(ctx: ServiceContext, quarter: QuarterKey): Promise<BoardRow[]> {
  const db = ctx.store.db
  const rows = await db
    .select({
      dwellingId: dwellings.id,
      corporation: corporations.name,
      address: dwellings.address,
      wijk: dwellings.wijk,
      rooms: dwellings.rooms,
      netRent: dwellings.netRent,
      status: dwellings.status,
      shortNote: dwellings.shortNote,
    })
    .from(dwellings)
    .innerJoin(corporations, eq(corporations.id, dwellings.corporationId))
    .where(eq(dwellings.quarterKey, quarter))
    .orderBy(asc(corporations.name), asc(dwellings.address))
  const latest = new Map<
    number,
    { id: number; round: number; status: BoardRow['shortlistStatus']; pool: number }
  >()
  const lists = await db
    .select()
    .from(shortlists)
    .where(
      inArray(
        shortlists.dwellingId,
        rows.map((r) => r.dwellingId),
      ),
    )
    .orderBy(asc(shortlists.round))
  for (const s of lists)
    latest.set(s.dwellingId, {
      id: s.id,
      round: s.round,
      status: s.status,
      pool: s.eligiblePoolSize,
    })
  const codes = new Map<number, string[]>()
  const latestIds = [...latest.values()].map((l) => l.id)
  if (latestIds.length > 0) {
    for (const c of await db
      .select({ shortlistId: shortlistCandidates.shortlistId, code: clients.code })
      .from(shortlistCandidates)
      .innerJoin(clients, eq(clients.id, shortlistCandidates.clientId))
      .where(inArray(shortlistCandidates.shortlistId, latestIds))
      .orderBy(asc(shortlistCandidates.position))) {
      codes.set(c.shortlistId, [...(codes.get(c.shortlistId) ?? []), c.code])
    }
  }
  return rows.map((row) => {
    const l = latest.get(row.dwellingId)
    return {
      ...row,
      round: l?.round ?? null,
      shortlistId: l?.id ?? null,
      shortlistStatus: l?.status ?? null,
      candidates: l ? (codes.get(l.id) ?? []) : [],
      eligiblePoolSize: l?.pool ?? null,
    }
  })
}

/** Every round for one dwelling, with each candidate's frozen score parts and the corporation's decisions. */
export async function dwellingMatching(
  ctx: ServiceContext,
  db: DbOrTx,
  dwellingId: number,
): Promise<DwellingMatching> {
  const dwelling = (
    await db
      .select({ status: dwellings.status, flipPossible: dwellings.flipPossible })
      .from(dwellings)
      .where(eq(dwellings.id, dwellingId))
      .limit(1)
  )[0]
  if (!dwelling) throw new ApiError('not-found', 'Deze woning bestaat niet (meer)')
  const today = ctx.now()
  const rounds = await roundsOf(db, dwellingId)
  const candidates = rounds.length
    ? await db
        .select({
          id: shortlistCandidates.id,
          shortlistId: shortlistCandidates.shortlistId,
          clientId: shortlistCandidates.clientId,
          code: clients.code,
          careProvider: careProviders.name,
          targetGroup: clients.targetGroup,
          flow: clients.flow,
          registeredOn: clients.registeredOn,
          ...candidateDecisionColumns,
        })
        .from(shortlistCandidates)
        .innerJoin(clients, eq(clients.id, shortlistCandidates.clientId))
        .innerJoin(careProviders, eq(careProviders.id, clients.careProviderId))
        .where(
          inArray(
            shortlistCandidates.shortlistId,
            rounds.map((r) => r.id),
          ),
        )
        .orderBy(asc(shortlistCandidates.position))
    : []
  const offerRows = await db
    .select({
      id: offers.id,
      clientId: offers.clientId,
      code: clients.code,
      ...offerOutcomeColumns,
    })
    .from(offers)
    .innerJoin(clients, eq(clients.id, offers.clientId))
    .where(eq(offers.dwellingId, dwellingId))
    .orderBy(desc(offers.id))
  return {
    dwellingId,
    status: dwelling.status,
    flipPossible: dwelling.flipPossible,
    next: nextSteps(DWELLING_RULES, dwelling),
    rounds: rounds.map((r): Shortlist => ({
      id: r.id,
      round: r.round,
      status: r.status,
      eligiblePoolSize: r.eligiblePoolSize,
      presentedAt: r.presentedAt,
      decidedAt: r.decidedAt,
      rejectionMotivation: r.rejectionMotivation,
      candidates: candidates
        .filter((c) => c.shortlistId === r.id)
        .map(({ shortlistId: _s, scoreParts, registeredOn, ...c }) => ({
          ...c,
          waitingDays: differenceInCalendarDays(today, parseISO(registeredOn)),
          parts: JSON.parse(scoreParts) as ScorePartView[],
        })),
      next: nextSteps(ROUND_RULES, r),
    })),
    offers: offerRows.map((o) => ({ ...o, next: nextSteps(OFFER_RULES, o) })),
  }
}

/** How many were eligible when the dwelling's latest round was made. */
async function latestPool(db: DbOrTx, dwellingId: number): Promise<number | undefined> {
  return (await currentRoundOf(db, dwellingId))?.eligiblePoolSize
}

/**
 * Where the quarter's assignment put a client instead: their open lists for other dwellings, and
 * whether fewer were eligible there (the reason the assignment needed them there).
 */
async function elsewhere(db: DbOrTx, clientId: number, dwellingId: number, here: number) {
  const lists = await db
    .select({ address: dwellings.address, pool: shortlists.eligiblePoolSize })
    .from(shortlistCandidates)
    .innerJoin(shortlists, eq(shortlists.id, shortlistCandidates.shortlistId))
    .innerJoin(dwellings, eq(dwellings.id, shortlists.dwellingId))
    .where(
      and(
        eq(shortlistCandidates.clientId, clientId),
        eq(shortlistCandidates.decision, 'open'),
        inArray(shortlists.status, [...OPEN_SHORTLIST]),
        ne(shortlists.dwellingId, dwellingId),
      ),
    )
  if (lists.length === 0) return null
  return lists
    .map(
      (l) =>
        `Staat op de voordracht voor ${l.address}` +
        (l.pool < here
          ? `, waar minder kandidaten in aanmerking kwamen (${l.pool} tegen ${here} hier)`
          : ''),
    )
    .join('; ')
}

/**
 * The dwelling's pool: eligible waiting clients by score, and — for a search on a client code —
 * anyone at all with the reasons they are not eligible (the UI's "why not").
 */
export async function pool(
  ctx: ServiceContext,
  dwellingId: number,
  search?: string,
): Promise<{ eligible: number; entries: PoolEntry[] }> {
  const db = ctx.store.db
  const [dwelling] = await loadDwellingFacts(db, [dwellingId])
  if (!dwelling) throw new ApiError('not-found', 'Deze woning bestaat niet (meer)')
  const { waiting, ranking, history, scoreTotal: score } = await waitingState(ctx)
  const eligibility = await eligibilityContext(ctx, db, [dwellingId], false, history.spreading)
  const eligible = waiting
    .filter((c) => isEligible(c, dwelling, eligibility))
    .map((client) => ({ client, total: score(client, dwelling) }))
    .sort(compareCandidates)
  const searched = search
    ? (
        await db
          .select({ id: clients.id })
          .from(clients)
          .where(and(eq(clients.code, search.toUpperCase())))
      ).map((r) => r.id)
    : []
  const subjects = search
    ? (await loadClientFacts(db, searched)).map((client) => ({
        client,
        total: null as number | null,
      }))
    : eligible.slice(0, 50)
  const providers = new Map(
    (await db.select({ id: careProviders.id, name: careProviders.name }).from(careProviders)).map(
      (p) => [p.id, p.name],
    ),
  )
  const here = (await latestPool(db, dwellingId)) ?? eligible.length
  const entries = []
  for (const { client, total } of subjects) {
    const failures = []
    for (const f of whyNot(client, dwelling, eligibility))
      failures.push(
        f.rule === 'available'
          ? { ...f, reason: (await elsewhere(db, client.id, dwellingId, here)) ?? f.reason }
          : f,
      )
    entries.push({
      clientId: client.id,
      code: client.code,
      careProvider: providers.get(client.careProviderId) ?? '',
      targetGroup: client.targetGroup,
      waitingDays: waitingDays(client, ctx.now()),
      eligible: failures.length === 0,
      score: failures.length === 0 ? (total ?? scoreTotal(client, dwelling, ranking)) : null,
      rank:
        failures.length === 0
          ? eligible.findIndex((e) => e.client.id === client.id) + 1 || null
          : null,
      whyNot: failures,
    })
  }
  return { eligible: eligible.length, entries }
}

import { and, eq, inArray, max } from 'drizzle-orm'
import type { ClientStatus, DwellingStatus } from '../../shared/domain/vocabulary'
import type { DbOrTx, Tx } from '../db/connection'
import { clients, dwellings, shortlistCandidates, shortlists } from '../db/schema'
import { buildShortlists, type PassedOver, type ShortNote } from '../domain/shortlist-batch'
import { assignmentSolver } from '../matching/highs-solver'
import { audit } from './audit'
import type { ServiceContext } from './context'
import {
  eligibilityContext,
  loadClientFacts,
  loadDwellingFacts,
  rankingContext,
} from './matching-facts'
import { getSettings } from './planning-service'
import { localIsoDate } from '../../shared/domain/dates'

/** Small building blocks of the workflow; each runs inside the caller's transaction. */

export const isoDay = localIsoDate

export function setClientStatus(
  tx: DbOrTx,
  ids: number[],
  status: ClientStatus,
  today: string,
): void {
  if (ids.length === 0) return
  tx.update(clients)
    .set({ status, statusSince: today, updatedAt: new Date().toISOString() })
    .where(inArray(clients.id, ids))
    .run()
}

export function setDwellingStatus(
  tx: DbOrTx,
  id: number,
  status: DwellingStatus,
  today: string,
): void {
  tx.update(dwellings)
    .set({ status, statusSince: today, updatedAt: new Date().toISOString() })
    .where(eq(dwellings.id, id))
    .run()
}

/** Clients still open (undecided) on a shortlist. */
export function openCandidates(tx: DbOrTx, shortlistId: number) {
  return tx
    .select()
    .from(shortlistCandidates)
    .where(
      and(
        eq(shortlistCandidates.shortlistId, shortlistId),
        eq(shortlistCandidates.decision, 'open'),
      ),
    )
    .orderBy(shortlistCandidates.position)
    .all()
}

export interface NewRound {
  dwellingId: number
  shortlistId: number | null
  candidates: number
  eligible: number
  note: ShortNote
  passedOver: PassedOver[]
}

/**
 * Makes concept shortlists for the given dwellings in one batch (one exact assignment, no client on
 * more lists than allowed) and puts the dwellings "in voordracht". A dwelling without any eligible client gets no shortlist
 * and stays as it is.
 */
export function makeRounds(ctx: ServiceContext, tx: Tx, dwellingIds: number[]): NewRound[] {
  const today = ctx.now()
  const waiting = loadClientFacts(tx)
  const proposals = buildShortlists(
    loadDwellingFacts(tx, dwellingIds),
    waiting,
    eligibilityContext(ctx, tx, dwellingIds),
    rankingContext(ctx, tx, waiting),
    getSettings(ctx, today.getFullYear()).values.shortlistSize,
    assignmentSolver(),
  )
  return proposals.map((proposal) => {
    tx.update(dwellings)
      .set({ shortNote: proposal.note === 'full' ? null : proposal.note })
      .where(eq(dwellings.id, proposal.dwellingId))
      .run()
    const outcome = {
      dwellingId: proposal.dwellingId,
      candidates: proposal.candidates.length,
      eligible: proposal.eligiblePool,
      note: proposal.note,
      passedOver: proposal.passedOver,
    }
    if (proposal.candidates.length === 0) return { ...outcome, shortlistId: null }
    const last = tx
      .select({ round: max(shortlists.round) })
      .from(shortlists)
      .where(eq(shortlists.dwellingId, proposal.dwellingId))
      .get()
    const shortlist = tx
      .insert(shortlists)
      .values({
        dwellingId: proposal.dwellingId,
        round: (last?.round ?? 0) + 1,
        status: 'concept',
        eligiblePoolSize: proposal.eligiblePool,
      })
      .returning({ id: shortlists.id })
      .get()
    tx.insert(shortlistCandidates)
      .values(
        proposal.candidates.map((c, index) => ({
          shortlistId: shortlist.id,
          clientId: c.clientId,
          position: index + 1,
          score: c.score.total,
          scoreParts: JSON.stringify(c.score.parts),
          decidedByBalance: c.decidedByBalance,
        })),
      )
      .run()
    setDwellingStatus(tx, proposal.dwellingId, 'in-voordracht', isoDay(today))
    audit(tx, ctx, {
      action: 'shortlist:concept',
      entityType: 'dwelling',
      entityId: proposal.dwellingId,
      summary: `Conceptvoordracht ronde ${(last?.round ?? 0) + 1}: ${proposal.candidates.length} kandidaten uit ${proposal.eligiblePool} in aanmerking`,
      details: {
        shortlistId: shortlist.id,
        clients: proposal.candidates.map((c) => c.clientId),
        passedOver: proposal.passedOver,
      },
    })
    return { ...outcome, shortlistId: shortlist.id }
  })
}

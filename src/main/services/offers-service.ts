import { and, eq, inArray, notExists, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { DwellingMatching } from '../../shared/api'
import { ApiError } from '../../shared/api'
import {
  DECLINE_REASON,
  type ContractKind,
  type DeclineReason,
} from '../../shared/domain/vocabulary'
import type { Tx } from '../db/connection'
import {
  allocations,
  clients,
  dwellings,
  offers,
  shortlistCandidates,
  shortlists,
} from '../db/schema'
import { audit } from './audit'
import type { ServiceContext } from './context'
import { OPEN_SHORTLIST } from './matching-facts'
import { closeRound, newRoundAudit } from './shortlists-service'
import { dwellingMatching } from './shortlist-views'
import { isoDay, makeRounds, setClientStatus, setDwellingStatus } from './workflow-steps'

const otherCandidates = alias(shortlistCandidates, 'other_candidates')

function openOffer(tx: Tx, offerId: number) {
  const offer = tx.select().from(offers).where(eq(offers.id, offerId)).get()
  if (!offer) throw new ApiError('not-found', 'Deze aanbieding bestaat niet (meer)')
  if (offer.outcome !== 'open')
    throw new ApiError('conflict', 'Op deze aanbieding is al gereageerd')
  const client = tx.select().from(clients).where(eq(clients.id, offer.clientId)).get()!
  return { offer, client }
}

/** Accepted: the lease (or, for instroom, the flip contract) starts; the dwelling is let. */
export function acceptOffer(
  ctx: ServiceContext,
  input: { offerId: number; startsOn: string; contractKind?: ContractKind },
): DwellingMatching {
  const dwellingId = ctx.store.db.transaction((tx) => {
    const { offer, client } = openOffer(tx, input.offerId)
    if (input.startsOn < offer.offeredOn) {
      throw new ApiError(
        'invalid-input',
        `De ingangsdatum kan niet vóór de aanbieding (${offer.offeredOn}) liggen`,
      )
    }
    const today = isoDay(ctx.now())
    const contractKind = input.contractKind ?? (client.flow === 'instroom' ? 'omklap' : 'huur')
    tx.update(offers)
      .set({ outcome: 'geaccepteerd', respondedOn: today })
      .where(eq(offers.id, offer.id))
      .run()
    tx.insert(allocations)
      .values({
        offerId: offer.id,
        dwellingId: offer.dwellingId,
        clientId: client.id,
        contractKind,
        startsOn: input.startsOn,
        supportProviderId: client.supportProviderId ?? client.careProviderId,
      })
      .run()
    setDwellingStatus(tx, offer.dwellingId, 'verhuurd', today)
    // Housed: off every other open shortlist, whose rounds then carry on without them.
    releaseFromShortlists(ctx, tx, client.id, 'Elders gehuisvest')
    setClientStatus(tx, [client.id], 'gehuisvest', today)
    audit(tx, ctx, {
      action: 'offer:accept',
      entityType: 'dwelling',
      entityId: offer.dwellingId,
      summary: `${client.code} accepteert de aanbieding; ${contractKind === 'omklap' ? 'omklapcontract' : 'huurcontract'} vanaf ${input.startsOn}`,
      details: { offerId: offer.id, clientId: client.id, contractKind, startsOn: input.startsOn },
    })
    audit(tx, ctx, {
      action: 'client:housed',
      entityType: 'client',
      entityId: client.id,
      summary: `${client.code} gehuisvest per ${input.startsOn}`,
      details: { dwellingId: offer.dwellingId },
    })
    return offer.dwellingId
  })
  return dwellingMatching(ctx, ctx.store.db, dwellingId)
}

/**
 * Declined: the next reserve of the chosen round who is still waiting gets the offer; when there
 * is none, a new round is made for the dwelling.
 */
export function declineOffer(
  ctx: ServiceContext,
  input: { offerId: number; decline: { reason: DeclineReason; text: string | null } },
): DwellingMatching {
  const dwellingId = ctx.store.db.transaction((tx) => {
    const { offer, client } = openOffer(tx, input.offerId)
    const today = isoDay(ctx.now())
    const reason = input.decline.text
      ? `${input.decline.reason}: ${input.decline.text}`
      : input.decline.reason
    tx.update(offers)
      .set({ outcome: 'geweigerd', respondedOn: today, declineReason: reason })
      .where(eq(offers.id, offer.id))
      .run()
    setClientStatus(tx, [client.id], 'wachtend', today)
    audit(tx, ctx, {
      action: 'offer:decline',
      entityType: 'dwelling',
      entityId: offer.dwellingId,
      summary: `${client.code} weigert de aanbieding: ${DECLINE_REASON.label(input.decline.reason)}`,
      details: { offerId: offer.id, clientId: client.id, ...input.decline },
    })

    const candidate = tx
      .select()
      .from(shortlistCandidates)
      .where(eq(shortlistCandidates.id, offer.candidateId))
      .get()!
    const reserve = tx
      .select({
        id: shortlistCandidates.id,
        clientId: shortlistCandidates.clientId,
        code: clients.code,
      })
      .from(shortlistCandidates)
      .innerJoin(clients, eq(clients.id, shortlistCandidates.clientId))
      .where(
        and(
          eq(shortlistCandidates.shortlistId, candidate.shortlistId),
          eq(shortlistCandidates.decision, 'open'),
          eq(clients.status, 'wachtend'),
          // A reserve who meanwhile stands on another open round is not free for this offer.
          notExists(
            tx
              .select({ one: sql`1` })
              .from(otherCandidates)
              .innerJoin(shortlists, eq(shortlists.id, otherCandidates.shortlistId))
              .where(
                and(
                  eq(otherCandidates.clientId, shortlistCandidates.clientId),
                  eq(otherCandidates.decision, 'open'),
                  inArray(shortlists.status, [...OPEN_SHORTLIST]),
                ),
              ),
          ),
        ),
      )
      .orderBy(shortlistCandidates.position)
      .get()
    if (reserve) {
      tx.update(shortlistCandidates)
        .set({ decision: 'gekozen' })
        .where(eq(shortlistCandidates.id, reserve.id))
        .run()
      tx.insert(offers)
        .values({
          candidateId: reserve.id,
          dwellingId: offer.dwellingId,
          clientId: reserve.clientId,
          offeredOn: today,
        })
        .run()
      setClientStatus(tx, [reserve.clientId], 'aanbieding', today)
      audit(tx, ctx, {
        action: 'offer:next',
        entityType: 'dwelling',
        entityId: offer.dwellingId,
        summary: `Aanbieding aan de volgende kandidaat van de voordracht: ${reserve.code}`,
        details: { clientId: reserve.clientId },
      })
    } else {
      // The corporation did choose; the round stays "gekozen". Only the dwelling goes round again.
      setDwellingStatus(tx, offer.dwellingId, 'ingediend', today)
      const [round] = makeRounds(ctx, tx, [offer.dwellingId])
      newRoundAudit(ctx, tx, offer.dwellingId, round)
    }
    return offer.dwellingId
  })
  return dwellingMatching(ctx, ctx.store.db, dwellingId)
}

/** Takes a client off every open shortlist (the provider withdrew them or put them on hold). */
export function releaseFromShortlists(
  ctx: ServiceContext,
  tx: Tx,
  clientId: number,
  why: string,
): void {
  const rows = tx
    .select({
      candidateId: shortlistCandidates.id,
      shortlistId: shortlists.id,
      dwellingId: shortlists.dwellingId,
    })
    .from(shortlistCandidates)
    .innerJoin(shortlists, eq(shortlists.id, shortlistCandidates.shortlistId))
    .where(
      and(
        eq(shortlistCandidates.clientId, clientId),
        eq(shortlistCandidates.decision, 'open'),
        inArray(shortlists.status, [...OPEN_SHORTLIST]),
      ),
    )
    .all()
  for (const row of rows) {
    tx.update(shortlistCandidates)
      .set({ decision: 'geen-match', decisionReason: 'ingetrokken', decisionText: why })
      .where(eq(shortlistCandidates.id, row.candidateId))
      .run()
    const left = tx
      .select({ id: shortlistCandidates.id })
      .from(shortlistCandidates)
      .where(
        and(
          eq(shortlistCandidates.shortlistId, row.shortlistId),
          eq(shortlistCandidates.decision, 'open'),
        ),
      )
      .all()
    audit(tx, ctx, {
      action: 'shortlist:clientWithdrawn',
      entityType: 'dwelling',
      entityId: row.dwellingId,
      summary: `Kandidaat van de voordracht gehaald: ${why}`,
      details: { clientId, shortlistId: row.shortlistId },
    })
    if (left.length === 0)
      newRoundAudit(
        ctx,
        tx,
        row.dwellingId,
        closeRound(ctx, tx, row.shortlistId, row.dwellingId, null),
      )
  }
}

/** The corporation withdraws a dwelling: its open rounds lapse and their candidates are free again. */
export function withdrawDwelling(
  ctx: ServiceContext,
  input: { dwellingId: number; reason: string },
): DwellingMatching {
  ctx.store.db.transaction((tx) => {
    const dwelling = tx.select().from(dwellings).where(eq(dwellings.id, input.dwellingId)).get()
    if (!dwelling) throw new ApiError('not-found', 'Deze woning bestaat niet (meer)')
    if (dwelling.status === 'verhuurd' || dwelling.status === 'ingetrokken') {
      throw new ApiError(
        'conflict',
        `De woning is al ${dwelling.status} en kan niet meer worden ingetrokken`,
      )
    }
    if (dwelling.status === 'aangeboden') {
      throw new ApiError(
        'conflict',
        'Er loopt een aanbieding voor deze woning; leg eerst de reactie van de kandidaat vast',
      )
    }
    const today = isoDay(ctx.now())
    const open = tx
      .select({ id: shortlists.id })
      .from(shortlists)
      .where(
        and(
          eq(shortlists.dwellingId, dwelling.id),
          inArray(shortlists.status, [...OPEN_SHORTLIST]),
        ),
      )
      .all()
      .map((s) => s.id)
    if (open.length > 0) {
      const freed = tx
        .select({ clientId: shortlistCandidates.clientId })
        .from(shortlistCandidates)
        .where(
          and(
            inArray(shortlistCandidates.shortlistId, open),
            eq(shortlistCandidates.decision, 'open'),
          ),
        )
        .all()
        .map((c) => c.clientId)
      tx.update(shortlists)
        .set({ status: 'vervallen', decidedAt: ctx.now().toISOString() })
        .where(inArray(shortlists.id, open))
        .run()
      const presented = tx
        .select({ id: clients.id })
        .from(clients)
        .where(
          and(inArray(clients.id, freed.length ? freed : [-1]), eq(clients.status, 'voorgedragen')),
        )
        .all()
      setClientStatus(
        tx,
        presented.map((c) => c.id),
        'wachtend',
        today,
      )
    }
    setDwellingStatus(tx, dwelling.id, 'ingetrokken', today)
    audit(tx, ctx, {
      action: 'dwelling:withdraw',
      entityType: 'dwelling',
      entityId: dwelling.id,
      summary: `Woning ${dwelling.address} ingetrokken door de corporatie: ${input.reason}`,
      details: { reason: input.reason, lapsedShortlists: open },
    })
  })
  return dwellingMatching(ctx, ctx.store.db, input.dwellingId)
}

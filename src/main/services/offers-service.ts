import { and, eq, inArray } from 'drizzle-orm'
import type { DwellingMatching } from '../../shared/api'
import { ApiError } from '../../shared/api'
import {
  CLIENT_STATUS,
  DECLINE_REASON,
  type ContractKind,
  type DeclineReason,
  type OfferStep,
} from '../../shared/domain/vocabulary'
import type { Tx } from '../db/connection'
import { isPostgres, lockKey, lockRows } from '../db/dialect'
import { BATCH_LOCK, PLACEMENT_KEY } from '../db/pg-store'
import {
  allocations,
  clients,
  dwellings,
  offers,
  shortlistCandidates,
  shortlists,
} from '../db/schema'
import {
  contractProblem,
  defaultContract,
  isValidDeclineReason,
  leaseStartProblem,
  responseDateProblem,
  statusAfterDecline,
} from '../domain/offer-rules'
import { DWELLING_RULES, OFFER_RULES } from '../domain/workflow'
import { findOffer } from '../repositories/offers'
import {
  countOpenCandidates,
  openCandidacies,
  openRoundIdsOf,
  roundOfCandidate,
} from '../repositories/shortlists'
import { audit, auditMany, type AuditEntry } from './audit'
import { audited } from './audited'
import { requireStepOn } from './conflicts'
import type { ServiceContext } from './context'
import { closeRound, noNewRound, step } from './shortlists-service'
import { isoDay, makeRounds, setClientStatus, setDwellingStatus } from './workflow-steps'

/**
 * An offer's step begins here: its dwelling is locked, then its client (docs/team-mode.md §4;
 * nothing on SQLite), and the offer is read as the last step left it; refused, the officer reads
 * who answered it.
 */
async function openOffer(ctx: ServiceContext, tx: Tx, offerId: number, step: OfferStep) {
  const found = await findOffer(tx, offerId)
  if (!found) throw new ApiError('not-found', 'Deze aanbieding bestaat niet (meer)')
  await lockRows(tx, dwellings, [found.dwellingId])
  await lockRows(tx, clients, [found.clientId])
  const offer = isPostgres(tx) ? ((await findOffer(tx, offerId)) ?? found) : found
  const subject = { dwellingId: offer.dwellingId, offerId: offer.id }
  await requireStepOn(tx, ctx, subject, OFFER_RULES, step, offer)
  const client = (
    await tx.select().from(clients).where(eq(clients.id, offer.clientId)).limit(1)
  )[0]!
  return { offer, client }
}

/** The day the client answered: given by the officer or today; never before the offer nor ahead. */
function responseDay(ctx: ServiceContext, offeredOn: string, respondedOn?: string): string {
  const today = isoDay(ctx.now())
  const day = respondedOn ?? today
  const problem = responseDateProblem(day, offeredOn, today)
  if (problem) throw new ApiError('invalid-input', problem)
  return day
}

/** Accepted: the lease (or, for instroom, the flip contract) starts; the dwelling is let. */
export async function acceptOffer(
  ctx: ServiceContext,
  input: { offerId: number; startsOn: string; contractKind?: ContractKind; respondedOn?: string },
): Promise<DwellingMatching> {
  return await step(ctx, async (tx) => {
    const { offer, client } = await openOffer(ctx, tx, input.offerId, 'accept')
    const respondedOn = responseDay(ctx, offer.offeredOn, input.respondedOn)
    const startProblem = leaseStartProblem(input.startsOn, offer.offeredOn)
    if (startProblem) throw new ApiError('invalid-input', startProblem)
    const { flipPossible } = (
      await tx
        .select({ flipPossible: dwellings.flipPossible })
        .from(dwellings)
        .where(eq(dwellings.id, offer.dwellingId))
        .limit(1)
    )[0]!
    const contractKind = input.contractKind ?? defaultContract(client.flow, flipPossible)
    const problem = contractProblem(contractKind, flipPossible)
    if (problem) throw new ApiError('invalid-input', problem)
    const today = isoDay(ctx.now())
    await tx
      .update(offers)
      .set({ outcome: 'geaccepteerd', respondedOn })
      .where(eq(offers.id, offer.id))
    await tx.insert(allocations).values({
      offerId: offer.id,
      dwellingId: offer.dwellingId,
      clientId: client.id,
      contractKind,
      startsOn: input.startsOn,
      supportProviderId: client.supportProviderId ?? client.careProviderId,
    })
    await setDwellingStatus(tx, offer.dwellingId, 'verhuurd', today)
    // Housed: off every other open shortlist, whose rounds then carry on without them.
    await releaseFromShortlists(ctx, tx, client.id, 'Elders gehuisvest')
    await setClientStatus(tx, [client.id], 'gehuisvest', today)
    const accepted: AuditEntry = {
      action: 'offer:accept',
      entityType: 'dwelling',
      entityId: offer.dwellingId,
      summary: `${client.code} accepteert de aanbieding; ${contractKind === 'omklap' ? 'omklapcontract' : 'huurcontract'} vanaf ${input.startsOn}`,
      details: {
        offerId: offer.id,
        clientId: client.id,
        contractKind,
        startsOn: input.startsOn,
        respondedOn,
      },
    }
    const housed: AuditEntry = {
      action: 'client:housed',
      entityType: 'client',
      entityId: client.id,
      summary: `${client.code} gehuisvest per ${input.startsOn}`,
      details: { dwellingId: offer.dwellingId },
    }
    return { dwellingId: offer.dwellingId, events: [accepted, housed] }
  })
}

/**
 * Declined. An uitstroom client without a valid reason has used the one-time offer and leaves the
 * list. The next candidate is never offered automatically (Bijlage 5: the corporation chooses):
 * the round opens again for the corporation with the reserves who are still free, or, when none is,
 * the dwelling goes round again.
 */
export async function declineOffer(
  ctx: ServiceContext,
  input: {
    offerId: number
    decline: { reason: DeclineReason; text: string | null }
    respondedOn?: string
  },
): Promise<DwellingMatching> {
  return await step(ctx, async (tx) => {
    const { offer, client } = await openOffer(ctx, tx, input.offerId, 'decline')
    const respondedOn = responseDay(ctx, offer.offeredOn, input.respondedOn)
    const today = isoDay(ctx.now())
    const reason = input.decline.text
      ? `${input.decline.reason}: ${input.decline.text}`
      : input.decline.reason
    await tx
      .update(offers)
      .set({ outcome: 'geweigerd', respondedOn, declineReason: reason })
      .where(eq(offers.id, offer.id))
    const status = statusAfterDecline(client.flow, input.decline.reason)
    const valid = isValidDeclineReason(input.decline.reason)
    const declined: AuditEntry = {
      action: 'offer:decline',
      entityType: 'dwelling',
      entityId: offer.dwellingId,
      summary: `${client.code} weigert de aanbieding: ${DECLINE_REASON.label(input.decline.reason)} (${valid ? 'geldige reden' : 'geen geldige reden'})`,
      details: { offerId: offer.id, clientId: client.id, respondedOn, valid, ...input.decline },
    }
    // Steps of their own inside this one, so their events come in the order they happen.
    await audited(ctx, declined, async () => await setClientStatus(tx, [client.id], status, today))
    if (status === 'aanbieding-benut') {
      const used: AuditEntry = {
        action: 'client:oneTimeOfferUsed',
        entityType: 'client',
        entityId: client.id,
        summary: `${client.code} heeft de eenmalige aanbieding benut (geweigerd zonder geldige reden) en gaat van de lijst van Het Vierde Huis; verder via de reguliere route (WoningNet)`,
        details: { offerId: offer.id, dwellingId: offer.dwellingId, reason: input.decline.reason },
      }
      await audited(
        ctx,
        used,
        async () => await releaseFromShortlists(ctx, tx, client.id, CLIENT_STATUS.label(status)),
      )
    }

    // Which reserves are free is read next: no other step may place them on a new round meanwhile.
    await lockKey(tx, BATCH_LOCK, PLACEMENT_KEY)
    const shortlistId = await roundOfCandidate(tx, offer.candidateId)
    const free = await reopenForCorporation(ctx, tx, shortlistId, offer.dwellingId)
    if (free.length > 0) return { dwellingId: offer.dwellingId, events: [] }
    // No reserve left: the round stays "gekozen" and the dwelling goes round again.
    await setDwellingStatus(tx, offer.dwellingId, 'ingediend', today)
    const [round] = await makeRounds(ctx, tx, [offer.dwellingId])
    return { dwellingId: offer.dwellingId, events: noNewRound(offer.dwellingId, round) }
  })
}

/**
 * After a decline the round's reserves go back to the corporation to confirm who (if anyone) gets
 * the offer next. Reserves no longer free (housed, withdrawn, on hold, with another offer) are
 * taken off the round; the rest are presented again. Answers the codes of the free reserves.
 */
async function reopenForCorporation(
  ctx: ServiceContext,
  tx: Tx,
  shortlistId: number,
  dwellingId: number,
): Promise<string[]> {
  const today = isoDay(ctx.now())
  const reserves = await tx
    .select({
      id: shortlistCandidates.id,
      clientId: shortlistCandidates.clientId,
      code: clients.code,
      status: clients.status,
    })
    .from(shortlistCandidates)
    .innerJoin(clients, eq(clients.id, shortlistCandidates.clientId))
    .where(
      and(
        eq(shortlistCandidates.shortlistId, shortlistId),
        eq(shortlistCandidates.decision, 'open'),
      ),
    )
    .orderBy(shortlistCandidates.position)
  // A reserve who meanwhile stands on another open round is not free: one open round at a time.
  const elsewhere = new Set(
    (
      await openCandidacies(
        tx,
        reserves.map((r) => r.clientId),
      )
    ).map((c) => c.clientId),
  )
  const free = reserves.filter((r) => r.status === 'wachtend' && !elsewhere.has(r.clientId))
  for (const gone of reserves.filter((r) => !free.includes(r))) {
    const why = elsewhere.has(gone.clientId)
      ? 'staat inmiddels op een andere voordracht'
      : CLIENT_STATUS.label(gone.status).toLowerCase()
    await tx
      .update(shortlistCandidates)
      .set({
        decision: 'geen-match',
        decisionReason: 'ingetrokken',
        decisionText: `Niet meer beschikbaar (${why})`,
      })
      .where(eq(shortlistCandidates.id, gone.id))
  }
  if (free.length === 0) return []
  await tx
    .update(shortlists)
    .set({ status: 'voorgedragen', decidedAt: null })
    .where(eq(shortlists.id, shortlistId))
  await setClientStatus(
    tx,
    free.map((r) => r.clientId),
    'voorgedragen',
    today,
  )
  await setDwellingStatus(tx, dwellingId, 'in-voordracht', today)
  const codes = free.map((r) => r.code)
  await audit(tx, ctx, {
    action: 'offer:awaitNext',
    entityType: 'dwelling',
    entityId: dwellingId,
    summary: `De corporatie bevestigt wie de aanbieding nu krijgt: ${codes.join(', ')} (of wijst de ronde af)`,
    details: { shortlistId, clients: free.map((r) => r.clientId) },
  })
  return codes
}

/** Takes a client off every open shortlist (the provider withdrew them or put them on hold). */
export async function releaseFromShortlists(
  ctx: ServiceContext,
  tx: Tx,
  clientId: number,
  why: string,
): Promise<void> {
  // The rounds the client leaves are other dwellings' rounds: locked like a step on them, and read
  // again after the lock (another desk may just have closed one).
  const before = await openCandidacies(tx, [clientId])
  await lockRows(
    tx,
    dwellings,
    before.map((row) => row.dwellingId),
  )
  const rows = isPostgres(tx) && before.length > 0 ? await openCandidacies(tx, [clientId]) : before
  for (const row of rows) {
    await tx
      .update(shortlistCandidates)
      .set({ decision: 'geen-match', decisionReason: 'ingetrokken', decisionText: why })
      .where(eq(shortlistCandidates.id, row.candidateId))
    const left = await countOpenCandidates(tx, row.shortlistId)
    await audit(tx, ctx, {
      action: 'shortlist:clientWithdrawn',
      entityType: 'dwelling',
      entityId: row.dwellingId,
      summary: `Kandidaat van de voordracht gehaald: ${why}`,
      details: { clientId, shortlistId: row.shortlistId },
    })
    if (left === 0)
      await auditMany(
        tx,
        ctx,
        noNewRound(
          row.dwellingId,
          await closeRound(ctx, tx, row.shortlistId, row.dwellingId, null),
        ),
      )
  }
}

/** The corporation withdraws a dwelling: its open rounds lapse and their candidates are free again. */
export async function withdrawDwelling(
  ctx: ServiceContext,
  input: { dwellingId: number; reason: string },
): Promise<DwellingMatching> {
  return await step(ctx, async (tx) => {
    await lockRows(tx, dwellings, [input.dwellingId])
    const dwelling = (
      await tx.select().from(dwellings).where(eq(dwellings.id, input.dwellingId)).limit(1)
    )[0]
    if (!dwelling) throw new ApiError('not-found', 'Deze woning bestaat niet (meer)')
    await requireStepOn(tx, ctx, { dwellingId: dwelling.id }, DWELLING_RULES, 'withdraw', dwelling)
    const today = isoDay(ctx.now())
    const open = await openRoundIdsOf(tx, dwelling.id)
    if (open.length > 0) {
      const freed = (
        await tx
          .select({ clientId: shortlistCandidates.clientId })
          .from(shortlistCandidates)
          .where(
            and(
              inArray(shortlistCandidates.shortlistId, open),
              eq(shortlistCandidates.decision, 'open'),
            ),
          )
      ).map((c) => c.clientId)
      await tx
        .update(shortlists)
        .set({ status: 'vervallen', decidedAt: ctx.now().toISOString() })
        .where(inArray(shortlists.id, open))
      const presented = await tx
        .select({ id: clients.id })
        .from(clients)
        .where(
          and(inArray(clients.id, freed.length ? freed : [-1]), eq(clients.status, 'voorgedragen')),
        )
      await setClientStatus(
        tx,
        presented.map((c) => c.id),
        'wachtend',
        today,
      )
    }
    await setDwellingStatus(tx, dwelling.id, 'ingetrokken', today)
    const withdrawn: AuditEntry = {
      action: 'dwelling:withdraw',
      entityType: 'dwelling',
      entityId: dwelling.id,
      summary: `Woning ${dwelling.address} ingetrokken door de corporatie: ${input.reason}`,
      details: { reason: input.reason, lapsedShortlists: open },
    }
    return { dwellingId: dwelling.id, events: [withdrawn] }
  })
}

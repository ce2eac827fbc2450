import { and, eq, inArray, sql } from 'drizzle-orm'
import type { DwellingMatching, GenerateSummary } from '../../shared/api'
import { ApiError } from '../../shared/api'
import type { QuarterKey } from '../../shared/domain/quarter'
import { REJECTION_REASON, type RejectionReason } from '../../shared/domain/vocabulary'
import type { DbOrTx, Tx } from '../db/connection'
import { clients, dwellings, offers, shortlistCandidates, shortlists } from '../db/schema'
import { isEligible } from '../domain/eligibility'
import { offerDateProblem } from '../domain/offer-rules'
import { scoreCandidate } from '../domain/ranking'
import type { ShortNote } from '../domain/shortlist-batch'
import { ROUND_RULES } from '../domain/workflow'
import type { RoundStep } from '../../shared/domain/vocabulary'
import { isPostgres, lockKey, lockRows, selectRows, tryLockKey } from '../db/dialect'
import { BATCH_LOCK, PLACEMENT_KEY } from '../db/pg-store'
import { parseQuarter } from '../../shared/domain/quarter'
import { batchBusy, conflictError, requireStepOn, sessionName } from './conflicts'
import { findShortlist, openCandidates } from '../repositories/shortlists'
import type { AuditEntry } from './audit'
import { audited, eventsOf } from './audited'
import type { ServiceContext } from './context'
import { reserveForInstroom } from './instroom-reserve'
import {
  eligibilityContext,
  loadClientFacts,
  loadDwellingFacts,
  rankingContext,
} from './matching-facts'
import { dwellingMatching } from './shortlist-views'
import { waitingState } from './waiting-state'
import { isoDay, makeRounds, setClientStatus, setDwellingStatus } from './workflow-steps'

/**
 * A round's step begins here: the round's dwelling is locked (docs/team-mode.md §4; nothing on
 * SQLite, whose queue already runs one step at a time), then the round is read as the last step on
 * that dwelling left it and the transition checked; refused, the officer reads who changed it.
 */
async function loadShortlist(ctx: ServiceContext, tx: Tx, shortlistId: number, key: RoundStep) {
  const found = await findShortlist(tx, shortlistId)
  if (!found) throw new ApiError('not-found', 'Deze voordracht bestaat niet (meer)')
  await lockRows(tx, dwellings, [found.dwellingId])
  const shortlist = isPostgres(tx) ? ((await findShortlist(tx, shortlistId)) ?? found) : found
  const subject = { dwellingId: shortlist.dwellingId, shortlistId: shortlist.id }
  await requireStepOn(tx, ctx, subject, ROUND_RULES, key, shortlist)
  const dwelling = (
    await tx.select().from(dwellings).where(eq(dwellings.id, shortlist.dwellingId)).limit(1)
  )[0]!
  return { shortlist, dwelling, subject }
}

const NOT_OPEN = 'Deze kandidaat staat niet (meer) open op de voordracht'

const code = async (tx: Tx, clientId: number) =>
  (
    await tx.select({ code: clients.code }).from(clients).where(eq(clients.id, clientId)).limit(1)
  )[0]?.code ?? '?'

/** What a workflow step did: the dwelling it concerns and the events that record it. */
export interface StepDone {
  dwellingId: number
  events: AuditEntry[]
}

/** Runs one workflow step with its events and answers with the dwelling's matching state. */
export async function step(
  ctx: ServiceContext,
  change: (tx: Tx) => Promise<StepDone> | StepDone,
): Promise<DwellingMatching> {
  const { dwellingId } = await audited(ctx, eventsOf, change)
  return await dwellingMatching(ctx, ctx.store.db, dwellingId)
}

/**
 * The quarter's batch runs on one desk at a time (docs/team-mode.md §5): it takes the quarter's
 * advisory lock inside its transaction, or is refused with who holds it and since when (the
 * holder names itself in application_name for the length of its transaction). Then it waits for
 * the placement lock, so no step places a waiting client on a new round while the batch does.
 * SQLite: nothing (one step at a time through the queue).
 */
async function takeQuarterBatch(ctx: ServiceContext, tx: Tx, quarter: QuarterKey): Promise<void> {
  if (!isPostgres(tx)) return
  const { year, number } = parseQuarter(quarter)
  const holder = await tryLockKey(tx, BATCH_LOCK, year * 10 + number)
  if (holder) throw batchBusy(quarter, holder, ctx.now())
  await selectRows(tx, sql`SELECT set_config('application_name', ${sessionName(ctx.actor)}, true)`)
  await lockKey(tx, BATCH_LOCK, PLACEMENT_KEY)
}

/** Concept shortlists for every submitted dwelling of the quarter that has none open. */
export async function generateForQuarter(
  ctx: ServiceContext,
  quarter: QuarterKey,
): Promise<GenerateSummary> {
  const generated = (summary: GenerateSummary): AuditEntry => ({
    action: 'shortlists:generate',
    entityType: 'quarter',
    entityId: quarter,
    summary:
      `${summary.shortlistsMade} conceptvoordrachten gemaakt voor ${summary.dwellings} open woningen in ${quarter}; ` +
      `te weinig in aanmerking: ${summary.tooFewEligible.length}, kandidaten elders nodig: ${summary.neededElsewhere.length}`,
    details: {
      made: summary.shortlistsMade,
      tooFew: summary.tooFewEligible.map((t) => t.dwellingId),
      neededElsewhere: summary.neededElsewhere.map((t) => t.dwellingId),
    },
  })
  return await audited(ctx, generated, async (tx) => {
    await takeQuarterBatch(ctx, tx, quarter)
    const open = await tx
      .select({ id: dwellings.id, address: dwellings.address })
      .from(dwellings)
      .where(and(eq(dwellings.quarterKey, quarter), eq(dwellings.status, 'ingediend')))
    // Read once for both: reserving marks dwellings only, which leaves the waiting state as it is.
    const waiting = await waitingState(ctx)
    const instroom = await reserveForInstroom(
      ctx,
      tx,
      quarter,
      open.map((d) => d.id),
      waiting,
    )
    const rounds = await makeRounds(
      ctx,
      tx,
      open.map((d) => d.id),
      waiting,
    )
    const address = new Map(open.map((d) => [d.id, d.address]))
    const short = (note: ShortNote) =>
      rounds
        .filter((r) => r.note === note)
        .map((r) => ({
          dwellingId: r.dwellingId,
          address: address.get(r.dwellingId) ?? '',
          eligible: r.eligible,
          candidates: r.candidates,
        }))
    const tooFewEligible = short('too-few-eligible')
    const neededElsewhere = short('needed-elsewhere')
    const made = rounds.filter((r) => r.shortlistId !== null).length
    return {
      quarter,
      dwellings: open.length,
      shortlistsMade: made,
      tooFewEligible,
      neededElsewhere,
      instroom: instroom && { needed: instroom.needed, reserved: instroom.reserved },
    }
  })
}

/** Before presenting, the officer may replace a candidate by another eligible client, with a reason. */
export async function swapCandidate(
  ctx: ServiceContext,
  input: { shortlistId: number; removeClientId: number; addClientId: number; reason: string },
): Promise<DwellingMatching> {
  return await step(ctx, async (tx) => {
    const { shortlist, dwelling } = await loadShortlist(ctx, tx, input.shortlistId, 'swap')
    const leaving = (
      await tx
        .select()
        .from(shortlistCandidates)
        .where(
          and(
            eq(shortlistCandidates.shortlistId, shortlist.id),
            eq(shortlistCandidates.clientId, input.removeClientId),
          ),
        )
        .limit(1)
    )[0]
    if (!leaving) throw new ApiError('not-found', 'Deze kandidaat staat niet op de voordracht')
    const [client] = await loadClientFacts(tx, [input.addClientId])
    const [facts] = await loadDwellingFacts(tx, [dwelling.id])
    const eligibility = await eligibilityContext(ctx, tx, [dwelling.id])
    if (!client || !facts || !isEligible(client, facts, eligibility)) {
      throw new ApiError(
        'conflict',
        `Kandidaat ${client?.code ?? ''} komt niet in aanmerking voor deze woning`.replace(
          '  ',
          ' ',
        ),
      )
    }
    const score = scoreCandidate(
      client,
      facts,
      await rankingContext(ctx, tx, await loadClientFacts(tx)),
    )
    await tx
      .update(shortlistCandidates)
      .set({
        clientId: client.id,
        score: score.total,
        scoreParts: JSON.stringify(score.parts),
        swapReason: input.reason,
      })
      .where(eq(shortlistCandidates.id, leaving.id))
    const swapped: AuditEntry = {
      action: 'shortlist:swap',
      entityType: 'dwelling',
      entityId: dwelling.id,
      summary: `Ronde ${shortlist.round}: ${await code(tx, input.removeClientId)} vervangen door ${client.code}`,
      details: {
        shortlistId: shortlist.id,
        removed: input.removeClientId,
        added: client.id,
        reason: input.reason,
      },
    }
    return { dwellingId: dwelling.id, events: [swapped] }
  })
}

/** Presenting freezes the shortlist: its candidates and score parts are what the corporation judges. */
export async function present(ctx: ServiceContext, shortlistId: number): Promise<DwellingMatching> {
  return await step(ctx, async (tx) => await presentRound(tx, ctx, shortlistId))
}

/** Client codes on a concept round who are no longer free: they must be swapped before presenting. */
export async function unavailableCandidates(tx: DbOrTx, shortlistId: number): Promise<string[]> {
  const codes: string[] = []
  for (const c of await openCandidates(tx, shortlistId)) {
    const client = (
      await tx
        .select({ code: clients.code, status: clients.status })
        .from(clients)
        .where(eq(clients.id, c.clientId))
        .limit(1)
    )[0]!
    if (client.status !== 'wachtend' && client.status !== 'voorgedragen') codes.push(client.code)
  }
  return codes
}

/** The present step inside a caller's transaction (one round, or a whole quarter at once). */
export async function presentRound(
  tx: Tx,
  ctx: ServiceContext,
  shortlistId: number,
): Promise<StepDone> {
  const { shortlist, dwelling } = await loadShortlist(ctx, tx, shortlistId, 'present')
  const today = ctx.now()
  const unavailable = await unavailableCandidates(tx, shortlist.id)
  if (unavailable.length > 0) {
    throw new ApiError(
      'conflict',
      `Niet beschikbaar: ${unavailable.join(', ')}; wissel ${unavailable.length === 1 ? 'deze kandidaat' : 'deze kandidaten'} eerst`,
    )
  }
  await tx
    .update(shortlists)
    .set({ status: 'voorgedragen', presentedAt: today.toISOString() })
    .where(eq(shortlists.id, shortlist.id))
  const candidates = await openCandidates(tx, shortlist.id)
  await setClientStatus(
    tx,
    candidates.map((c) => c.clientId),
    'voorgedragen',
    isoDay(today),
  )
  const codes: string[] = []
  for (const c of candidates) codes.push(await code(tx, c.clientId))
  const presented: AuditEntry = {
    action: 'shortlist:present',
    entityType: 'dwelling',
    entityId: dwelling.id,
    summary: `Ronde ${shortlist.round} voorgedragen aan de corporatie: ${codes.join(', ')}`,
    details: {
      shortlistId: shortlist.id,
      clients: candidates.map((c) => c.clientId),
      pool: shortlist.eligiblePoolSize,
    },
  }
  return { dwellingId: dwelling.id, events: [presented] }
}

/** The corporation picks a candidate: the client gets the one-time offer, the others are free again. */
export async function choose(
  ctx: ServiceContext,
  input: { shortlistId: number; clientId: number; offeredOn?: string },
): Promise<DwellingMatching> {
  return await step(ctx, async (tx) => {
    const { shortlist, dwelling, subject } = await loadShortlist(
      ctx,
      tx,
      input.shortlistId,
      'choose',
    )
    const candidates = await openCandidates(tx, shortlist.id)
    const chosen = candidates.find((c) => c.clientId === input.clientId)
    if (!chosen) throw await conflictError(tx, ctx, subject, NOT_OPEN)
    // With more than one open shortlist per client, another corporation may have been quicker: the
    // clients whose status this step sets are locked (after the dwelling, in id order) before the
    // chosen one's status is read, so two desks cannot both make them an offer.
    await lockRows(
      tx,
      clients,
      candidates.map((c) => c.clientId),
    )
    const status = (
      await tx
        .select({ status: clients.status })
        .from(clients)
        .where(eq(clients.id, chosen.clientId))
        .limit(1)
    )[0]?.status
    if (status !== 'voorgedragen') {
      throw new ApiError(
        'conflict',
        `${await code(tx, chosen.clientId)} is niet meer beschikbaar (${status ?? 'onbekend'})`,
      )
    }
    const today = isoDay(ctx.now())
    const offeredOn = input.offeredOn ?? today
    const presentedOn = isoDay(new Date(shortlist.presentedAt ?? ctx.now()))
    const dateProblem = offerDateProblem(offeredOn, presentedOn, today)
    if (dateProblem) throw new ApiError('invalid-input', dateProblem)
    await tx
      .update(shortlistCandidates)
      .set({ decision: 'gekozen' })
      .where(eq(shortlistCandidates.id, chosen.id))
    await tx
      .update(shortlists)
      .set({ status: 'gekozen', decidedAt: ctx.now().toISOString() })
      .where(eq(shortlists.id, shortlist.id))
    await tx.insert(offers).values({
      candidateId: chosen.id,
      dwellingId: dwelling.id,
      clientId: chosen.clientId,
      offeredOn,
    })
    // The others stay on the list as reserves, in order, for when the offer is declined.
    await setClientStatus(
      tx,
      candidates.filter((c) => c.id !== chosen.id).map((c) => c.clientId),
      'wachtend',
      today,
    )
    await setClientStatus(tx, [chosen.clientId], 'aanbieding', today)
    await setDwellingStatus(tx, dwelling.id, 'aangeboden', today)
    const chose: AuditEntry = {
      action: 'shortlist:choose',
      entityType: 'dwelling',
      entityId: dwelling.id,
      summary: `Corporatie kiest ${await code(tx, chosen.clientId)} (ronde ${shortlist.round}); eenmalige aanbieding gedaan`,
      details: { shortlistId: shortlist.id, clientId: chosen.clientId },
    }
    return { dwellingId: dwelling.id, events: [chose] }
  })
}

type Rejection = { reason: RejectionReason; text: string | null }

async function closeRound(
  ctx: ServiceContext,
  tx: Tx,
  shortlistId: number,
  dwellingId: number,
  motivation: string | null,
) {
  await tx
    .update(shortlists)
    .set({
      status: 'afgewezen',
      decidedAt: ctx.now().toISOString(),
      rejectionMotivation: motivation,
    })
    .where(eq(shortlists.id, shortlistId))
  await setDwellingStatus(tx, dwellingId, 'ingediend', isoDay(ctx.now()))
  const [round] = await makeRounds(ctx, tx, [dwellingId])
  return round
}

async function rejectCandidates(
  ctx: ServiceContext,
  tx: Tx,
  shortlistId: number,
  clientIds: number[],
  rejection: Rejection,
) {
  await tx
    .update(shortlistCandidates)
    .set({ decision: 'geen-match', decisionReason: rejection.reason, decisionText: rejection.text })
    .where(
      and(
        eq(shortlistCandidates.shortlistId, shortlistId),
        inArray(shortlistCandidates.clientId, clientIds),
      ),
    )
  await setClientStatus(tx, clientIds, 'wachtend', isoDay(ctx.now()))
}

/** "Geen match" for one candidate; when none is left the round is closed and a new one is made. */
export async function rejectCandidate(
  ctx: ServiceContext,
  input: { shortlistId: number; clientId: number; rejection: Rejection },
): Promise<DwellingMatching> {
  return await step(ctx, async (tx) => {
    const { shortlist, dwelling, subject } = await loadShortlist(
      ctx,
      tx,
      input.shortlistId,
      'reject',
    )
    if (!(await openCandidates(tx, shortlist.id)).some((c) => c.clientId === input.clientId)) {
      throw await conflictError(tx, ctx, subject, NOT_OPEN)
    }
    const rejected: AuditEntry = {
      action: 'shortlist:rejectCandidate',
      entityType: 'dwelling',
      entityId: dwelling.id,
      summary: `Geen match met ${await code(tx, input.clientId)} (ronde ${shortlist.round}): ${REJECTION_REASON.label(input.rejection.reason)}`,
      details: { shortlistId: shortlist.id, clientId: input.clientId, ...input.rejection },
    }
    // A step of its own inside this one, so its event comes before those of the next round.
    await audited(
      ctx,
      rejected,
      async () => await rejectCandidates(ctx, tx, shortlist.id, [input.clientId], input.rejection),
    )
    const emptied = (await openCandidates(tx, shortlist.id)).length === 0
    const events = emptied
      ? noNewRound(dwelling.id, await closeRound(ctx, tx, shortlist.id, dwelling.id, null))
      : []
    return { dwellingId: dwelling.id, events }
  })
}

/** The corporation rejects the whole shortlist with a motivation: new candidates, never these again. */
export async function rejectAll(
  ctx: ServiceContext,
  input: { shortlistId: number; rejection: Rejection; motivation: string },
): Promise<DwellingMatching> {
  return await step(ctx, async (tx) => {
    const { shortlist, dwelling } = await loadShortlist(ctx, tx, input.shortlistId, 'rejectAll')
    const open = (await openCandidates(tx, shortlist.id)).map((c) => c.clientId)
    const rejected: AuditEntry = {
      action: 'shortlist:rejectAll',
      entityType: 'dwelling',
      entityId: dwelling.id,
      summary: `Ronde ${shortlist.round} afgewezen: ${REJECTION_REASON.label(input.rejection.reason)}`,
      details: {
        shortlistId: shortlist.id,
        clients: open,
        motivation: input.motivation,
        ...input.rejection,
      },
    }
    // A step of its own inside this one, so its event comes before those of the next round.
    await audited(
      ctx,
      rejected,
      async () => await rejectCandidates(ctx, tx, shortlist.id, open, input.rejection),
    )
    const round = await closeRound(ctx, tx, shortlist.id, dwelling.id, input.motivation)
    return { dwellingId: dwelling.id, events: noNewRound(dwelling.id, round) }
  })
}

/** A new concept round records itself (shortlist:concept); only its absence needs saying. */
export function noNewRound(
  dwellingId: number,
  round: Awaited<ReturnType<typeof closeRound>>,
): AuditEntry[] {
  if (round?.shortlistId) return []
  return [
    {
      action: 'shortlist:noCandidates',
      entityType: 'dwelling',
      entityId: dwellingId,
      summary: 'Geen nieuwe kandidaten in aanmerking; de woning wacht op nieuwe aanmeldingen',
      details: { shortlistId: null },
    },
  ]
}

export { closeRound }

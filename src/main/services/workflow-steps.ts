import { eq, inArray, max, sql } from 'drizzle-orm'
import type { ClientStatus, DwellingStatus } from '../../shared/domain/vocabulary'
import type { DbOrTx, Tx } from '../db/connection'
import { isPostgres, lockKey } from '../db/dialect'
import { BATCH_LOCK, PLACEMENT_KEY } from '../db/pg-store'
import { clients, dwellings, shortlistCandidates, shortlists } from '../db/schema'
import { buildShortlists, type PassedOver, type ShortNote } from '../domain/shortlist-batch'
import { assignmentSolver } from '../matching/highs-solver'
import { auditMany } from './audit'
import type { ServiceContext } from './context'
import { eligibilityContext, loadDwellingFacts } from './matching-facts'
import { getSettings } from './planning-service'
import { waitingState, type WaitingState } from './waiting-state'
import { localIsoDate } from '../../shared/domain/dates'
import { ApiError } from '../../shared/api/endpoint'
import { refusal, type StepRule } from '../domain/workflow'

/** Small building blocks of the workflow; each runs inside the caller's transaction. */

export const isoDay = localIsoDate

export async function setClientStatus(
  tx: DbOrTx,
  ids: number[],
  status: ClientStatus,
  today: string,
): Promise<void> {
  if (ids.length === 0) return
  await tx.update(clients).set({ status, statusSince: today }).where(inArray(clients.id, ids))
}

export async function setDwellingStatus(
  tx: DbOrTx,
  id: number,
  status: DwellingStatus,
  today: string,
): Promise<void> {
  await tx.update(dwellings).set({ status, statusSince: today }).where(eq(dwellings.id, id))
}

export interface NewRound {
  dwellingId: number
  shortlistId: number | null
  candidates: number
  eligible: number
  note: ShortNote
  passedOver: PassedOver[]
}

/** Ids per statement: well under SQLite's limit on bound parameters. */
const CHUNK = 500

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK))
  return out
}

type RoundRow = Pick<
  typeof shortlists.$inferInsert,
  'dwellingId' | 'round' | 'eligiblePoolSize'
> & { eligiblePoolSize: number }
type CandidateRow = Omit<typeof shortlistCandidates.$inferInsert, 'id'>

/**
 * The new rounds' ids, in the order of `rows`. SQLite: one INSERT prepared once and run per row —
 * drizzle builds a multi-row INSERT anew from a parameter object per value, which cost the quarter's
 * batch more than SQLite's own work (~70 ms for 1,300 candidates on ten years). PostgreSQL: a
 * multi-row INSERT per chunk, one round trip each (it answers in the order of its VALUES).
 */
async function insertRounds(tx: Tx, rows: readonly RoundRow[]): Promise<number[]> {
  if (isPostgres(tx)) {
    const ids: number[] = []
    for (const part of chunks(rows)) {
      const made = await tx
        .insert(shortlists)
        .values(part.map((r) => ({ ...r, status: 'concept' as const })))
        .returning({ id: shortlists.id })
      ids.push(...made.map((r) => r.id))
    }
    return ids
  }
  const insert = tx
    .insert(shortlists)
    .values({
      dwellingId: sql.placeholder('dwellingId'),
      round: sql.placeholder('round'),
      status: 'concept',
      eligiblePoolSize: sql.placeholder('eligiblePoolSize'),
    })
    .returning({ id: shortlists.id })
    .prepare()
  return rows.map((row) => insert.get(row)!.id)
}

/** The candidates of the new rounds, written as `insertRounds` writes the rounds. */
async function insertCandidates(tx: Tx, rows: readonly CandidateRow[]): Promise<void> {
  if (isPostgres(tx)) {
    for (const part of chunks(rows)) await tx.insert(shortlistCandidates).values(part)
    return
  }
  const insert = tx
    .insert(shortlistCandidates)
    .values({
      shortlistId: sql.placeholder('shortlistId'),
      clientId: sql.placeholder('clientId'),
      position: sql.placeholder('position'),
      score: sql.placeholder('score'),
      scoreParts: sql.placeholder('scoreParts'),
      decidedByBalance: sql.placeholder('decidedByBalance'),
    })
    .prepare()
  for (const row of rows) insert.run(row)
}

/**
 * Makes concept shortlists for the given dwellings in one batch (one exact assignment, no client on
 * more lists than allowed) and puts the dwellings "in voordracht". A dwelling without any eligible
 * client gets no shortlist and stays as it is. The statuses and audit rows are written with a
 * handful of multi-row statements, the rounds and candidates by statements prepared once per batch,
 * not a few statements built per dwelling.
 */
export async function makeRounds(
  ctx: ServiceContext,
  tx: Tx,
  dwellingIds: number[],
  // The waiting list as this step's own writes left it, without reading it all again.
  kept?: WaitingState,
): Promise<NewRound[]> {
  // Placing waiting clients: one step at a time across the desks (the batch holds it already), so
  // two new rounds never take the same free client; the waiting list is read after the lock.
  await lockKey(tx, BATCH_LOCK, PLACEMENT_KEY)
  // On PostgreSQL a state the caller kept may predate the lock (another desk may have placed
  // clients meanwhile): read it again now that no one else can.
  const { waiting, ranking, history } = kept && !isPostgres(tx) ? kept : await waitingState(ctx)
  const today = ctx.now()
  const proposals = buildShortlists(
    await loadDwellingFacts(tx, dwellingIds),
    waiting,
    await eligibilityContext(ctx, tx, dwellingIds, true, history.spreading),
    ranking,
    (await getSettings(ctx, today.getFullYear())).values.shortlistSize,
    assignmentSolver(),
  )
  // Why each dwelling is short, if it is: cleared when it got a full list.
  for (const note of ['too-few-eligible', 'needed-elsewhere', 'full'] as const) {
    const ids = proposals.filter((p) => p.note === note).map((p) => p.dwellingId)
    for (const part of chunks(ids)) {
      await tx
        .update(dwellings)
        .set({ shortNote: note === 'full' ? null : note })
        .where(inArray(dwellings.id, part))
    }
  }
  const made = proposals.filter((p) => p.candidates.length > 0)
  const lastRound = new Map<number, number>()
  for (const ids of chunks(made.map((p) => p.dwellingId))) {
    for (const r of await tx
      .select({ dwellingId: shortlists.dwellingId, round: max(shortlists.round) })
      .from(shortlists)
      .where(inArray(shortlists.dwellingId, ids))
      .groupBy(shortlists.dwellingId))
      lastRound.set(r.dwellingId, r.round ?? 0)
  }
  const roundOf = (dwellingId: number) => (lastRound.get(dwellingId) ?? 0) + 1
  const roundIds = await insertRounds(
    tx,
    made.map((p) => ({
      dwellingId: p.dwellingId,
      round: roundOf(p.dwellingId),
      eligiblePoolSize: p.eligiblePool,
    })),
  )
  const shortlistOf = new Map(made.map((p, index) => [p.dwellingId, roundIds[index]!]))
  await insertCandidates(
    tx,
    made.flatMap((p) =>
      p.candidates.map((c, index) => ({
        shortlistId: shortlistOf.get(p.dwellingId)!,
        clientId: c.clientId,
        position: index + 1,
        score: c.score.total,
        scoreParts: JSON.stringify(c.score.parts),
        decidedByBalance: c.decidedByBalance,
      })),
    ),
  )
  for (const ids of chunks(made.map((p) => p.dwellingId))) {
    await tx
      .update(dwellings)
      .set({
        status: 'in-voordracht',
        statusSince: isoDay(today),
      })
      .where(inArray(dwellings.id, ids))
  }
  await auditMany(
    tx,
    ctx,
    made.map((p) => ({
      action: 'shortlist:concept',
      entityType: 'dwelling',
      entityId: p.dwellingId,
      summary: `Conceptvoordracht ronde ${roundOf(p.dwellingId)}: ${p.candidates.length} kandidaten uit ${p.eligiblePool} in aanmerking`,
      details: {
        shortlistId: shortlistOf.get(p.dwellingId),
        clients: p.candidates.map((c) => c.clientId),
        passedOver: p.passedOver,
      },
    })),
  )
  return proposals.map((proposal) => ({
    dwellingId: proposal.dwellingId,
    shortlistId: shortlistOf.get(proposal.dwellingId) ?? null,
    candidates: proposal.candidates.length,
    eligible: proposal.eligiblePool,
    note: proposal.note,
    passedOver: proposal.passedOver,
  }))
}

/** Refuses a step the workflow rules do not allow now, with the rule's Dutch reason. */
export function requireStep<K extends string, S>(
  rules: readonly StepRule<K, S>[],
  key: K,
  state: S,
): void {
  const why = refusal(rules, key, state)
  if (why) throw new ApiError('conflict', why)
}

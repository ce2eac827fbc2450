import { and, desc, eq, inArray, count } from 'drizzle-orm'
import type { DbOrTx } from '../db/connection'
import { shortlistCandidates, shortlists } from '../db/schema'

/** Open shortlists: made but not yet decided; a client on one is not free for another. */
export const OPEN_SHORTLIST = ['concept', 'voorgedragen'] as const

/** A candidate's place on a round and what the corporation decided: the view, the inzage export. */
export const candidateDecisionColumns = {
  position: shortlistCandidates.position,
  score: shortlistCandidates.score,
  scoreParts: shortlistCandidates.scoreParts,
  decision: shortlistCandidates.decision,
  decisionReason: shortlistCandidates.decisionReason,
  decisionText: shortlistCandidates.decisionText,
  swapReason: shortlistCandidates.swapReason,
}

export async function findShortlist(db: DbOrTx, id: number) {
  return (await db.select().from(shortlists).where(eq(shortlists.id, id)).limit(1))[0]
}

/** Every round of a dwelling, the newest first. */
export async function roundsOf(db: DbOrTx, dwellingId: number) {
  return await db
    .select()
    .from(shortlists)
    .where(eq(shortlists.dwellingId, dwellingId))
    .orderBy(desc(shortlists.round))
}

/** The dwelling's latest round, if it has had one. */
export async function currentRoundOf(db: DbOrTx, dwellingId: number) {
  return (
    await db
      .select({
        round: shortlists.round,
        status: shortlists.status,
        eligiblePoolSize: shortlists.eligiblePoolSize,
      })
      .from(shortlists)
      .where(eq(shortlists.dwellingId, dwellingId))
      .orderBy(desc(shortlists.round))
      .limit(1)
  )[0]
}

/** The ids of the dwelling's rounds that are still open. */
export async function openRoundIdsOf(db: DbOrTx, dwellingId: number): Promise<number[]> {
  return (
    await db
      .select({ id: shortlists.id })
      .from(shortlists)
      .where(
        and(eq(shortlists.dwellingId, dwellingId), inArray(shortlists.status, [...OPEN_SHORTLIST])),
      )
  ).map((s) => s.id)
}

const openOn = (shortlistId: number) =>
  and(eq(shortlistCandidates.shortlistId, shortlistId), eq(shortlistCandidates.decision, 'open'))

/** Clients still open (undecided) on a shortlist, by position. */
export async function openCandidates(db: DbOrTx, shortlistId: number) {
  return await db
    .select()
    .from(shortlistCandidates)
    .where(openOn(shortlistId))
    .orderBy(shortlistCandidates.position)
}

/** How many clients are still open on a shortlist. */
export async function countOpenCandidates(db: DbOrTx, shortlistId: number): Promise<number> {
  return (
    await db
      .select({ id: shortlistCandidates.id })
      .from(shortlistCandidates)
      .where(openOn(shortlistId))
  ).length
}

/** The round a candidate stands on. */
export async function roundOfCandidate(db: DbOrTx, candidateId: number): Promise<number> {
  return (
    await db
      .select({ shortlistId: shortlistCandidates.shortlistId })
      .from(shortlistCandidates)
      .where(eq(shortlistCandidates.id, candidateId))
      .limit(1)
  )[0]!.shortlistId
}

/** Where these clients still stand open on an open round. */
export async function openCandidacies(db: DbOrTx, clientIds: number[]) {
  return await db
    .select({
      candidateId: shortlistCandidates.id,
      clientId: shortlistCandidates.clientId,
      shortlistId: shortlists.id,
      dwellingId: shortlists.dwellingId,
    })
    .from(shortlistCandidates)
    .innerJoin(shortlists, eq(shortlists.id, shortlistCandidates.shortlistId))
    .where(
      and(
        inArray(shortlistCandidates.clientId, clientIds),
        eq(shortlistCandidates.decision, 'open'),
        inArray(shortlists.status, [...OPEN_SHORTLIST]),
      ),
    )
}

/** Per client (every client, or those of `clientIds`), on how many open shortlists they are still open. */
export async function openShortlistCounts(
  db: DbOrTx,
  clientIds?: number[],
): Promise<Map<number, number>> {
  const rows = await db
    .select({ clientId: shortlistCandidates.clientId, n: count() })
    .from(shortlistCandidates)
    .innerJoin(shortlists, eq(shortlists.id, shortlistCandidates.shortlistId))
    .where(
      and(
        inArray(shortlists.status, [...OPEN_SHORTLIST]),
        eq(shortlistCandidates.decision, 'open'),
        clientIds && inArray(shortlistCandidates.clientId, clientIds),
      ),
    )
    .groupBy(shortlistCandidates.clientId)
  return new Map(rows.map((r) => [r.clientId, r.n]))
}

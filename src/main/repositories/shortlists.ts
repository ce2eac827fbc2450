import { and, desc, eq, inArray, sql } from 'drizzle-orm'
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

export function findShortlist(db: DbOrTx, id: number) {
  return db.select().from(shortlists).where(eq(shortlists.id, id)).get()
}

/** Every round of a dwelling, the newest first. */
export function roundsOf(db: DbOrTx, dwellingId: number) {
  return db
    .select()
    .from(shortlists)
    .where(eq(shortlists.dwellingId, dwellingId))
    .orderBy(desc(shortlists.round))
    .all()
}

/** The dwelling's latest round, if it has had one. */
export function currentRoundOf(db: DbOrTx, dwellingId: number) {
  return db
    .select({
      round: shortlists.round,
      status: shortlists.status,
      eligiblePoolSize: shortlists.eligiblePoolSize,
    })
    .from(shortlists)
    .where(eq(shortlists.dwellingId, dwellingId))
    .orderBy(desc(shortlists.round))
    .get()
}

/** The ids of the dwelling's rounds that are still open. */
export function openRoundIdsOf(db: DbOrTx, dwellingId: number): number[] {
  return db
    .select({ id: shortlists.id })
    .from(shortlists)
    .where(
      and(eq(shortlists.dwellingId, dwellingId), inArray(shortlists.status, [...OPEN_SHORTLIST])),
    )
    .all()
    .map((s) => s.id)
}

const openOn = (shortlistId: number) =>
  and(eq(shortlistCandidates.shortlistId, shortlistId), eq(shortlistCandidates.decision, 'open'))

/** Clients still open (undecided) on a shortlist, by position. */
export function openCandidates(db: DbOrTx, shortlistId: number) {
  return db
    .select()
    .from(shortlistCandidates)
    .where(openOn(shortlistId))
    .orderBy(shortlistCandidates.position)
    .all()
}

/** How many clients are still open on a shortlist. */
export function countOpenCandidates(db: DbOrTx, shortlistId: number): number {
  return db
    .select({ id: shortlistCandidates.id })
    .from(shortlistCandidates)
    .where(openOn(shortlistId))
    .all().length
}

/** The round a candidate stands on. */
export function roundOfCandidate(db: DbOrTx, candidateId: number): number {
  return db
    .select({ shortlistId: shortlistCandidates.shortlistId })
    .from(shortlistCandidates)
    .where(eq(shortlistCandidates.id, candidateId))
    .get()!.shortlistId
}

/** Where these clients still stand open on an open round. */
export function openCandidacies(db: DbOrTx, clientIds: number[]) {
  return db
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
    .all()
}

/** Per client (every client, or those of `clientIds`), on how many open shortlists they are still open. */
export function openShortlistCounts(db: DbOrTx, clientIds?: number[]): Map<number, number> {
  const rows = db
    .select({ clientId: shortlistCandidates.clientId, n: sql<number>`count(*)` })
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
    .all()
  return new Map(rows.map((r) => [r.clientId, r.n]))
}

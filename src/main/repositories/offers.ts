import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/connection'
import { offers, shortlists } from '../db/schema'

/** An offer and how the client answered it. */
export const offerOutcomeColumns = {
  offeredOn: offers.offeredOn,
  outcome: offers.outcome,
  respondedOn: offers.respondedOn,
  declineReason: offers.declineReason,
}

export async function findOffer(db: DbOrTx, id: number) {
  return (await db.select().from(offers).where(eq(offers.id, id)).limit(1))[0]
}

/** The day the client chosen in a round declined the offer (the round then went back), or null. */
export const roundDeclinedOn = sql<string | null>`(
  SELECT max(o.responded_on) FROM offers o
  JOIN shortlist_candidates declined ON declined.id = o.candidate_id
  WHERE declined.shortlist_id = ${shortlists.id} AND o.outcome = 'geweigerd')`

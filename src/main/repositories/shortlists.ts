import { offers, shortlistCandidates } from '../db/schema'

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

/** An offer and how the client answered it. */
export const offerOutcomeColumns = {
  offeredOn: offers.offeredOn,
  outcome: offers.outcome,
  respondedOn: offers.respondedOn,
  declineReason: offers.declineReason,
}

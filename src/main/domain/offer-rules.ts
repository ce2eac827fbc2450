import { isoToDutchDay } from '../../shared/domain/dates'
import {
  VALID_DECLINE_REASONS,
  type ContractKind,
  type DeclineReason,
  type Flow,
} from '../../shared/domain/vocabulary'

/**
 * The rules of the one-time offer and its dates (seed 003, Bijlage 5; issue 16 §4 and §6), as
 * pure functions of ISO days (yyyy-mm-dd, which compare as text). Each check answers with the
 * Dutch sentence the officer reads, or null when the input is fine; the API, the UI and the
 * answers import all ask these same functions.
 */

export type DateProblem = string | null

/** The offer is made after the corporation saw the round, and never in the future. */
export function offerDateProblem(
  offeredOn: string,
  presentedOn: string,
  today: string,
): DateProblem {
  if (offeredOn > today)
    return `De aanbiedingsdatum (${isoToDutchDay(offeredOn)}) ligt na vandaag (${isoToDutchDay(today)})`
  if (offeredOn < presentedOn)
    return `De aanbiedingsdatum (${isoToDutchDay(offeredOn)}) ligt vóór de voordracht (${isoToDutchDay(presentedOn)})`
  return null
}

/** The client answers (accepts or declines) after the offer, and not in the future. */
export function responseDateProblem(
  respondedOn: string,
  offeredOn: string,
  today: string,
): DateProblem {
  if (respondedOn > today)
    return `De datum van de reactie (${isoToDutchDay(respondedOn)}) ligt na vandaag (${isoToDutchDay(today)})`
  if (respondedOn < offeredOn)
    return `De datum van de reactie (${isoToDutchDay(respondedOn)}) ligt vóór de aanbieding (${isoToDutchDay(offeredOn)})`
  return null
}

/** A lease may start in the future, but never before the offer it follows. */
export function leaseStartProblem(startsOn: string, offeredOn: string): DateProblem {
  if (startsOn < offeredOn)
    return `De ingangsdatum (${isoToDutchDay(startsOn)}) ligt vóór de aanbieding (${isoToDutchDay(offeredOn)})`
  return null
}

/** An omklapcontract (flip contract) needs a dwelling the corporation marked flip-possible. */
export function contractProblem(kind: ContractKind, flipPossible: boolean): string | null {
  if (kind === 'omklap' && !flipPossible)
    return 'Een omklapcontract kan alleen bij een woning waar omklappen mogelijk is; kies een huurcontract of laat de corporatie de woning aanpassen'
  return null
}

/** The contract when the officer names none: instroom flips where the dwelling allows it. */
export function defaultContract(flow: Flow, flipPossible: boolean): ContractKind {
  return flow === 'instroom' && flipPossible ? 'omklap' : 'huur'
}

export const isValidDeclineReason = (reason: DeclineReason): boolean =>
  VALID_DECLINE_REASONS.has(reason)

/**
 * Where a client stands after declining. Uitstroom gets one offer: only a valid reason keeps them
 * waiting; otherwise the offer is used up and they go on through the regular route (WoningNet).
 * Instroom is not bound by the one-time offer and keeps waiting.
 */
export function statusAfterDecline(
  flow: Flow,
  reason: DeclineReason,
): 'wachtend' | 'aanbieding-benut' {
  return flow === 'uitstroom' && !isValidDeclineReason(reason) ? 'aanbieding-benut' : 'wachtend'
}

import type { QuarterKey } from '../../shared/domain/quarter'
import type { DeclineReason, DwellingType, RejectionReason } from '../../shared/domain/vocabulary'
import type { QuarterOutcome } from './measure'
import type { ClientTemplate, DwellingTemplate } from './observed'

/**
 * What a run of the Vooruitblik plays against: the steps the corporations, the clients and the
 * officer take, and the few facts the run reads to decide what comes next. play() (run.ts) is the
 * same for every world; a world only decides how the steps are carried out — through the app's
 * services on a copy of the database (services-world.ts, the reference), or on plain objects with
 * the same domain rules (memory-world.ts, fast). A method may answer at once or with a promise.
 */

export type Maybe<T> = T | Promise<T>

/**
 * What a dwelling waits for after a step: a client's reply to an offer, a concept to present, or
 * the corporation's answer on a round presented again (the free reserves after a decline).
 */
export interface Next {
  offer?: { id: number; offeredOn: string }
  concept?: number
  presented?: { id: number; dwellingId: number }
}

export interface Rejection {
  reason: RejectionReason
  text: string | null
}

export interface Decline {
  reason: DeclineReason
  text: string | null
}

export interface DwellingSketch {
  address: string
  complex: string | null
  type: DwellingType
  floor: number
  hasLift: boolean
}

export interface World {
  /**
   * The quarter's quota per corporation: planned now, or, for the quarter the run starts in, as
   * already planned if it was.
   */
  planQuarter(key: QuarterKey, isFirst: boolean): Maybe<{ corporationId: number; quota: number }[]>
  submittedCount(key: QuarterKey, corporationId: number): Maybe<number>
  /** The submission days of the quarter's dwellings that still wait for candidates. */
  submittedWaiting(key: QuarterKey): Maybe<string[]>
  /** Concept rounds (of the quarter's dwellings, or of all), in id order. */
  concepts(key?: QuarterKey): Maybe<number[]>
  shortlistStatus(shortlistId: number): Maybe<string | undefined>
  /** Clients still open on a round, by position. */
  openCandidates(shortlistId: number): Maybe<number[]>
  offer(
    offerId: number,
  ): Maybe<{ outcome: string; offeredOn: string; availableFrom: string } | undefined>
  dwelling(dwellingId: number): Maybe<DwellingSketch>
  presentedRounds(): Maybe<{ id: number; dwellingId: number }[]>
  openOffers(): Maybe<{ id: number; offeredOn: string }[]>
  /** Quarters before `key` with dwellings still waiting for candidates. */
  quartersWithLeftovers(key: QuarterKey): Maybe<string[]>

  register(client: ClientTemplate & { code: string; registeredOn: string }): Maybe<void>
  submit(
    dwelling: DwellingTemplate & {
      quarterKey: QuarterKey
      corporationId: number
      submittedOn: string
      availableFrom: string
    },
  ): Maybe<void>
  /** Concept rounds for the quarter's dwellings waiting for candidates (the quarter's batch). */
  generate(key: QuarterKey): Maybe<void>
  /** Presents a concept round; answers its dwelling. */
  present(shortlistId: number): Maybe<number>
  withdrawDwelling(dwellingId: number, reason: string): Maybe<void>
  rejectAll(shortlistId: number, rejection: Rejection, motivation: string): Maybe<Next>
  /** Null when the client is no longer free (chosen elsewhere first). */
  choose(shortlistId: number, clientId: number): Maybe<Next | null>
  declineOffer(offerId: number, decline: Decline): Maybe<Next>
  acceptOffer(offerId: number, startsOn: string): Maybe<void>
  /** Each quarter as the report measures it. */
  measure(keys: QuarterKey[]): Maybe<QuarterOutcome[]>
}

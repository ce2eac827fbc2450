import { isEligible, type EligibilityContext } from './eligibility'
import type { ClientFacts, DwellingFacts } from './facts'
import { createBatchScorer, scoreCandidate, type RankingContext, type Score } from './ranking'

/**
 * The quarter's assignment as data: which client may go on which dwelling's list, and how well
 * they fit. Indices, not ids, so the solver stays a plain computation
 * (src/main/matching/assignment.ts solves it with HiGHS).
 */
export interface AssignmentProblem {
  dwellings: number
  /** Places per dwelling (N, the shortlist size). */
  places: number
  /** Per client: how many more open lists it may stand on. */
  clientCapacity: readonly number[]
  pairs: readonly { dwelling: number; client: number; score: number }[]
}

/** Which pairs were chosen, parallel to `problem.pairs`. */
export type AssignmentSolver = (problem: AssignmentProblem) => boolean[]

export interface ProposedCandidate {
  clientId: number
  score: Score
}

/** Why a dwelling got fewer than N candidates, if it did. */
export type ShortNote = 'full' | 'too-few-eligible' | 'needed-elsewhere'

/** A better-ranked eligible client who went on another dwelling's list instead. */
export interface PassedOver {
  clientId: number
  /** The dwelling whose list needed this client. */
  onDwellingId: number
}

export interface ProposedShortlist {
  dwellingId: number
  /** Eligible clients when the batch was made, before any went on a list: the context of the choice. */
  eligiblePool: number
  candidates: ProposedCandidate[]
  /** "too-few-eligible": fewer than N eligible at all; "needed-elsewhere": enough, but the assignment placed some on other lists. */
  note: ShortNote
  passedOver: PassedOver[]
}

/** A stable tiebreak per client that does not favour low codes or early registrations. */
export function tiebreak(code: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < code.length; i++) {
    hash ^= code.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function compareCandidates(
  a: { total: number; client: ClientFacts },
  b: { total: number; client: ClientFacts },
): number {
  if (b.total !== a.total) return b.total - a.total
  // ISO dates order as plain strings; localeCompare would be needlessly slow in a hot loop.
  if (a.client.registeredOn !== b.client.registeredOn)
    return a.client.registeredOn < b.client.registeredOn ? -1 : 1
  return tiebreak(a.client.code) - tiebreak(b.client.code)
}

/** The best `n` by `compare`, without sorting the whole pool (a dwelling's pool can be thousands). */
export function best<T>(items: readonly T[], n: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = []
  for (const item of items) {
    if (top.length === n && compare(item, top[n - 1]!) >= 0) continue
    let at = top.length
    while (at > 0 && compare(item, top[at - 1]!) < 0) at--
    top.splice(at, 0, item)
    if (top.length > n) top.pop()
  }
  return top
}

/**
 * Each dwelling's best K eligible clients go into the assignment. Measured on the demo and on
 * stressed variants of it (tests/integration/matching-batch-exact.test.ts), pruning to K never cost
 * a dwelling or a place; a larger K only makes the solve slower.
 */
export const PRUNE_TO_BEST = 50

/**
 * Shortlists for a whole quarter at once, as one exact assignment (docs/matching.md, "Eén optimale
 * verdeling per kwartaal"): each dwelling at most `size` candidates, each client on at most as many
 * open lists as the setting allows; first as many dwellings as possible get a candidate, then as
 * many places as possible are filled, then the total score is highest. Within a list the
 * candidates stand in ranking order; the lists come in dwelling id order.
 */
export function buildShortlists(
  dwellings: readonly DwellingFacts[],
  clients: readonly ClientFacts[],
  eligibility: EligibilityContext,
  ranking: RankingContext,
  size: number,
  solve: AssignmentSolver,
): ProposedShortlist[] {
  const scoreTotal = createBatchScorer(ranking)
  // In id order, so equally good assignments come out the same whatever order the input had.
  const ordered = [...dwellings].sort((a, b) => a.id - b.id)
  const pools = ordered.map((dwelling) => {
    const eligible = clients.filter((client) => isEligible(client, dwelling, eligibility))
    const ranked = best(
      eligible.map((client) => ({ client, total: scoreTotal(client, dwelling) })),
      PRUNE_TO_BEST,
      compareCandidates,
    )
    return { dwelling, pool: eligible.length, ranked }
  })

  const clientIndex = new Map<number, number>()
  const capacity: number[] = []
  const pairs: { dwelling: number; client: number; score: number }[] = []
  pools.forEach(({ ranked }, d) => {
    for (const { client, total } of ranked) {
      let c = clientIndex.get(client.id)
      if (c === undefined) {
        c = capacity.push(eligibility.maxOpenShortlists - client.openShortlists) - 1
        clientIndex.set(client.id, c)
      }
      pairs.push({ dwelling: d, client: c, score: total })
    }
  })
  const chosen = solve({
    dwellings: ordered.length,
    places: Math.max(0, size),
    clientCapacity: capacity,
    pairs,
  })

  const listed = pools.map(() => new Set<number>())
  const placedOn = new Map<number, number>()
  let at = 0
  pools.forEach(({ dwelling, ranked }, d) => {
    for (const { client } of ranked) {
      if (chosen[at++]) {
        listed[d]!.add(client.id)
        placedOn.set(client.id, dwelling.id)
      }
    }
  })

  return pools.map(({ dwelling, pool, ranked }, d) => {
    const onList = ranked.filter(({ client }) => listed[d]!.has(client.id))
    const weakest = onList.at(-1)
    // Better-ranked than someone on this list, or left out of a list that is not full.
    const passedOver = ranked
      .filter(
        (r) =>
          !listed[d]!.has(r.client.id) &&
          (onList.length < size || (weakest !== undefined && compareCandidates(r, weakest) < 0)),
      )
      .flatMap(({ client }) => {
        const onDwellingId = placedOn.get(client.id)
        return onDwellingId === undefined ? [] : [{ clientId: client.id, onDwellingId }]
      })
    const note: ShortNote =
      onList.length >= size ? 'full' : pool < size ? 'too-few-eligible' : 'needed-elsewhere'
    return {
      dwellingId: dwelling.id,
      eligiblePool: pool,
      candidates: onList.map(({ client }) => ({
        clientId: client.id,
        score: scoreCandidate(client, dwelling, ranking),
      })),
      note,
      passedOver,
    }
  })
}

import type { EligibilityContext } from './eligibility'
import { eligibilityScreen } from './eligibility-screen'
import type { ClientFacts, DwellingFacts } from './facts'
import { assign, type AssignmentSolver } from './assignment'
import {
  balancePoints,
  balanceRoom,
  createBatchScorer,
  scoreCandidate,
  type RankingContext,
  type Score,
} from './ranking'

export interface ProposedCandidate {
  clientId: number
  score: Score
  /** A free eligible client ranked below would have had this place without balance. */
  decidedByBalance: boolean
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

function inIdOrder(clients: readonly ClientFacts[]): boolean {
  for (let i = 1; i < clients.length; i++) if (clients[i - 1]!.id >= clients[i]!.id) return false
  return true
}

/** How much of the batch's reasoning to write out. */
export interface BatchOptions {
  /**
   * The Dutch explanation of every score part and the clients passed over, for the officer. A
   * simulation never shows them: without them each candidate keeps its total but no parts, and no
   * one is named as passed over. The lists and scores are the same either way.
   */
  explain: boolean
}

interface Ranked {
  client: ClientFacts
  /** Position in the batch's clients (by id). */
  index: number
  total: number
}

/**
 * Shortlists for a whole quarter at once (docs/matching.md, "Eén optimale verdeling per
 * kwartaal"): each dwelling at most `size` candidates, each client on at most as many open lists as
 * the setting allows; first as many dwellings as possible get a candidate, then as many places as
 * possible are filled, then the total score is highest.
 *
 * A dwelling with at least D·N eligible clients (D dwellings, N places) can be filled whatever the
 * others take, so it need not join the exact assignment: the others are assigned exactly first,
 * then these "ample" dwellings take their best free clients, fewest eligible first. Within a list
 * the candidates stand in ranking order; the lists come in dwelling id order.
 */
export function buildShortlists(
  dwellings: readonly DwellingFacts[],
  clients: readonly ClientFacts[],
  eligibility: EligibilityContext,
  ranking: RankingContext,
  size: number,
  solve: AssignmentSolver,
  { explain }: BatchOptions = { explain: true },
): ProposedShortlist[] {
  const places = Math.max(0, size)
  const scoreTotal = createBatchScorer(ranking)
  // In id order, so equally good assignments come out the same whatever order the input had.
  const ordered = [...dwellings].sort((a, b) => a.id - b.id)
  // The waiting list usually comes in id order already (then it is taken as it is, not copied).
  const people = inIdOrder(clients) ? clients : [...clients].sort((a, b) => a.id - b.id)
  const screen = eligibilityScreen(people, eligibility)
  const pools: Ranked[][] = ordered.map((dwelling) =>
    screen.eligible(dwelling).map((index) => {
      const client = people[index]!
      return { client, index, total: scoreTotal(client, dwelling) }
    }),
  )
  const room = people.map((c) => Math.max(0, eligibility.maxOpenShortlists - c.openShortlists))
  // compareCandidates, with each client's tiebreak hashed once instead of at every comparison.
  const ties: number[] = []
  const tieOf = (r: Ranked) => (ties[r.index] ??= tiebreak(r.client.code))
  const compare = (a: Ranked, b: Ranked) => {
    if (b.total !== a.total) return b.total - a.total
    if (a.client.registeredOn !== b.client.registeredOn)
      return a.client.registeredOn < b.client.registeredOn ? -1 : 1
    return tieOf(a) - tieOf(b)
  }
  const chosen: Ranked[][] = pools.map(() => [])

  const ample = (pool: Ranked[]) => pool.length >= ordered.length * places
  const tight = pools.flatMap((pool, d) => (ample(pool) ? [] : [d]))
  const ranked = tight.map((d) => [...pools[d]!].sort(compare))
  const assigned = assign(
    ranked.map((pool) => ({ clients: pool.map((r) => r.index), scores: pool.map((r) => r.total) })),
    room,
    places,
    solve,
  )
  tight.forEach((d, t) => {
    chosen[d] = ranked[t]!.filter((r) => assigned[t]!.has(r.index))
    for (const r of chosen[d]) room[r.index]!--
  })
  const rest = pools.flatMap((pool, d) => (ample(pool) ? [d] : []))
  rest.sort((a, b) => pools[a]!.length - pools[b]!.length || a - b)
  for (const d of rest) {
    chosen[d] = best(
      pools[d]!.filter((r) => room[r.index]! > 0),
      places,
      compare,
    )
    for (const r of chosen[d]) room[r.index]!--
  }

  const placedOn = new Map<number, number>()
  chosen.forEach((list, d) => {
    for (const r of list) placedOn.set(r.index, ordered[d]!.id)
  })
  const balance = new Map<number, number>()
  const withoutBalance = (r: Ranked, dwelling: DwellingFacts) => {
    if (!balance.has(r.index)) balance.set(r.index, balancePoints(r.client, dwelling, ranking))
    return r.total - balance.get(r.index)!
  }
  // Balance moves two clients apart by at most the balance room (ranking.ts balanceScale), so a
  // client further below than that (plus the totals' rounding) cannot be ahead without it: their
  // balance points need not be worked out (most of a large pool).
  const reach = balanceRoom(ranking) + 0.02
  return ordered.map((dwelling, d) => {
    const pool = pools[d]!
    const onList = chosen[d]!
    const listed = new Set(onList.map((r) => r.index))
    let free: Ranked[] | undefined
    // Balance decided the place when a free client it ranks below would otherwise be ahead.
    const decidedByBalance = (c: Ranked) =>
      (free ??= pool.filter((r) => !listed.has(r.index) && room[r.index]! > 0)).some(
        (r) =>
          r.total <= c.total &&
          c.total - r.total <= reach &&
          withoutBalance(r, dwelling) > withoutBalance(c, dwelling),
      )
    const weakest = onList.at(-1)
    // Ranked above someone on this list, or left off a list that is not full: the assignment
    // needed them elsewhere. The best few are named, enough to explain the list.
    const passedOver = !explain
      ? []
      : best(
          pool.filter(
            (r) =>
              placedOn.has(r.index) &&
              !listed.has(r.index) &&
              (onList.length < places || compare(r, weakest!) < 0),
          ),
          places,
          compare,
        ).map((r) => ({ clientId: r.client.id, onDwellingId: placedOn.get(r.index)! }))
    const note: ShortNote =
      onList.length >= places
        ? 'full'
        : pool.length < places
          ? 'too-few-eligible'
          : 'needed-elsewhere'
    return {
      dwellingId: dwelling.id,
      eligiblePool: pool.length,
      candidates: onList.map((c) => ({
        clientId: c.client.id,
        score: explain
          ? scoreCandidate(c.client, dwelling, ranking)
          : { total: c.total, parts: [] },
        decidedByBalance: decidedByBalance(c),
      })),
      note,
      passedOver,
    }
  })
}

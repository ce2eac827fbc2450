/**
 * The assignment of clients to dwellings' lists: a maximum flow for the places, then the scores
 * by a min-cost flow or, for many dwellings, a network LP kept free of any solver. Indices, not
 * ids; src/main/matching/highs-solver.ts solves the LP with HiGHS.
 */

import { fillFullest, type Filling } from './fullest-filling'
import { solveScoreFlow } from './score-flow'

export interface AssignmentPair {
  dwelling: number
  client: number
  /** The pair's weight in the objective's third tier (score), see `assign`. */
  value: number
}

export interface AssignmentProblem {
  dwellings: number
  /** Places per dwelling (N, the shortlist size). */
  places: number
  /** What a dwelling's first place is worth, and each further place. */
  firstPlace: number
  furtherPlace: number
  /** Per client: on how many more open lists it may stand. */
  clientCapacity: readonly number[]
  pairs: readonly AssignmentPair[]
  /** HiGHS tolerances: tight when squeezed scores a hundredth of a point apart must be told apart. */
  tolerances: Record<string, number>
}

export interface AssignmentSolution {
  chosen: AssignmentPair[]
  /** The LP's prices (row duals): what one more list costs at each dwelling and each client. */
  dwellingPrice: readonly number[]
  /** Clients in no pair have price 0. */
  clientPrice: ReadonlyMap<number, number>
}

export type AssignmentSolver = (problem: AssignmentProblem) => AssignmentSolution

/** One dwelling's eligible clients, best first: client indices and their scores. */
export interface RankedPool {
  clients: readonly number[]
  scores: readonly number[]
}

/** Each dwelling's best K eligible clients are weighed for the score tier (see `assign`). */
export const START_WITH_BEST = 10

/** Dwellings with fewest eligible first, each taking its best clients that still have room. */
function greedy(
  pools: readonly RankedPool[],
  capacity: readonly number[],
  places: number,
): Filling {
  const room = [...capacity]
  const order = pools.map((_p, d) => d)
  order.sort((a, b) => pools[a]!.clients.length - pools[b]!.clients.length || a - b)
  const picks = pools.map(() => new Set<number>())
  for (const d of order) {
    for (const client of pools[d]!.clients) {
      if (picks[d]!.size === places) break
      if (room[client]! > 0) {
        room[client]!--
        picks[d]!.add(client)
      }
    }
  }
  return { picks, room }
}

/**
 * Up to this many contested dwellings the score LP is solved as a flow here (score-flow.ts), beyond
 * it by HiGHS, which grows better with size: on the ten-year data the quarter batch (116 contested)
 * is as quick either way, a batch of 5,000 × 2,000 takes 2.4 s with HiGHS against 3.6 s as a flow;
 * every batch of the Vooruitblik stays under it, and a run takes a fifth less time than with HiGHS
 * for all (round 9).
 */
const FLOW_UP_TO = 150

const EXACT = { dual_feasibility_tolerance: 1e-10, primal_feasibility_tolerance: 1e-9 }

/**
 * The assignment, lexicographic in three tiers: dwellings with a candidate, then places filled,
 * then total score. A first place is worth 2 and each further place 1; the first two tiers can be
 * maximal at once (some fullest filling covers every dwelling any filling covers), so their sum is
 * maximal only when both are.
 *
 * The first two tiers are a maximum flow: a quick greedy filling, grown by augmenting paths
 * (fullest-filling.ts), is maximal in both, exactly. The scores are then weighed over that
 * filling and each dwelling's best K. A dwelling that shares none of those clients with another
 * takes its best with room; the others go to one min-cost flow (score-flow.ts) or, when many, to
 * one LP for HiGHS. In the LP scores are squeezed into [0, 1/(D·N + 1)) per pair, so together they
 * are worth less than one place and never buy a place away. The score tier is the best over those
 * pairs: a better total that needs a client from deeper in a pool is not sought.
 */
export function assign(
  pools: readonly RankedPool[],
  clientCapacity: readonly number[],
  places: number,
  solve: AssignmentSolver,
): Set<number>[] {
  if (places <= 0) return pools.map(() => new Set())
  const filling = greedy(pools, clientCapacity, places)
  // One dwelling has no competition: its best free clients are the optimum in every tier.
  if (pools.length <= 1) return filling.picks
  fillFullest(pools, places, filling)

  const columns = pools.map((pool) => new Set(pool.clients.slice(0, START_WITH_BEST)))
  filling.picks.forEach((set, d) => {
    for (const client of set) columns[d]!.add(client)
  })
  const chosen = pools.map(() => new Set<number>())
  // A dwelling that shares none of its clients with another competes with nobody for the score:
  // its best clients with room are its optimum (in ranking order, so ties go to who stands first).
  const shared = new Map<number, number>()
  for (const set of columns)
    for (const client of set) shared.set(client, (shared.get(client) ?? 0) + 1)
  const contested: number[] = []
  columns.forEach((set, d) => {
    if ([...set].some((client) => shared.get(client)! > 1)) contested.push(d)
    else
      for (const client of pools[d]!.clients) {
        if (chosen[d]!.size === places) break
        if (set.has(client) && clientCapacity[client]! > 0) chosen[d]!.add(client)
      }
  })
  if (contested.length === 0) return chosen

  if (contested.length <= FLOW_UP_TO) {
    const pairs = contested.flatMap((d, at) => {
      const pool = pools[d]!
      return pool.clients.flatMap((client, i) =>
        columns[d]!.has(client)
          ? [{ dwelling: at, client, cents: Math.round(pool.scores[i]! * 100) }]
          : [],
      )
    })
    for (const { dwelling, client } of solveScoreFlow(
      contested.length,
      places,
      clientCapacity,
      pairs,
    ))
      chosen[contested[dwelling]!]!.add(client)
    return chosen
  }
  let low = Infinity
  let high = -Infinity
  for (const d of contested)
    for (const score of pools[d]!.scores) {
      low = Math.min(low, score)
      high = Math.max(high, score)
    }
  const squeeze = 1 / ((high - low || 1) * (contested.length * places + 1))
  const pairs = contested.flatMap((d, at) => {
    const pool = pools[d]!
    return pool.clients.flatMap((client, i) =>
      columns[d]!.has(client)
        ? [{ dwelling: at, client, value: (pool.scores[i]! - low) * squeeze }]
        : [],
    )
  })
  const problem = { dwellings: contested.length, places, firstPlace: 2, furtherPlace: 1 }
  const lp = { ...problem, clientCapacity, pairs, tolerances: EXACT }
  for (const { dwelling, client } of solve(lp).chosen) chosen[contested[dwelling]!]!.add(client)
  return chosen
}

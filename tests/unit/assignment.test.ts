import { describe, expect, it } from 'vitest'
import { createRandom } from '../../src/main/demo/random'
import { assign, type RankedPool } from '../../src/main/domain/assignment'
import { assignmentSolver } from '../../src/main/matching/highs-solver'

/**
 * `assign` against brute force on small batches (every pool within the LP's best ten, so the
 * score tier is exact too): dwellings covered, then places filled, then the total score.
 */
function instance(seed: number) {
  const rnd = createRandom(seed, 'assignment')
  const dwellings = rnd.int(2, 4)
  const clients = rnd.int(1, 7)
  const places = rnd.int(1, 2)
  const capacity = Array.from({ length: clients }, () => rnd.int(0, 2))
  const pools: RankedPool[] = Array.from({ length: dwellings }, () => {
    const ranked = Array.from({ length: clients }, (_c, c) => c)
      .filter(() => rnd.chance(0.45))
      // Few distinct scores: ties, where a solver's arbitrary choice would show.
      .map((client) => ({ client, score: rnd.int(0, 4) / 4 }))
      .sort((a, b) => b.score - a.score || a.client - b.client)
    return { clients: ranked.map((r) => r.client), scores: ranked.map((r) => r.score) }
  })
  return { pools, capacity, places }
}

type Tiers = [covered: number, filled: number, score: number]

function tiers(pools: readonly RankedPool[], lists: readonly Set<number>[]): Tiers {
  let score = 0
  lists.forEach((set, d) => {
    for (const client of set) score += pools[d]!.scores[pools[d]!.clients.indexOf(client)]!
  })
  const filled = lists.reduce((sum, set) => sum + set.size, 0)
  return [lists.filter((set) => set.size > 0).length, filled, score]
}

/** Every list of at most `places` per dwelling within the clients' capacity; the best tiers. */
function bruteForce(pools: readonly RankedPool[], capacity: readonly number[], places: number) {
  const subsets = (pool: readonly number[]): number[][] => {
    const out: number[][] = [[]]
    for (const client of pool)
      for (const s of [...out]) if (s.length < places) out.push([...s, client])
    return out
  }
  const choices = pools.map((pool) => subsets(pool.clients))
  let best: Tiers = [-1, -1, -1]
  const used = capacity.map(() => 0)
  const lists: Set<number>[] = []
  const walk = (d: number) => {
    if (d === pools.length) {
      const t = tiers(pools, lists)
      const better = t[0] - best[0] || t[1] - best[1] || t[2] - best[2]
      if (better > 1e-9) best = t
      return
    }
    for (const choice of choices[d]!) {
      if (choice.some((c) => used[c]! >= capacity[c]!)) continue
      for (const c of choice) used[c]!++
      lists[d] = new Set(choice)
      walk(d + 1)
      for (const c of choice) used[c]!--
    }
  }
  walk(0)
  return best
}

describe('the assignment', () => {
  it('covers, fills and scores as well as the best of every possible assignment', () => {
    const solve = assignmentSolver()
    for (let seed = 1; seed <= 400; seed++) {
      const { pools, capacity, places } = instance(seed)
      const lists = assign(pools, capacity, places, solve)
      const [covered, filled, score] = tiers(pools, lists)
      const [bestCovered, bestFilled, bestScore] = bruteForce(pools, capacity, places)
      expect([covered, filled], `seed ${seed}`).toEqual([bestCovered, bestFilled])
      expect(score, `seed ${seed}`).toBeCloseTo(bestScore, 9)
      lists.forEach((set, d) => {
        expect(set.size).toBeLessThanOrEqual(places)
        for (const client of set) expect(pools[d]!.clients).toContain(client)
      })
      capacity.forEach((cap, client) =>
        expect(lists.filter((set) => set.has(client)).length).toBeLessThanOrEqual(cap),
      )
    }
  })

  it('gives a dwelling that shares no client its first clients with room, in ranking order', () => {
    // Dwelling 0 shares nobody; its clients 0 and 1 tie on score, and 1 ranks first.
    const pools: RankedPool[] = [
      { clients: [1, 0, 2], scores: [0.5, 0.5, 0.25] },
      { clients: [3, 4], scores: [0.75, 0.5] },
      { clients: [4, 3], scores: [0.75, 0.5] },
    ]
    const lists = assign(pools, [1, 1, 1, 1, 1], 1, assignmentSolver())
    expect(lists[0]).toEqual(new Set([1]))
    expect(new Set([...lists[1]!, ...lists[2]!])).toEqual(new Set([3, 4]))
  })
})

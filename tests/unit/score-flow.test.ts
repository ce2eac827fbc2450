import { describe, expect, it } from 'vitest'
import { createRandom } from '../../src/main/demo/random'
import { solveScoreFlow, type ScoredPair } from '../../src/main/domain/score-flow'
import { assignmentSolver } from '../../src/main/matching/highs-solver'

/**
 * The flow against HiGHS on the same score LPs: both are exact, so where equally good answers
 * differ in who, they must agree on dwellings covered, places filled and the total score.
 */
function problem(seed: number) {
  const rnd = createRandom(seed, 'score-flow')
  const dwellings = rnd.int(2, 40)
  const clients = rnd.int(2, 120)
  const places = rnd.int(1, 4)
  const capacity = Array.from({ length: clients }, () => rnd.int(0, 2))
  const pairs: ScoredPair[] = []
  for (let d = 0; d < dwellings; d++)
    for (let c = 0; c < clients; c++)
      // Negative scores too (spreading can push a total below zero), and many ties.
      if (rnd.chance(6 / clients))
        pairs.push({ dwelling: d, client: c, cents: rnd.int(-20, 60) * 5 })
  return { dwellings, places, capacity, pairs }
}

function tiers(pairs: readonly ScoredPair[]) {
  return {
    covered: new Set(pairs.map((p) => p.dwelling)).size,
    filled: pairs.length,
    cents: pairs.reduce((sum, p) => sum + p.cents, 0),
  }
}

describe('the score flow', () => {
  it('covers, fills and scores exactly as HiGHS does on the same LP', () => {
    const solve = assignmentSolver()
    for (let seed = 1; seed <= 150; seed++) {
      const { dwellings, places, capacity, pairs } = problem(seed)
      const flow = solveScoreFlow(dwellings, places, capacity, pairs)
      const low = Math.min(0, ...pairs.map((p) => p.cents))
      const squeeze = 1 / ((600 + 100) * (dwellings * places + 1))
      const lp = solve({
        dwellings,
        places,
        firstPlace: 2,
        furtherPlace: 1,
        clientCapacity: capacity,
        pairs: pairs.map((p) => ({ ...p, value: (p.cents - low) * squeeze })),
        tolerances: { dual_feasibility_tolerance: 1e-10, primal_feasibility_tolerance: 1e-9 },
      })
      const byKey = new Map(pairs.map((p) => [`${p.dwelling}:${p.client}`, p]))
      const highs = lp.chosen.map((p) => byKey.get(`${p.dwelling}:${p.client}`)!)
      expect(tiers(flow), `seed ${seed}`).toEqual(tiers(highs))
      // A valid answer: at most N a dwelling, no client over its room.
      for (let d = 0; d < dwellings; d++)
        expect(flow.filter((p) => p.dwelling === d).length).toBeLessThanOrEqual(places)
      capacity.forEach((cap, c) =>
        expect(flow.filter((p) => p.client === c).length).toBeLessThanOrEqual(cap),
      )
    }
  })

  it('gives nothing for no pairs, and leaves a client without room off every list', () => {
    expect(solveScoreFlow(2, 3, [1], [])).toEqual([])
    const pairs = [
      { dwelling: 0, client: 0, cents: 90 },
      { dwelling: 0, client: 1, cents: 10 },
    ]
    expect(solveScoreFlow(1, 1, [0, 1], pairs)).toEqual([pairs[1]])
  })
})

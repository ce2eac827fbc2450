import { describe, expect, it } from 'vitest'
import type { AssignmentPair, AssignmentProblem } from '../../src/main/domain/assignment'
import { createRandom } from '../../src/main/demo/random'
import { assignmentSolver } from '../../src/main/matching/highs-solver'

/** A random assignment LP as `assign` poses them: scored or not, tight tolerances or none. */
function problem(seed: number): AssignmentProblem {
  const rnd = createRandom(seed, 'highs-solver')
  const dwellings = rnd.int(2, 12)
  const clients = rnd.int(3, 40)
  const pairs: AssignmentPair[] = []
  const scored = rnd.chance(0.5)
  for (let d = 0; d < dwellings; d++)
    for (let c = 0; c < clients; c++)
      if (rnd.chance(0.3))
        // Few distinct values: many ties, where a solver's leftover state would show first.
        pairs.push({ dwelling: d, client: c, value: scored ? rnd.int(0, 3) / 100 : 0 })
  return {
    dwellings,
    places: rnd.int(1, 4),
    firstPlace: 2,
    furtherPlace: 1,
    clientCapacity: Array.from({ length: clients }, () => rnd.int(0, 2)),
    pairs,
    tolerances: scored
      ? { dual_feasibility_tolerance: 1e-10, primal_feasibility_tolerance: 1e-9 }
      : {},
  }
}

describe('the HiGHS solver, one instance for every solve', () => {
  it('gives each problem the same answer and prices whatever it solved before', () => {
    const solve = assignmentSolver()
    const problems = Array.from({ length: 60 }, (_p, i) => problem(i + 1))
    const answer = (p: AssignmentProblem) => {
      const { chosen, dwellingPrice, clientPrice } = solve(p)
      return { chosen, dwellingPrice, clientPrice: [...clientPrice] }
    }
    const first = problems.map(answer)
    // Again in another order: every problem now follows another one than before.
    const again = [...problems.keys()].reverse().map((i) => [i, answer(problems[i]!)] as const)
    for (const [i, a] of again) expect(a).toStrictEqual(first[i])
    expect(first.some((a) => a.chosen.length > 0)).toBe(true)
  })
})

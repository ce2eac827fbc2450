import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  assign,
  assignExactly,
  type AssignmentSolver,
  type RankedPool,
} from '../../src/main/domain/assignment'
import { assignmentSolver } from '../../src/main/matching/highs-solver'

/**
 * `assign` skips the solver when the greedy filling already gives every dwelling its own best
 * clients with no tie at a list's edge. Over random problems, with ties and clients many dwellings
 * want, it must return exactly what the LPs return, and the shortcut must really be taken (and
 * really be passed by) often enough for that to mean something. (A lone dwelling, which never
 * reaches the solver, takes its best in ranking order, ties included: not compared here.)
 */

const arbProblem = fc
  .record({
    clients: fc.integer({ min: 1, max: 12 }),
    places: fc.integer({ min: 1, max: 4 }),
    dwellings: fc.integer({ min: 2, max: 6 }),
  })
  .chain(({ clients, places, dwellings }) =>
    fc.record({
      places: fc.constant(places),
      capacity: fc.array(fc.integer({ min: 0, max: 2 }), {
        minLength: clients,
        maxLength: clients,
      }),
      pools: fc.array(
        // A few distinct scores, a hundredth of a point apart or whole points, so ties are common.
        fc.uniqueArray(
          fc.record({
            client: fc.integer({ min: 0, max: clients - 1 }),
            score: fc.oneof(
              fc.integer({ min: 0, max: 2 }).map((n) => 40 + n / 100),
              fc.integer({ min: 38, max: 42 }),
            ),
          }),
          { selector: (p) => p.client, maxLength: clients },
        ),
        { minLength: dwellings, maxLength: dwellings },
      ),
    }),
  )
  .map(({ places, capacity, pools }) => ({
    places,
    capacity,
    // Best first, as the batch ranks them; equal scores keep the drawn order.
    pools: pools.map((pool): RankedPool => {
      const ranked = [...pool].sort((a, b) => b.score - a.score)
      return { clients: ranked.map((p) => p.client), scores: ranked.map((p) => p.score) }
    }),
  }))

const lists = (chosen: Set<number>[]) => chosen.map((set) => [...set].sort((a, b) => a - b))

describe('assign, with and without the solver', () => {
  it('returns exactly what the LPs return, whether it solves or not', () => {
    const solver = assignmentSolver()
    let solved = 0
    let skipped = 0
    fc.assert(
      fc.property(arbProblem, ({ pools, capacity, places }) => {
        let calls = 0
        const counting: AssignmentSolver = (problem) => {
          calls++
          return solver(problem)
        }
        const fast = assign(pools, capacity, places, counting)
        if (calls === 0) skipped++
        else solved++
        expect(lists(fast)).toEqual(lists(assignExactly(pools, capacity, places, solver)))
      }),
      { numRuns: 600 },
    )
    expect(skipped).toBeGreaterThan(50)
    expect(solved).toBeGreaterThan(50)
  })
})

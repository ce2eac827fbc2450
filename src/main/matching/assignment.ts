import loadHighs, { type Highs } from 'highs'
import type { AssignmentProblem, AssignmentSolver } from '../domain/shortlist-batch'

/**
 * The objective, lexicographic in three tiers: dwellings with a candidate, then places filled, then
 * score. A dwelling's first place is worth 2 and each further place 1; both tiers can be maximal
 * at once (a maximum matching exists that covers every dwelling some matching covers), so their
 * sum is maximal only when both are. The scores are squeezed into [0, 1/(places + 1)) per pair,
 * so all of them together are worth less than one place and never buy a place away.
 */
function objective(problem: AssignmentProblem): {
  pair: Float64Array
  first: number
  more: number
} {
  let low = Infinity
  let high = -Infinity
  for (const { score } of problem.pairs) {
    low = Math.min(low, score)
    high = Math.max(high, score)
  }
  const range = high - low || 1
  const totalPlaces = problem.dwellings * problem.places
  const pair = Float64Array.from(problem.pairs, (p) => (p.score - low) / range / (totalPlaces + 1))
  return { pair, first: 2, more: 1 }
}

/**
 * The assignment as a network LP: a column per pair (0–1), and per dwelling a "first place"
 * column (0–1) and a "further places" column (0–N−1) that together count its candidates. Rows: per
 * dwelling, candidates − first − further = 0; per client, its lists ≤ its capacity. The matrix is a
 * network matrix, so the simplex's optimal vertex is whole: the LP is the exact assignment.
 */
export function solveWithHighs(highs: Highs, problem: AssignmentProblem): boolean[] {
  const { pairs, dwellings, places, clientCapacity } = problem
  if (pairs.length === 0 || places <= 0) return pairs.map(() => false)
  const cost = objective(problem)
  const numCols = pairs.length + 2 * dwellings
  const numRows = dwellings + clientCapacity.length
  const colCost = new Float64Array(numCols)
  const colUpper = new Float64Array(numCols)
  const starts = new Int32Array(numCols + 1)
  const indices = new Int32Array(2 * pairs.length + 2 * dwellings)
  const values = new Float64Array(indices.length)
  let nz = 0
  pairs.forEach((p, j) => {
    colCost[j] = cost.pair[j]!
    colUpper[j] = 1
    starts[j] = nz
    indices[nz] = p.dwelling
    values[nz++] = 1
    indices[nz] = dwellings + p.client
    values[nz++] = 1
  })
  for (let d = 0; d < dwellings; d++) {
    for (const [k, bonus, upper] of [
      [0, cost.first, 1],
      [1, cost.more, places - 1],
    ] as const) {
      const j = pairs.length + 2 * d + k
      colCost[j] = bonus
      colUpper[j] = upper
      starts[j] = nz
      indices[nz] = d
      values[nz++] = -1
    }
  }
  starts[numCols] = nz
  const rowLower = new Float64Array(numRows).fill(-highs.infinity)
  const rowUpper = new Float64Array(numRows)
  rowLower.fill(0, 0, dwellings)
  clientCapacity.forEach((c, i) => (rowUpper[dwellings + i] = Math.max(0, c)))

  return highs.withModel(
    {
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost,
      colLower: new Float64Array(numCols),
      colUpper,
      rowLower,
      rowUpper,
      matrix: { format: 'csc', numRows, numCols, starts, indices, values },
    },
    (model) => {
      // Simplex (not interior point) so the answer is a vertex, hence whole; tight tolerances
      // so that scores a hundredth apart are still told apart after the squeeze above.
      model.options.set({
        output_flag: false,
        solver: 'simplex',
        dual_feasibility_tolerance: 1e-10,
        primal_feasibility_tolerance: 1e-9,
      })
      model.run()
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal)
        throw new Error(`Verdeling niet gevonden (HiGHS-status ${model.getModelStatus()})`)
      const { colValue } = model.getSolution()
      return pairs.map((_p, j) => colValue[j]! > 0.5)
    },
  )
}

let loading: Promise<AssignmentSolver> | null = null
let loaded: AssignmentSolver | null = null

/** Loads HiGHS (WebAssembly, asynchronous) once per process; every entry point awaits this. */
export function loadAssignmentSolver(): Promise<AssignmentSolver> {
  loading ??= loadHighs().then((highs) => {
    loaded = (problem) => solveWithHighs(highs, problem)
    return loaded
  })
  return loading
}

/**
 * The loaded solver, for the synchronous workflow (one transaction per step cannot await). The
 * app, the host, the CLI and the tests load it at start; asking before that is a programming error.
 */
export function assignmentSolver(): AssignmentSolver {
  if (!loaded) throw new Error('De rekenmodule voor de verdeling is nog niet geladen')
  return loaded
}

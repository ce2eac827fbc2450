import loadHighs, { type Highs, type Model } from 'highs'
import type { AssignmentProblem, AssignmentSolution, AssignmentSolver } from '../domain/assignment'

/**
 * The LP: per dwelling a "first place" column (0–1) and a "further places" column (0–N−1), and a
 * column per pair (0–1). Rows: per dwelling, its pairs − first − further = 0; per client, its pairs
 * ≤ its capacity. A network matrix, so the simplex's optimal vertex is whole: the LP is the exact
 * assignment over the pairs given.
 */
function solveWithHighs(
  highs: Highs,
  model: Model,
  problem: AssignmentProblem,
): AssignmentSolution {
  const { dwellings, places, pairs } = problem
  if (pairs.length === 0)
    return {
      chosen: [],
      dwellingPrice: new Array<number>(dwellings).fill(0),
      clientPrice: new Map(),
    }
  // A row only for the clients that occur in some pair.
  const clientRow = new Map<number, number>()
  for (const p of pairs) if (!clientRow.has(p.client)) clientRow.set(p.client, clientRow.size)
  const numRows = dwellings + clientRow.size
  const slots = 2 * dwellings
  const numCols = slots + pairs.length
  const colCost = new Float64Array(numCols)
  const colUpper = new Float64Array(numCols)
  const starts = new Int32Array(numCols + 1)
  const indices = new Int32Array(slots + 2 * pairs.length)
  const values = new Float64Array(indices.length)
  let nz = 0
  for (let j = 0; j < slots; j++) {
    const first = j % 2 === 0
    colCost[j] = first ? problem.firstPlace : problem.furtherPlace
    colUpper[j] = first ? 1 : places - 1
    starts[j] = nz
    indices[nz] = Math.floor(j / 2)
    values[nz++] = -1
  }
  pairs.forEach((p, i) => {
    const j = slots + i
    colCost[j] = p.value
    colUpper[j] = 1
    starts[j] = nz
    indices[nz] = p.dwelling
    values[nz++] = 1
    indices[nz] = dwellings + clientRow.get(p.client)!
    values[nz++] = 1
  })
  starts[numCols] = nz
  const rowLower = new Float64Array(numRows).fill(-highs.infinity, dwellings)
  const rowUpper = new Float64Array(numRows)
  for (const [client, row] of clientRow)
    rowUpper[dwellings + row] = Math.max(0, problem.clientCapacity[client]!)

  // Cleared to a new instance's state (model, solver state and options at their defaults), so each
  // solve is what a fresh instance gives; creating one per solve cost a fifth of the solving.
  model.clear()
  model.passModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows, numCols, starts, indices, values },
  })
  // Simplex (not interior point): its answer is a vertex, hence whole, and so are its prices.
  // Without presolve: these LPs are small and already lean, and presolving took half of a small
  // solve (a third of all solving time in a Vooruitblik run; the largest batches gain too).
  model.options.set({
    output_flag: false,
    solver: 'simplex',
    presolve: 'off',
    ...problem.tolerances,
  })
  model.run()
  if (model.getModelStatus() !== highs.constants.modelStatus.optimal)
    throw new Error(`Geen verdeling gevonden (HiGHS-status ${model.getModelStatus()})`)
  const { colValue, rowDual } = model.getSolution()
  const clientPrice = new Map<number, number>()
  for (const [client, row] of clientRow) clientPrice.set(client, rowDual[dwellings + row]!)
  return {
    chosen: pairs.filter((_p, i) => colValue[slots + i]! > 0.5),
    dwellingPrice: Array.from(rowDual.subarray(0, dwellings)),
    clientPrice,
  }
}

let loading: Promise<AssignmentSolver> | null = null
let loaded: AssignmentSolver | null = null

/**
 * Loads HiGHS (WebAssembly, asynchronous) once per process (per thread); every entry point awaits
 * this. One instance serves every solve, cleared before each; it lives as long as the thread.
 */
export function loadAssignmentSolver(): Promise<AssignmentSolver> {
  loading ??= loadHighs().then((highs) => {
    const model = highs.createModel()
    loaded = (problem) => solveWithHighs(highs, model, problem)
    return loaded
  })
  return loading
}

/**
 * The loaded solver, for the synchronous workflow (a step's one transaction cannot await). The
 * app, the host, the CLI and the tests load it at start; asking before that is a programming error.
 */
export function assignmentSolver(): AssignmentSolver {
  if (!loaded) throw new Error('De rekenmodule voor de verdeling is nog niet geladen')
  return loaded
}

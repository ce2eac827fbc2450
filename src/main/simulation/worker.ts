/**
 * A worker thread that plays runs of the Vooruitblik: it gets the database image and the observed
 * model once, then one run at a time (pool.ts hands them out), and answers each with its quarters.
 * The engine runs synchronously; in a thread of its own it keeps the app's main process free.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { loadAssignmentSolver } from '../matching/highs-solver'
import type { QuarterOutcome } from './measure'
import type { PoolInput, RunTask } from './pool'
import { simulateRun } from './run'

export interface RunDone {
  index: number
  outcomes: QuarterOutcome[]
}

const input = workerData as PoolInput
const port = parentPort!
await loadAssignmentSolver()
port.on('message', (task: RunTask) => {
  const outcomes = simulateRun({
    image: Buffer.from(input.image.buffer, input.image.byteOffset, input.image.byteLength),
    model: input.model,
    scenario: input.scenarios[task.scenario]!,
    seed: task.seed,
    quarters: input.quarters,
    nativeBinding: input.nativeBinding,
  })
  port.postMessage({ index: task.index, outcomes } satisfies RunDone)
})

/**
 * A worker thread that plays runs of the Vooruitblik: it gets the database image and the observed
 * model once, then one run at a time (pool.ts hands them out), and answers each with its quarters.
 * A run takes processor time; in a thread of its own it keeps the app's main process free.
 */
import { readFileSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { loadAssignmentSolver } from '../matching/highs-solver'
import type { QuarterOutcome } from './measure'
import type { PoolInput, RunTask } from './pool'
import { memoryBaseFor, simulateRun } from './run'
import type { MemoryBase } from './memory-state'

export interface RunDone {
  index: number
  outcomes: QuarterOutcome[]
  /** Processor seconds this thread spent on the run; null where the system does not say. */
  cpuSeconds: number | null
}

/**
 * This thread's processor time so far (Linux: /proc/thread-self/stat, user + system, in clock
 * ticks of 1/100 s): unlike the wall clock, it does not grow when others share the cores.
 */
function threadCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}

const input = workerData as PoolInput
const port = parentPort!
await loadAssignmentSolver()
const image = Buffer.from(input.image.buffer, input.image.byteOffset, input.image.byteLength)
// Each scenario's starting state is read from the copy once, then cloned for every run of it.
const bases = new Map<number, MemoryBase>()
// A run that fails rejects unhandled, which ends the worker with its error: the pool reports it.
port.on('message', (task: RunTask) => void runTask(task))

async function runTask(task: RunTask) {
  const cpu = threadCpuSeconds()
  const run = {
    model: input.model,
    scenario: input.scenarios[task.scenario]!,
    quarters: input.quarters,
    nativeBinding: input.nativeBinding,
  }
  let base = bases.get(task.scenario)
  if (!base) bases.set(task.scenario, (base = await memoryBaseFor({ ...run, image })))
  const outcomes = await simulateRun(base, { ...run, seed: task.seed })
  const used = threadCpuSeconds()
  const cpuSeconds = cpu === null || used === null ? null : used - cpu
  port.postMessage({ index: task.index, outcomes, cpuSeconds } satisfies RunDone)
}

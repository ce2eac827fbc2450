import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { QuarterOutcome } from './measure'
import type { Observed } from './observed'
import type { Scenario } from './scenario'
import type { RunDone } from './worker'

/**
 * Runs the Vooruitblik's runs in worker threads, one per core: the engine is synchronous and a run
 * takes seconds, so on the main process it would stall the app; in threads the runs also go side by
 * side. Each worker gets the database image and the model once and then one run at a time, so a
 * quick worker takes more of them.
 */

/** What every run shares. */
export interface PoolInput {
  image: Uint8Array
  model: Observed
  scenarios: readonly Scenario[]
  quarters: number
  /** Electron's build of better-sqlite3 when the app runs in Electron (see index.ts). */
  nativeBinding?: string | undefined
}

/** One run: scenario `scenario` with seed `seed`; `index` is its place in the answer. */
export interface RunTask {
  index: number
  scenario: number
  seed: number
}

/** How the pool runs: what it reports while it goes, and where its worker comes from. */
export interface PoolOptions extends PoolWatch {
  /**
   * The worker's built bundle, to run the app's own build where this module runs from src/ (the
   * benchmark does, to time what the user waits for); by default see `startWorker`.
   */
  worker?: URL | undefined
}

export interface PoolWatch {
  /** Called after every finished run, with the processor seconds it took (if known). */
  onRun?: (run: { cpuSeconds: number | null }) => void
  /** Aborting stops the workers at once; the promise then rejects with the signal's reason. */
  signal?: AbortSignal | undefined
}

/** Young generation of a worker: the services allocate many short-lived query objects. */
const YOUNG_GENERATION_MB = 96

/**
 * The worker: in the built app the bundle electron-vite writes beside the main bundle (see
 * electron.vite.config.ts); from src/ (tsx, vitest, Playwright) the TypeScript file, behind a line
 * that lets tsx load it — a worker does not inherit its parent's module hooks.
 */
function startWorker(workerData: PoolInput, built: URL | undefined): Worker {
  const options = {
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  }
  if (built) return new Worker(built, options)
  const here = fileURLToPath(import.meta.url)
  if (!here.endsWith('.ts'))
    return new Worker(pathToFileURL(join(dirname(here), 'simulation-worker.js')), options)
  const source = pathToFileURL(join(dirname(here), 'worker.ts')).href
  const bootstrap = `const { register } = await import('tsx/esm/api'); register(); await import('${source}')`
  return new Worker(bootstrap, { ...options, eval: true })
}

export function runInWorkers(
  input: PoolInput,
  tasks: readonly RunTask[],
  { worker: built, ...watch }: PoolOptions = {},
): Promise<QuarterOutcome[][]> {
  const results: QuarterOutcome[][] = new Array(tasks.length)
  if (tasks.length === 0) return Promise.resolve(results)
  return new Promise((resolve, reject) => {
    const workers: Worker[] = []
    let next = 0
    let finished = 0
    let stopped = false
    const stop = () => {
      // A run may still be on its way back from a worker being stopped: it no longer counts.
      stopped = true
      watch.signal?.removeEventListener('abort', abort)
      for (const w of workers) void w.terminate()
    }
    const fail = (error: unknown) => {
      stop()
      reject(error instanceof Error ? error : new Error(String(error)))
    }
    const abort = () => fail(watch.signal!.reason)
    if (watch.signal?.aborted) return abort()
    watch.signal?.addEventListener('abort', abort, { once: true })
    const handOut = (worker: Worker) => {
      if (next < tasks.length) worker.postMessage(tasks[next++])
      else void worker.terminate()
    }
    const count = Math.min(tasks.length, availableParallelism())
    for (let i = 0; i < count; i++) {
      const worker = startWorker(input, built)
      workers.push(worker)
      worker.on('message', (done: RunDone) => {
        if (stopped) return
        results[done.index] = done.outcomes
        finished += 1
        watch.onRun?.({ cpuSeconds: done.cpuSeconds })
        if (finished === tasks.length) {
          stop()
          resolve(results)
        } else handOut(worker)
      })
      worker.on('error', fail)
      handOut(worker)
    }
  })
}

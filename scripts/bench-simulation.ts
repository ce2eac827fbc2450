/**
 * Benchmark of the Vooruitblik: runs × 8 quarters of the real engine on the demo database (seed
 * 2019, today 2026-11-23). Prints the time per run, what the 200 runs would take at that
 * pace, and how many runs fit in 30 seconds.
 *
 *   npx tsx scripts/bench-simulation.ts [runs]      (default: the app's default number of runs)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/main/db/connection'
import { loadAssignmentSolver } from '../src/main/matching/highs-solver'
import { createContext } from '../src/main/services/context'
import { loadDemo } from '../src/main/services/demo-service'
import { CURRENT_COURSE } from '../src/main/simulation/scenario'
import { DEFAULT_RUNS, simulate } from '../src/main/simulation/simulate'

const QUARTERS = 8
const WANTED_RUNS = 200
const BUDGET_SECONDS = 30
const runs = Number(process.argv[2] ?? DEFAULT_RUNS)
if (!Number.isInteger(runs) || runs < 1) throw new Error('Geef het aantal runs als heel getal')

// The services run synchronously; like the app, load the exact-assignment solver first.
await loadAssignmentSolver()
const dir = mkdtempSync(join(tmpdir(), 'bench-simulation-'))
const store = openStore(join(dir, 'demo.db'))
try {
  const now = new Date('2026-11-23T09:00:00Z')
  loadDemo(createContext(store, { now: () => now }))
  const cpu = process.cpuUsage()
  const perRun: number[] = []
  let last = performance.now()
  const result = simulate(
    store,
    [CURRENT_COURSE],
    {
      startIso: '2026-11-23',
      quarters: QUARTERS,
      runs,
      seed: 1,
    },
    () => {
      const t = performance.now()
      perRun.push((t - last) / 1000)
      last = t
    },
  )
  const used = process.cpuUsage(cpu)
  const cpuSeconds = (used.user + used.system) / 1e6
  const wallPerRun = result.seconds / runs
  const cpuPerRun = cpuSeconds / runs
  const q = (x: number) => x.toFixed(2)
  console.log(
    `Vooruitblik: ${runs} runs × ${QUARTERS + 1} kwartalen (lopend + ${QUARTERS}), ${availableParallelism()} kernen`,
  )
  console.log(
    `  wandtijd        ${q(result.seconds)} s  (${q(wallPerRun)} s per run; runs: ${perRun.map(q).join(', ')})`,
  )
  console.log(`  processortijd   ${q(cpuSeconds)} s  (${q(cpuPerRun)} s per run)`)
  console.log(
    `  ${WANTED_RUNS} runs zouden kosten: ~${Math.round(wallPerRun * WANTED_RUNS)} s wandtijd ` +
      `(~${Math.round(cpuPerRun * WANTED_RUNS)} s processortijd)`,
  )
  console.log(
    `  binnen ${BUDGET_SECONDS} s passen: ${Math.floor(BUDGET_SECONDS / wallPerRun)} runs (wandtijd op deze machine nu)`,
  )
  const last8 = result.scenarios[0]!.quarters.at(-1)!
  console.log(`  controle: wachtlijst eind ${last8.quarter} mediaan ${last8.waitingList.p50}`)
} finally {
  store.close()
  rmSync(dir, { recursive: true, force: true })
}

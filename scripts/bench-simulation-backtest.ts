/**
 * The Vooruitblik's backtest with many runs: the demo database put back to 2026-01-01, the
 * quarters 2026-Q1..Q3 played `runs` times by the real engine (in worker threads), the 10–90 %
 * band beside what the history really did, for the waiting list and the median wait.
 *
 *   npx tsx scripts/bench-simulation-backtest.ts [runs]      (default 20)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/main/db/connection'
import { loadAssignmentSolver } from '../src/main/matching/highs-solver'
import { createContext } from '../src/main/services/context'
import { loadDemo } from '../src/main/services/demo-service'
import { backtest } from '../src/main/simulation/backtest'
import { BACKTEST } from '../src/main/simulation/jobs'
import type { Comparison } from '../src/shared/api/simulation'

const runs = Number(process.argv[2] ?? 20)
if (!Number.isInteger(runs) || runs < 1) throw new Error('Geef het aantal runs als heel getal')

await loadAssignmentSolver()
const dir = mkdtempSync(join(tmpdir(), 'bench-backtest-'))
const store = openStore(join(dir, 'demo.db'))
try {
  const now = new Date('2026-11-23T09:00:00Z')
  await loadDemo(createContext(store, { now: () => now }))
  const result = await backtest(store, { ...BACKTEST, runs, seed: 1 })
  const show = (c: Comparison) =>
    `band ${c.predicted.p10}–${c.predicted.p90} (mediaan ${c.predicted.p50}), werkelijk ${c.actual}: ` +
    (c.inBand
      ? 'binnen'
      : `${Math.abs(Math.round(c.offBy ?? 0))} ${(c.offBy ?? 0) > 0 ? 'hoger' : 'lager'} dan de mediaan`)
  console.log(`Terugtoets vanaf ${result.startIso}, ${runs} runs, ${result.seconds.toFixed(1)} s`)
  for (const line of result.lines) {
    console.log(`  ${line.quarter} wachtlijst  ${show(line.waitingList)}`)
    console.log(`  ${line.quarter} wachttijd   ${show(line.waitMedian)}`)
  }
  const inside = (pick: (l: (typeof result.lines)[number]) => Comparison) =>
    result.lines.filter((l) => pick(l).inBand).length
  console.log(
    `  binnen de band: wachtlijst ${inside((l) => l.waitingList)} van ${result.lines.length}, ` +
      `wachttijd ${inside((l) => l.waitMedian)} van ${result.lines.length}`,
  )
} finally {
  store.close()
  rmSync(dir, { recursive: true, force: true })
}

/**
 * The Vooruitblik's runs on this thread, one after another (no workers): processor time per run
 * and a hash of every run's quarters, to profile a run (`node --cpu-prof`) and to check that a
 * change to the engine leaves the outcome of each seed as it was.
 *
 *   npx tsx scripts/bench-simulation-runs.ts [runs] [first seed]     (default: 10 runs from seed 1)
 *
 * With PROFILE=<file.cpuprofile> it writes a CPU profile of the runs alone (not the demo load).
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/main/db/connection'
import { loadAssignmentSolver } from '../src/main/matching/highs-solver'
import { createContext } from '../src/main/services/context'
import { loadDemo } from '../src/main/services/demo-service'
import { snapshot } from '../src/main/simulation/copy'
import { observe } from '../src/main/simulation/observed'
import { memoryBaseFor, simulateRun } from '../src/main/simulation/run'
import { CURRENT_COURSE } from '../src/main/simulation/scenario'

const QUARTERS = 8
const runs = Number(process.argv[2] ?? 10)
const firstSeed = Number(process.argv[3] ?? 1)
if (!Number.isInteger(runs) || runs < 1) throw new Error('Geef het aantal runs als heel getal')

await loadAssignmentSolver()
const dir = mkdtempSync(join(tmpdir(), 'bench-simulation-runs-'))
const store = openStore(join(dir, 'demo.db'))
try {
  const now = new Date('2026-11-23T09:00:00Z')
  await loadDemo(createContext(store, { now: () => now }))
  const model = await observe(store, '2026-11-23')
  const image = snapshot(store.sqlite)
  const input = { image, model, scenario: CURRENT_COURSE, quarters: QUARTERS }
  const base = await memoryBaseFor(input)
  const all = createHash('sha256')
  const cpu: number[] = []
  const wall: number[] = []
  console.log(`belasting bij start ${loadavg()[0]!.toFixed(1)}`)
  const profile = process.env['PROFILE']
  const session = profile ? new Session() : undefined
  if (session) {
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: 200 })
    await session.post('Profiler.start')
  }
  for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
    const c0 = process.cpuUsage()
    const w0 = performance.now()
    const outcomes = await simulateRun(base, { ...input, seed })
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1e6)
    wall.push((performance.now() - w0) / 1000)
    // Keys sorted: a breakdown's order is the order rows came back in, which the bands ignore.
    const text = JSON.stringify(outcomes, (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    )
    all.update(text)
    const one = createHash('sha256').update(text).digest('hex').slice(0, 12)
    console.log(
      `seed ${seed}: cpu ${cpu.at(-1)!.toFixed(3)} s, wand ${wall.at(-1)!.toFixed(3)} s, ${one}`,
    )
  }
  if (session) {
    const { profile: taken } = await session.post('Profiler.stop')
    writeFileSync(profile!, JSON.stringify(taken))
    session.disconnect()
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  console.log(
    `${runs} runs: cpu gemiddeld ${mean(cpu).toFixed(3)} s (mediaan ${median(cpu).toFixed(3)}), ` +
      `wand gemiddeld ${mean(wall).toFixed(3)} s; belasting ${loadavg()[0]!.toFixed(1)}; ` +
      `hash ${all.digest('hex').slice(0, 16)}`,
  )
} finally {
  store.close()
  rmSync(dir, { recursive: true, force: true })
}

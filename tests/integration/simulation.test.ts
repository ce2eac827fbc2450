import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/main/db/connection'
import { backtest } from '../../src/main/simulation/backtest'
import { withCurrentCourse } from '../../src/main/simulation/scenario'
import { simulate } from '../../src/main/simulation/simulate'
import type { SimulationResult } from '../../src/shared/api/simulation'
import { writeSimulationWorkbook } from '../../src/main/simulation/workbook'
import { readWorkbook } from '../support/excel-files'
import { copyDemo } from '../support/shared-files'

/** The real engine plays every quarter of every run: tens of seconds on a busy two-core machine. */
const SLOW = 300_000
const TODAY = '2026-11-23'

const withoutTiming = (r: SimulationResult) => ({ ...r, seconds: 0 })

describe('Vooruitblik on the demo database', () => {
  let dir: string
  let store: Store
  let digest: () => string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vierde-huis-sim-'))
    const file = join(dir, 'demo.db')
    await copyDemo(file)
    store = openStore(file)
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    digest = () => createHash('sha256').update(readFileSync(file)).digest('hex')
  }, SLOW)
  afterAll(() => {
    void store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const scenarios = withCurrentCourse([
    {
      name: 'Niemand levert',
      shortfalls: ['Mitros', 'Portaal', 'Bo-Ex', 'SSH', 'GroenWest', 'Lekstede'].map((c) => ({
        corporation: c,
        share: 1,
      })),
    },
  ])
  const run = async () =>
    await simulate(store, scenarios, { startIso: TODAY, quarters: 1, runs: 2, seed: 7 })

  it(
    'is reproducible with the same seed, leaves the database untouched and gives sane figures',
    async () => {
      const before = digest()
      const first = await run()
      const second = await run()
      expect(digest()).toBe(before)
      expect(withoutTiming(second)).toEqual(withoutTiming(first))

      const [current, none] = first.scenarios
      expect(current!.quarters.map((q) => q.quarter)).toEqual(['2026-Q4', '2027-Q1'])
      for (const q of current!.quarters) {
        for (const b of [q.waitingList, q.waitMedian, q.allocated]) {
          expect(b.p10).not.toBeNull()
          expect(b.p10!).toBeLessThanOrEqual(b.p50!)
          expect(b.p50!).toBeLessThanOrEqual(b.p90!)
        }
        expect(q.waitingList.p50!).toBeGreaterThan(100)
        expect(q.waitingList.p50!).toBeLessThan(1000)
        expect(q.offeredWithin91.p50!).toBeGreaterThanOrEqual(0)
        expect(q.offeredWithin91.p50!).toBeLessThanOrEqual(1)
      }
      // 2027-Q1: the corporations submit about their quota (the demo's 385 a year, ~96 a quarter).
      const next = current!.quarters[1]!
      expect(next.allocated.p50!).toBeGreaterThan(50)
      expect(Object.values(next.byWijk).reduce((a, b) => a + b.p50!, 0)).toBeCloseTo(
        next.allocated.p50!,
        0,
      )
      // Without submissions nobody is housed in 2027-Q1, and the waiting list grows faster.
      const starved = none!.quarters[1]!
      expect(starved.allocated.p90).toBe(0)
      expect(starved.waitingList.p50!).toBeGreaterThan(next.waitingList.p50!)
    },
    SLOW,
  )

  it(
    'a different seed gives different runs',
    async () => {
      // One run of one scenario per seed is enough to tell two seeds apart.
      const once = async (seed: number) =>
        await simulate(store, scenarios.slice(0, 1), {
          startIso: TODAY,
          quarters: 1,
          runs: 1,
          seed,
        })
      const seven = await once(7)
      const eight = await once(8)
      expect(eight.scenarios[0]!.quarters).not.toEqual(seven.scenarios[0]!.quarters)
    },
    SLOW,
  )

  it(
    'writes a workbook with the inputs, the comparison and a sheet per scenario with charts',
    async () => {
      const result = await simulate(store, scenarios, {
        startIso: TODAY,
        quarters: 1,
        runs: 1,
        seed: 1,
      })
      const workbook = await readWorkbook(await writeSimulationWorkbook(result))
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        'Vooruitblik',
        'Vergelijking',
        'Huidige koers',
        'Huidige koers per groep',
        'Niemand levert',
        'Niemand levert per groep',
      ])
      const compare = workbook.getWorksheet('Vergelijking')!
      expect(compare.getRow(1).getCell(1).value).toBe('Scenario')
      expect(compare.getRow(2).getCell(1).value).toBe('Huidige koers')
      expect(compare.getRow(4).getCell(1).value).toBe('Niemand levert')
      expect(compare.getImages()).toHaveLength(2)
      expect(workbook.getWorksheet('Huidige koers')!.getImages()).toHaveLength(3)
      const about = workbook.getWorksheet('Vooruitblik')!
      expect(String(about.getCell(1, 1).value)).toContain('1 runs per scenario (seed 1)')
    },
    SLOW,
  )

  it(
    'backtest: from the start of 2026-Q1 the bands meet what the history really did',
    async () => {
      const result = await backtest(store, {
        startIso: '2026-01-01',
        quarters: 2,
        runs: 5,
        seed: 1,
      })
      expect(result.lines.map((l) => l.quarter)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3'])
      for (const line of result.lines) {
        for (const c of [line.waitingList, line.waitMedian]) {
          expect(c.actual).not.toBeNull()
          expect(c.predicted.p50).not.toBeNull()
          expect(c.offBy).toBeCloseTo(c.actual! - c.predicted.p50!, 6)
        }
        // Within 15 % on the waiting list and 30 % on the median wait: the engine, the arrivals
        // and the answers reproduce the history's course, not just its order of size. The model
        // keeps the waiting list too low and the wait too long (docs/vooruitblik.md, "De
        // terugtoets"): with 200 runs, round 9, 2026-Q3 is 36 of 299 waiting (12 %) and 57 of 209
        // days (27 %) off; the page states the difference, as the issue asks.
        expect(Math.abs(line.waitingList.offBy!)).toBeLessThan(line.waitingList.actual! * 0.15)
        expect(Math.abs(line.waitMedian.offBy!)).toBeLessThan(line.waitMedian.actual! * 0.3)
      }
    },
    SLOW,
  )
})

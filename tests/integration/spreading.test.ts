import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Runtime } from '../../src/main/runtime'
import { spreadingState } from '../../src/main/services/spreading-service'
import type {
  GenerateSummary,
  PoolEntry,
  QuarterFigures,
  QuarterOverview,
  SpreadingOverview,
} from '../../src/shared/api'
import { call } from '../support/call'
import { copyDemo } from '../support/shared-files'
import { sqlOne, sqlRows, sqlRun } from '../support/sql-rows'
import { STORE_KINDS, useRuntimeOn } from '../support/stores'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from '../support/temp-db'

const QUARTER = '2026-Q4'
/** The demo load (three quarters played through the engine) is made once per run (copyDemo). */
const LOAD_TIMEOUT = 90_000

describe.each(STORE_KINDS)('spreading on the demo data (%s)', { timeout: LOAD_TIMEOUT }, (kind) => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()
  let runtime: Runtime
  const row = async <T>(query: string, ...params: unknown[]) =>
    await sqlOne<T>(runtime, query, ...params)
  const rows = async <T>(query: string, ...params: unknown[]) =>
    await sqlRows<T>(runtime, query, ...params)

  /** Each test on its own copy of the demo, so none depends on what another changed. */
  beforeEach(async () => {
    const file = join(tempDir(), 'spreading.db')
    await copyDemo(file)
    runtime = await runtimeOn(kind, file, { template: 'demo-2019' })
  })

  it('spares Overvecht in the norms, from the 2018 figures and the demo history', async () => {
    const overview = await call<SpreadingOverview>(runtime, 'spreading:overview')
    const overvecht = overview.wijken.find((w) => w.wijk === 'overvecht')!
    expect(overvecht).toMatchObject({ source: 'plan-2019', socialStock: 9600, spared: true })
    expect(overvecht.appPlacements).toBeGreaterThan(0)
    expect(overvecht.norm).toBeLessThan(overvecht.stockShare * 0.75)
    const binnenstad = overview.wijken.find((w) => w.wijk === 'binnenstad')!
    expect(binnenstad.norm).toBeGreaterThan(binnenstad.stockShare)
  })

  it('warns in the quarter overview where a corporation leans on Overvecht beyond its norm', async () => {
    const overview = await call<QuarterOverview>(runtime, 'quarters:overview', { quarter: QUARTER })
    const onOvervecht = overview.spreadingWarnings.filter((w) => w.wijk === 'overvecht')
    expect(onOvervecht.length).toBeGreaterThan(0)
    for (const w of overview.spreadingWarnings) {
      // Checked against the database itself, not the service's own counts.
      const counted = await row<{ inWijk: number; submitted: number }>(
        `SELECT count(*) FILTER (WHERE wijk = ?) AS inWijk, count(*) AS submitted FROM dwellings
         WHERE quarter_key = ? AND corporation_id = ? AND status <> 'ingetrokken'`,
        w.wijk,
        QUARTER,
        w.corporationId,
      )
      expect(w).toMatchObject(counted)
      expect(w.inWijk).toBeGreaterThan(Math.ceil(w.norm * w.submitted))
    }
  })

  it('reports placements against the norm, the complexes at the stop, and intensive support placed less often in spared wijken', async () => {
    const f = await call<QuarterFigures>(runtime, 'reports:figures', { year: 2026 })
    expect(f.wijken.reduce((sum, w) => sum + w.norm, 0)).toBeCloseTo(1, 6)
    expect(f.wijken.filter((w) => w.spared).map((w) => w.wijk)).toContain('overvecht')
    for (const w of f.wijken)
      if (w.allocationShare !== null)
        expect(w.difference).toBeCloseTo(w.allocationShare - w.norm, 10)
    // Every complex named is at or past the stop, counted from the allocations themselves.
    expect(f.spreading.complexesAtStop.length).toBeGreaterThan(0)
    for (const c of f.spreading.complexesAtStop) {
      // Two years before FIXED_NOW (2026-11-23).
      const { n } = await row<{ n: number }>(
        `SELECT count(*) AS n FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id
         WHERE d.complex = ? AND a.starts_on >= ?`,
        c.complex,
        '2024-11-23',
      )
      expect(n).toBe(c.placements)
      expect(n).toBeGreaterThanOrEqual(f.spreading.stop.placements)
    }
    // The engine weighs intensive support heavier: those clients land in spared wijken less often.
    const { intensive, others } = f.spreading
    expect(intensive.placed + others.placed).toBe(f.totals.allocated)
    expect(intensive.placed).toBeGreaterThan(30)
    expect(intensive.share!).toBeLessThan(others.share! - 0.1)
  })

  it('stops a complex at its stop, explains why, and lets the officer override it with an audited reason', async () => {
    const state = await spreadingState(runtime.store.db, FIXED_NOW)
    const [full] = [...state.complexPlacements].find(([, n]) => n >= state.stop.placements) ?? []
    expect(full, 'the demo has a complex at the stop').toBeDefined()
    // An open dwelling of this quarter is put in that complex, as the corporation would have it.
    const { id: dwellingId } = await row<{ id: number }>(
      "SELECT id FROM dwellings WHERE quarter_key = ? AND status = 'ingediend' ORDER BY id LIMIT 1",
      QUARTER,
    )
    await sqlRun(runtime, 'UPDATE dwellings SET complex = ? WHERE id = ?', full, dwellingId)

    await call<GenerateSummary>(runtime, 'shortlists:generate', { quarter: QUARTER })
    expect(
      (
        await row<{ n: number }>(
          'SELECT count(*) AS n FROM shortlists WHERE dwelling_id = ?',
          dwellingId,
        )
      ).n,
    ).toBe(0)
    // The pool lists nobody; a client looked up by code says why not.
    const { code } = await row<{ code: string }>(
      "SELECT code FROM clients WHERE status = 'wachtend' ORDER BY id LIMIT 1",
    )
    const pool = await call<{ eligible: number; entries: PoolEntry[] }>(
      runtime,
      'shortlists:pool',
      { dwellingId, search: code },
    )
    expect(pool.eligible).toBe(0)
    expect(pool.entries[0]!.whyNot.map((w) => w.reason)).toContain(
      `${full}: complex heeft de stop bereikt (${state.complexPlacements.get(full!)} plaatsingen in 2 jaar; stop bij 3)`,
    )

    const auditRows = async () =>
      await rows<{ officer: string; summary: string; details: string }>(
        "SELECT officer, summary, details FROM audit_events WHERE action = 'dwelling:overrideComplexStop' AND entity_id = ?",
        String(dwellingId),
      )
    await expect(
      call(runtime, 'spreading:overrideStop', { dwellingId, reason: '   ' }),
    ).rejects.toMatchObject({ code: 'invalid-input' })
    expect(await auditRows()).toEqual([])

    expect(await call(runtime, 'spreading:stopOf', { dwellingId })).toMatchObject({
      complex: full,
      stopped: true,
      override: null,
    })

    const reason = 'Begeleiding van Lister zit al in het complex; de corporatie stemt in'
    await call(runtime, 'spreading:overrideStop', { dwellingId, reason })
    expect(await call(runtime, 'spreading:stopOf', { dwellingId })).toMatchObject({
      stopped: true,
      override: reason,
    })
    expect(
      (
        await row<{ r: string }>(
          'SELECT complex_stop_override AS r FROM dwellings WHERE id = ?',
          dwellingId,
        )
      ).r,
    ).toBe(reason)
    const [event] = await auditRows()
    expect(event!.officer).toBe(TEST_ACTOR.officer)
    expect(event!.summary).toContain(reason)
    expect(JSON.parse(event!.details)).toMatchObject({ complex: full, reason })

    await call<GenerateSummary>(runtime, 'shortlists:generate', { quarter: QUARTER })
    const made = await row<{ n: number }>(
      'SELECT count(*) AS n FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id WHERE s.dwelling_id = ?',
      dwellingId,
    )
    expect(made.n).toBeGreaterThan(0)
  })

  it('refuses an override where the complex has room, and writes nothing', async () => {
    const { id: dwellingId } = await row<{ id: number }>(
      "SELECT id FROM dwellings WHERE quarter_key = ? AND status = 'ingediend' AND complex_stop_override IS NULL ORDER BY id DESC LIMIT 1",
      QUARTER,
    )
    await sqlRun(
      runtime,
      "UPDATE dwellings SET complex = 'Nieuw complex zonder plaatsingen' WHERE id = ?",
      dwellingId,
    )
    const before = (await row<{ n: number }>('SELECT count(*) AS n FROM audit_events')).n
    await expect(
      call(runtime, 'spreading:overrideStop', { dwellingId, reason: 'Voor de zekerheid' }),
    ).rejects.toMatchObject({ code: 'conflict' })
    expect((await row<{ n: number }>('SELECT count(*) AS n FROM audit_events')).n).toBe(before)
    expect(
      (
        await row<{ r: string | null }>(
          'SELECT complex_stop_override AS r FROM dwellings WHERE id = ?',
          dwellingId,
        )
      ).r,
    ).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import type { QuarterFigures, QuarterOverview } from '../../src/shared/api'
import { QUARTER, useExportScenario, type ExportScenario } from '../support/exports-scenario'
import {
  driveWorkflow,
  excelPercentile,
  independentFigures,
  type PeriodSpec,
} from '../support/report-scenario'
import { STORE_KINDS } from '../support/stores'

const Q4: PeriodSpec = {
  quarters: [QUARTER],
  start: '2026-10-01',
  end: '2026-12-31',
  year: 2026,
  fraction: 0.25,
}
const YEAR: PeriodSpec = {
  quarters: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
  start: '2026-01-01',
  end: '2026-12-31',
  year: 2026,
  fraction: 1,
}

const close = (actual: number | null, expected: number | null) =>
  expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 9)

/** Every figure against the test's own SQL over the same store. */
async function expectFiguresMatch(s: ExportScenario, f: QuarterFigures, p: PeriodSpec) {
  const x = await independentFigures(s, p)
  for (const row of f.corporations) {
    const own = x.corporations.find((c) => c.id === row.corporationId)!
    expect([
      row.corporation,
      row.submitted,
      row.withdrawn,
      row.presented,
      row.matched,
      row.allocated,
    ]).toEqual([own.name, own.submitted, own.withdrawn, own.presented, own.matched, own.allocated])
    close(row.realisation, row.quota ? (own.allocated as number) / row.quota : null)
  }
  const sum = (key: string) => x.corporations.reduce((t, c) => t + (c[key] as number), 0)
  expect(f.totals).toMatchObject({
    submitted: sum('submitted'),
    withdrawn: sum('withdrawn'),
    presentedCandidates: sum('presented'),
    presentedClients: x.presentedClients,
    matched: sum('matched'),
    allocated: sum('allocated'),
  })
  for (const row of f.careProviders) {
    const own = x.providers.find((c) => c.id === row.careProviderId)!
    expect([row.registered, row.presented, row.allocated]).toEqual([
      own.registered,
      own.presented,
      own.allocated,
    ])
    close(row.contingent, own.contingent as number | null)
  }
  const hidden = x.providers.filter((p) => !f.careProviders.some((r) => r.careProviderId === p.id))
  for (const p of hidden) expect([p.registered, p.presented, p.allocated]).toEqual([0, 0, 0])

  const days = x.waits.map((w) => w.days)
  expect(f.waiting.overall.count).toBe(days.length)
  close(f.waiting.overall.mean, days.length ? days.reduce((t, d) => t + d, 0) / days.length : null)
  close(f.waiting.overall.median, excelPercentile(days, 0.5))
  close(f.waiting.overall.p75, excelPercentile(days, 0.75))
  close(
    f.waiting.overall.within91,
    days.length ? days.filter((d) => d <= 91).length / days.length : null,
  )
  for (const g of f.waiting.byGroup) {
    const own = x.waits.filter((w) => w.targetGroup === g.key).map((w) => w.days)
    expect(g.count).toBe(own.length)
    close(g.median, excelPercentile(own, 0.5))
  }
  for (const g of f.waiting.byProvider) {
    const own = x.waits.filter((w) => String(w.providerId) === g.key).map((w) => w.days)
    close(g.p75, excelPercentile(own, 0.75))
  }
  expect(f.waiting.buckets.map((b) => b.count)).toEqual([
    days.filter((d) => d <= 30).length,
    days.filter((d) => d > 30 && d <= 61).length,
    days.filter((d) => d > 61 && d <= 91).length,
    days.filter((d) => d > 91 && d <= 182).length,
    days.filter((d) => d > 182 && d <= 365).length,
    days.filter((d) => d > 365).length,
  ])

  expect(f.rounds).toMatchObject({
    presentedRounds: x.rounds.presented,
    chosen: x.rounds.chosen,
    rejectedRounds: x.rounds.rejected,
    rejections: x.rounds.reasons.reduce((t, r) => t + r.n, 0),
  })
  close(f.rounds.bottleneckShare, x.rounds.rejected / (x.rounds.chosen + x.rounds.rejected))
  for (const r of f.rounds.reasons)
    expect(r.count).toBe(x.rounds.reasons.find((o) => o.reason === r.reason)?.n ?? 0)

  const allocated = x.allocations.length
  const instroom = x.allocations.filter((a) => a.flow === 'instroom').length
  expect(f.instroom).toMatchObject({ allocated, instroom, target: x.target?.share ?? null })
  close(f.instroom.share, allocated ? instroom / allocated : null)
  for (const w of f.wijken) {
    const placed = x.allocations.filter((a) => a.wijk === w.wijk).length
    expect(w.allocated).toBe(placed)
    close(w.allocationShare, allocated ? placed / allocated : null)
  }
  const vacancy = x.allocations.map((a) => a.vacancy)
  close(f.vacancy.median, excelPercentile(vacancy, 0.5))
  expect(f.vacancy.max).toBe(vacancy.length ? Math.max(...vacancy) : null)
}

describe.each(STORE_KINDS)('the report figures (%s)', (kind) => {
  const scenario = useExportScenario()

  it('for a quarter equal what the database says, quota as the quarter screen shows it', async () => {
    const s = await scenario({ present: false, kind })
    await driveWorkflow(s)
    const f = await s.call<QuarterFigures>('reports:figures', { quarter: QUARTER })
    expect(f.period).toMatchObject({ kind: 'quarter', key: QUARTER, label: '4e kwartaal 2026' })
    // The scenario must actually exercise what is counted.
    expect(f.totals.allocated).toBeGreaterThan(5)
    expect(f.rounds.rejectedRounds).toBeGreaterThan(3)
    expect(f.totals.withdrawn).toBeGreaterThan(0)
    expect(f.waiting.overall.count).toBeGreaterThan(5)
    await expectFiguresMatch(s, f, Q4)

    const overview = await s.call<QuarterOverview>('quarters:overview', { quarter: QUARTER })
    for (const line of overview.lines)
      expect(f.corporations.find((c) => c.corporationId === line.corporationId)!.quota).toBe(
        line.quota,
      )
    expect(f.totals.quota).toBe(overview.totals.quota)
    expect(f.trend).toEqual([])
  })

  it('for a year cover the four quarters, with the yearly target as quota and a row per quarter', async () => {
    const s = await scenario({ present: false, kind })
    await driveWorkflow(s)
    const f = await s.call<QuarterFigures>('reports:figures', { year: 2026 })
    expect(f.period).toMatchObject({ kind: 'year', key: '2026', quarters: YEAR.quarters })
    await expectFiguresMatch(s, f, YEAR)
    expect(f.totals.quota).toBe(f.target!.target)
    const overviews = await Promise.all(
      YEAR.quarters.map((quarter) => s.call<QuarterOverview>('quarters:overview', { quarter })),
    )
    for (const c of f.corporations) {
      const base = overviews.reduce(
        (t, o) => t + (o.lines.find((l) => l.corporationId === c.corporationId)?.baseQuota ?? 0),
        0,
      )
      expect([c.corporation, c.quota]).toEqual([c.corporation, base])
    }
    expect(f.trend.map((t) => t.key)).toEqual(YEAR.quarters)
    // Made on 23 November: the fourth quarter is still running, the others are over.
    expect(f.trend.map((t) => t.running)).toEqual([false, false, false, true])
    const q4 = await s.call<QuarterFigures>('reports:figures', { quarter: QUARTER })
    expect(f.trend[3]).toMatchObject({
      allocated: q4.totals.allocated,
      submitted: q4.totals.submitted,
      medianWait: q4.waiting.overall.median,
    })
  })

  it('counts a dwelling matched again after a declined offer once, in the round that matched it last', async () => {
    const s = await scenario({ present: false, kind })
    await driveWorkflow(s)
    // An open offer with reserves, which are then no longer free (put on hold): once it is
    // declined, the dwelling goes round again with a new round. (Without reserves and with nobody
    // else eligible, it would wait for new registrations instead.)
    const offer = await s.one<{ id: number; dwellingId: number; shortlistId: number }>(
      `SELECT o.id, o.dwelling_id AS dwellingId, c.shortlist_id AS shortlistId FROM offers o
       JOIN shortlist_candidates c ON c.id = o.candidate_id WHERE o.outcome = 'open'
       AND EXISTS (SELECT 1 FROM shortlist_candidates r
                   WHERE r.shortlist_id = c.shortlist_id AND r.decision = 'open')
       ORDER BY o.id LIMIT 1`,
    )
    const dwellingId = offer.dwellingId
    const reserves = await s.all<{ clientId: number }>(
      "SELECT client_id AS clientId FROM shortlist_candidates WHERE shortlist_id = ? AND decision = 'open'",
      offer.shortlistId,
    )
    for (const { clientId } of reserves)
      await s.call('clients:setStatus', { id: clientId, status: 'on-hold', reason: 'Opname' })
    await s.call('offers:decline', { offerId: offer.id, decline: { reason: 'medisch' } })
    const again = await s.one<{ id: number; round: number }>(
      "SELECT id, round FROM shortlists WHERE dwelling_id = ? AND status = 'concept'",
      dwellingId,
    )
    await s.call('shortlists:present', { shortlistId: again.id })
    const { clientId } = await s.one<{ clientId: number }>(
      "SELECT client_id AS clientId FROM shortlist_candidates WHERE shortlist_id = ? AND decision = 'open' ORDER BY position LIMIT 1",
      again.id,
    )
    await s.call('shortlists:choose', { shortlistId: again.id, clientId })
    const chosenRounds = await s.all(
      "SELECT id FROM shortlists WHERE dwelling_id = ? AND status = 'gekozen'",
      dwellingId,
    )
    expect(chosenRounds).toHaveLength(2)

    const f = await s.call<QuarterFigures>('reports:figures', { quarter: QUARTER })
    const { matched } = await s.one<{ matched: number }>(
      `SELECT COUNT(DISTINCT s.dwelling_id) AS matched FROM shortlists s
       JOIN dwellings d ON d.id = s.dwelling_id WHERE d.quarter_key = ? AND s.status = 'gekozen'`,
      QUARTER,
    )
    expect(f.totals.matched).toBe(matched)
    // The Rondes sheet: one dwelling, one count, in the round of its last match.
    expect(f.rounds.byRound.reduce((t, r) => t + r.count, 0)).toBe(matched)
    expect(f.rounds.byRound.find((r) => r.round === again.round)?.count).toBeGreaterThan(0)
    expect(f.rounds.chosen).toBe(matched + 1)
  })

  it('refuses a period without an opened quarter, in Dutch', async () => {
    const s = await scenario({ present: false, kind })
    await expect(s.call('reports:figures', { year: 2031 })).rejects.toThrow(
      'Er is nog geen kwartaal geopend in jaar 2031',
    )
    await expect(
      s.call('reports:figures', { quarter: '2026-Q4', year: 2026 }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    })
  })
})

import { assignmentSolver } from '../../src/main/matching/highs-solver'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isEligible, whyNot, type EligibilityContext } from '../../src/main/domain/eligibility'
import type { DwellingFacts } from '../../src/main/domain/facts'
import { buildShortlists } from '../../src/main/domain/shortlist-batch'
import {
  DEFAULT_SPREADING_SETTINGS,
  complexKey,
  leansOnSparedWijk,
  stopReason,
  stoppedDwellings,
  wijkLoads,
  wijkNorms,
  type ComplexStop,
  type WijkFigures,
  type WijkNorm,
} from '../../src/main/domain/spreading'
import { WIJK, type Wijk } from '../../src/shared/domain/vocabulary'
import { WIJK_FIGURES_2018 } from '../../src/shared/domain/wijk-stock'
import {
  aClient,
  aDwelling,
  arbClients,
  arbDwellings,
  eligibilityContext,
  rankingContext,
} from '../support/matching-fixtures'

const FIGURES: WijkFigures[] = WIJK.keys.map((wijk) => ({ wijk, ...WIJK_FIGURES_2018[wijk] }))
const DEFAULTS = {
  concentration: DEFAULT_SPREADING_SETTINGS.concentrationWeight,
  history: DEFAULT_SPREADING_SETTINGS.historyWeight,
}
const NONE = new Map<Wijk, number>()
const normOf = (norms: Map<Wijk, WijkNorm>, wijk: Wijk) => norms.get(wijk)!

describe('the spreading norm per wijk', () => {
  const norms = wijkNorms(FIGURES, NONE, DEFAULTS)

  it('spares Overvecht: well below its 22 % of the social stock, not neutral', () => {
    const overvecht = normOf(norms, 'overvecht')
    expect(overvecht.stockShare).toBeCloseTo(9600 / 43_140, 6)
    expect(overvecht.spared).toBe(true)
    expect(overvecht.norm).toBeLessThan(0.15)
    expect(overvecht.norm).toBeGreaterThan(0.05)
    // Its 2018 placements (55 of 244) run well over the norm: a positive load.
    expect(wijkLoads(norms).get('overvecht')).toBeGreaterThan(0.5)
  })

  it('gives wijken with little social housing more than their share of the stock', () => {
    for (const wijk of ['binnenstad', 'noordoost', 'oost', 'west', 'vleuten-de-meern'] as const) {
      const n = normOf(norms, wijk)
      expect(n.concentration).toBeLessThan(1)
      expect(n.norm).toBeGreaterThan(n.stockShare)
      expect(n.spared).toBe(false)
    }
  })

  it('spares every wijk with more social housing than the city, most where it is most concentrated', () => {
    const concentrated = [...norms.values()].filter((n) => n.concentration > 1)
    expect(concentrated.map((n) => n.wijk).sort()).toEqual(
      ['noordwest', 'overvecht', 'zuid', 'zuidwest'].sort(),
    )
    for (const n of concentrated) expect(n.spared).toBe(true)
    const cut = (n: WijkNorm) => n.norm / n.stockShare
    expect(cut(normOf(norms, 'overvecht'))).toBeLessThan(cut(normOf(norms, 'zuidwest')))
  })

  it('sums to 1 over the ten wijken', () => {
    expect(norms.size).toBe(10)
    expect([...norms.values()].reduce((a, n) => a + n.norm, 0)).toBeCloseTo(1, 10)
  })

  it('is the stock share itself when both weights are 0', () => {
    for (const n of wijkNorms(FIGURES, NONE, { concentration: 0, history: 0 }).values()) {
      expect(n.norm).toBeCloseTo(n.stockShare, 10)
      expect(n.spared).toBe(false)
    }
  })

  it('lowers Overvecht further as either weight grows', () => {
    const at = (concentration: number, history: number) =>
      normOf(wijkNorms(FIGURES, NONE, { concentration, history }), 'overvecht').norm
    expect(at(1, 0.5)).toBeLessThan(at(0.5, 0.5))
    expect(at(0.5, 1)).toBeLessThan(at(0.5, 0.5))
    expect(at(0.5, 0)).toBeGreaterThan(at(0.5, 0.5))
  })

  it("adds the app's own placements to the history: more in a wijk lowers its norm", () => {
    const busy = wijkNorms(FIGURES, new Map([['west', 60]]), DEFAULTS)
    expect(normOf(busy, 'west').placements).toBe(74)
    expect(normOf(busy, 'west').norm).toBeLessThan(normOf(norms, 'west').norm)
  })

  it('keeps history between 0.5 and 2, and at 1 before anything was placed', () => {
    const flooded = wijkNorms(FIGURES, new Map([['binnenstad', 5000]]), DEFAULTS)
    expect(normOf(flooded, 'binnenstad').history).toBe(2)
    expect(normOf(flooded, 'overvecht').history).toBe(0.5)
    const empty = wijkNorms(
      FIGURES.map((f) => ({ ...f, placements: 0 })),
      NONE,
      DEFAULTS,
    )
    for (const n of empty.values()) {
      expect(n.history).toBe(1)
      expect(n.placementShare).toBeNull()
    }
    expect([...wijkLoads(empty).values()].every((l) => l === 0)).toBe(true)
  })
})

describe('wijk loads against the norm', () => {
  const norm = (wijk: Wijk, n: number, placementShare: number | null): WijkNorm => ({
    wijk,
    stockShare: n,
    concentration: 1,
    history: 1,
    norm: n,
    placements: 0,
    placementShare,
    spared: false,
  })
  const loads = wijkLoads(
    new Map<Wijk, WijkNorm>([
      ['zuid', norm('zuid', 0.1, 0.1)],
      ['west', norm('west', 0.1, 0.2)],
      ['oost', norm('oost', 0.05, 0.5)],
      ['noordoost', norm('noordoost', 0.1, 0)],
      ['binnenstad', norm('binnenstad', 0, 0.1)],
    ]),
  )

  it('is 0 on the norm, 1 at double, capped at 2, −1 where nothing was placed', () => {
    expect(loads.get('zuid')).toBeCloseTo(0, 10)
    expect(loads.get('west')).toBeCloseTo(1, 10)
    expect(loads.get('oost')).toBe(2)
    expect(loads.get('noordoost')).toBe(-1)
    expect(loads.get('binnenstad')).toBe(0)
  })
})

describe('a corporation leaning on a spared wijk', () => {
  const overvecht = normOf(wijkNorms(FIGURES, NONE, DEFAULTS), 'overvecht')
  const oost = normOf(wijkNorms(FIGURES, NONE, DEFAULTS), 'oost')

  it('warns past the norm rounded up, never for one dwelling of a small batch', () => {
    expect(leansOnSparedWijk(3, 10, overvecht)).toBe(true)
    expect(leansOnSparedWijk(2, 10, overvecht)).toBe(false)
    expect(leansOnSparedWijk(1, 2, overvecht)).toBe(false)
  })

  it('never warns for a wijk that is not spared', () => {
    expect(leansOnSparedWijk(10, 10, oost)).toBe(false)
  })
})

describe('the complex of a dwelling', () => {
  it("is the corporation's complex name when known", () => {
    expect(complexKey({ complex: ' Complex 1234 ', address: 'Rijnlaan 120-3' })).toBe(
      'Complex 1234',
    )
  })

  it('is otherwise the street and house number: the flats behind one front door', () => {
    expect(complexKey({ complex: null, address: 'Rijnlaan 120-3' })).toBe('Rijnlaan 120')
    expect(complexKey({ complex: '', address: 'Jozef Israëlslaan 12 bis' })).toBe(
      'Jozef Israëlslaan 12',
    )
    expect(complexKey({ complex: null, address: 'Rijnlaan 120' })).toBe('Rijnlaan 120')
  })
})

const RUNS = 200
const STOP: ComplexStop = { placements: 3, years: 2 }

/** Eligibility with the stop as the services build it for a batch of dwellings. */
function withStop(
  batch: readonly DwellingFacts[],
  placements: ReadonlyMap<string, number>,
  pending: ReadonlyMap<string, number> = new Map(),
  overridden: ReadonlySet<number> = new Set(),
): EligibilityContext {
  const stopped = stoppedDwellings(batch, placements, pending, STOP)
  return eligibilityContext({ complexStop: { limit: STOP, stopped, overridden } })
}

const arbCounts = fc
  .record({
    'Complex A': fc.integer({ min: 0, max: 6 }),
    'Complex B': fc.integer({ min: 0, max: 6 }),
  })
  .map((r) => new Map(Object.entries(r)))

describe('the complex stop', () => {
  it('explains the stop for every candidate of a stopped complex', () => {
    const dwelling = aDwelling({ complex: 'Complex A' })
    const ctx = withStop([dwelling], new Map([['Complex A', 3]]))
    expect(isEligible(aClient(), dwelling, ctx)).toBe(false)
    expect(whyNot(aClient(), dwelling, ctx)).toEqual([
      {
        rule: 'complexStop',
        reason: 'Complex A: complex heeft de stop bereikt (3 plaatsingen in 2 jaar; stop bij 3)',
      },
    ])
  })

  it('counts dwellings under way and earlier ones in the same batch, earliest first', () => {
    const batch = [10, 11, 12].map((id) => aDwelling({ id, complex: 'Complex A' }))
    const stopped = stoppedDwellings(
      batch,
      new Map([['Complex A', 1]]),
      new Map([['Complex A', 0]]),
      STOP,
    )
    expect([...stopped.keys()]).toEqual([12])
    expect(stopped.get(12)).toEqual({ complex: 'Complex A', placements: 1, pending: 2 })
    expect(stopReason(stopped.get(12)!, STOP)).toBe(
      'Complex A: complex heeft de stop bereikt (1 plaatsing in 2 jaar, 2 woningen in behandeling; stop bij 3)',
    )
  })
})

describe('the complex stop (properties)', () => {
  it('never gives a batch more dwellings with candidates in a complex than the stop leaves room for', () => {
    fc.assert(
      fc.property(
        arbDwellings(8),
        arbClients(20),
        arbCounts,
        arbCounts,
        fc.integer({ min: 1, max: 4 }),
        (dwellings, clients, placements, pending, size) => {
          const ctx = withStop(dwellings, placements, pending)
          const lists = buildShortlists(
            dwellings,
            clients,
            ctx,
            rankingContext(),
            size,
            assignmentSolver(),
          )
          const served = new Map<string, number>()
          for (const list of lists) {
            const d = dwellings.find((x) => x.id === list.dwellingId)!
            if (d.complex && list.candidates.length > 0)
              served.set(d.complex, (served.get(d.complex) ?? 0) + 1)
          }
          for (const [complex, n] of served) {
            const room =
              STOP.placements - (placements.get(complex) ?? 0) - (pending.get(complex) ?? 0)
            expect(n).toBeLessThanOrEqual(Math.max(0, room))
          }
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('excludes nobody in a complex with room for all its dwellings in the batch', () => {
    fc.assert(
      fc.property(arbDwellings(6), arbCounts, (dwellings, placements) => {
        const inBatch = (c: string) => dwellings.filter((d) => d.complex === c).length
        const roomy = new Map(
          [...placements].map(([c, n]) => [c, Math.min(n, STOP.placements - inBatch(c))]),
        )
        expect(stoppedDwellings(dwellings, roomy, new Map(), STOP).size).toBe(0)
      }),
      { numRuns: RUNS },
    )
  })

  it('lets overridden dwellings through exactly as if their complex had no stop', () => {
    fc.assert(
      fc.property(
        arbDwellings(6),
        arbClients(20),
        arbCounts,
        arbCounts,
        (dwellings, clients, placements, pending) => {
          const all = new Set(dwellings.map((d) => d.id))
          const overridden = withStop(dwellings, placements, pending, all)
          const lists = buildShortlists(
            dwellings,
            clients,
            overridden,
            rankingContext(),
            3,
            assignmentSolver(),
          )
          const noStop = eligibilityContext()
          expect(lists).toEqual(
            buildShortlists(dwellings, clients, noStop, rankingContext(), 3, assignmentSolver()),
          )
        },
      ),
      { numRuns: RUNS },
    )
  })
})

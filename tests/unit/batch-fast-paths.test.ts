import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RULES, isEligible } from '../../src/main/domain/eligibility'
import type { StopCount } from '../../src/main/domain/spreading'
import { SCREENED_RULES, eligibilityScreen } from '../../src/main/domain/eligibility-screen'
import { pairKey } from '../../src/main/domain/facts'
import {
  BATCH_SCORER_PARTS,
  SCORE_PARTS,
  createBatchScorer,
  scoreTotal,
  type RankingContext,
} from '../../src/main/domain/ranking'
import { TARGET_GROUP, WIJK, type TargetGroup, type Wijk } from '../../src/shared/domain/vocabulary'
import {
  arbClients,
  arbDwellings,
  eligibilityContext,
  rankingContext,
} from '../support/matching-fixtures'

const RUNS = 400

/** Clients, dwellings (some kept for instroom) and a context: earlier pairs and stopped complexes among them. */
const arbCase = fc
  .record({
    clients: arbClients(40),
    dwellings: arbDwellings(8),
    reserved: fc.array(fc.boolean(), { maxLength: 8 }),
    earlier: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
    stops: fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 4 }),
    maxOpenShortlists: fc.integer({ min: 1, max: 3 }),
    youngMaxRent: fc.constantFrom(417.34, 477.2, 500, 700.01),
    year: fc.constantFrom(2025, 2026, 2027),
  })
  .map(({ clients, dwellings, reserved, earlier, stops, ...limits }) => {
    const ds = dwellings.map((d, i) => (reserved[i] ? { ...d, reservedForInstroom: true } : d))
    const earlierPairs = new Set<string>()
    const stopped = new Map<number, StopCount>()
    const overridden = new Set<number>()
    if (clients.length > 0)
      for (const [d, c] of earlier)
        earlierPairs.add(pairKey(ds[d % ds.length]!.id, clients[c % clients.length]!.id))
    for (const [d, overrides] of stops) {
      const id = ds[d % ds.length]!.id
      stopped.set(id, { complex: 'Complex A', placements: 3, pending: 0 })
      if (overrides) overridden.add(id)
    }
    return {
      clients,
      dwellings: ds,
      ctx: eligibilityContext({
        ...limits,
        earlierPairs,
        complexStop: { limit: { placements: 3, years: 2 }, stopped, overridden },
      }),
    }
  })

describe('the eligibility screen of the batch', () => {
  it('compiles every rule of eligibility.ts', () => {
    expect([...SCREENED_RULES].sort()).toEqual(RULES.map((r) => r.key).sort())
  })

  it("gives the rules' verdict on every pair, in the clients' order", () => {
    fc.assert(
      fc.property(arbCase, ({ clients, dwellings, ctx }) => {
        const screen = eligibilityScreen(clients, ctx)
        for (const d of dwellings) {
          const byRules = clients.flatMap((c, i) => (isEligible(c, d, ctx) ? [i] : []))
          expect(screen.eligible(d)).toEqual(byRules)
        }
      }),
      { numRuns: RUNS },
    )
  })
})

const arbRanking: fc.Arbitrary<RankingContext> = fc
  .record({
    providers: fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 6 }),
        expected: fc.integer({ min: 0, max: 20 }),
        allocated: fc.integer({ min: 0, max: 25 }),
      }),
      { maxLength: 6 },
    ),
    groups: fc.dictionary(
      fc.constantFrom(...TARGET_GROUP.keys),
      fc.record({
        waiting: fc.integer({ min: 0, max: 200 }),
        averageWaitDays: fc.integer({ min: 0, max: 400 }),
        recentShare: fc.double({ min: 0, max: 1, noNaN: true }),
        pressure: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    ),
    wijkLoad: fc.dictionary(
      fc.constantFrom(...WIJK.keys),
      fc.double({ min: -1, max: 2, noNaN: true }),
    ),
    complexA: fc.integer({ min: 0, max: 8 }),
    weights: fc.record({
      waiting: fc.double({ min: 0, max: 3, noNaN: true }),
      waitingPastTarget: fc.double({ min: 0, max: 5, noNaN: true }),
      providerBalance: fc.double({ min: 0, max: 4, noNaN: true }),
      groupPriority: fc.double({ min: 0, max: 3, noNaN: true }),
      spreading: fc.double({ min: 0, max: 3, noNaN: true }),
      preference: fc.double({ min: 0, max: 2, noNaN: true }),
    }),
    balanceDays: fc.integer({ min: 0, max: 90 }),
    complexStop: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ providers, groups, wijkLoad, complexA, ...rest }) =>
    rankingContext({
      ...rest,
      providers: new Map(providers.map((p) => [p.id, { name: `Zorgaanbieder ${p.id}`, ...p }])),
      groups: new Map(Object.entries(groups) as [TargetGroup, (typeof groups)[string]][]),
      wijkLoad: new Map(Object.entries(wijkLoad) as [Wijk, number][]),
      complexPlacements: new Map([['Complex A', complexA]]),
    }),
  )

describe('the batch scorer', () => {
  it('adds the score parts in their order', () => {
    expect(BATCH_SCORER_PARTS).toEqual(SCORE_PARTS.map((p) => p.key))
  })

  it('gives exactly the total of scoreTotal, dwelling after dwelling and back', () => {
    fc.assert(
      fc.property(arbCase, arbRanking, ({ clients, dwellings }, ranking) => {
        const score = createBatchScorer(ranking)
        // Twice over, so that each client and dwelling is also met again after others.
        for (const d of [...dwellings, ...dwellings])
          for (const c of clients) expect(score(c, d)).toBe(scoreTotal(c, d, ranking))
      }),
      { numRuns: RUNS },
    )
  })
})

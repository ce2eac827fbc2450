import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ClientFacts } from '../../src/main/domain/facts'
import {
  WAITING_TARGET_DAYS,
  balanceRoom,
  scoreTotal,
  type GroupStanding,
  type ProviderStanding,
  type RankingContext,
} from '../../src/main/domain/ranking'
import { compareCandidates } from '../../src/main/domain/shortlist-batch'
import { TARGET_GROUP, type TargetGroup } from '../../src/shared/domain/vocabulary'
import { aClient, aDwelling, rankingContext, registeredDaysAgo } from '../support/matching-fixtures'

/** Random standings: providers far behind or far ahead, groups under any pressure, any setting. */
const arbContext: fc.Arbitrary<RankingContext> = fc
  .record({
    providers: fc.array(
      fc.record({
        expected: fc.integer({ min: 0, max: 40 }),
        allocated: fc.integer({ min: 0, max: 60 }),
      }),
      { minLength: 3, maxLength: 3 },
    ),
    pressures: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
      minLength: TARGET_GROUP.keys.length,
      maxLength: TARGET_GROUP.keys.length,
    }),
    balanceDays: fc.integer({ min: 0, max: 120 }),
  })
  .map(({ providers, pressures, balanceDays }) =>
    rankingContext({
      balanceDays,
      providers: new Map<number, ProviderStanding>(
        providers.map((p, i) => [i + 1, { name: `Zorgaanbieder ${i + 1}`, ...p }]),
      ),
      groups: new Map<TargetGroup, GroupStanding>(
        TARGET_GROUP.keys.map((g, i) => [
          g,
          { waiting: 10, averageWaitDays: 100, recentShare: 0.1, pressure: pressures[i]! },
        ]),
      ),
    }),
  )

/** Two clients alike in everything but waiting time, care provider and target group. */
const arbPair = fc.record({
  ctx: arbContext,
  longer: fc.record({
    days: fc.integer({ min: 0, max: 800 }),
    provider: fc.integer({ min: 1, max: 3 }),
    group: fc.constantFrom(...TARGET_GROUP.keys),
  }),
  shorter: fc.record({
    days: fc.integer({ min: 0, max: 800 }),
    provider: fc.integer({ min: 1, max: 3 }),
    group: fc.constantFrom(...TARGET_GROUP.keys),
  }),
})

const client = (id: number, c: { days: number; provider: number; group: TargetGroup }) =>
  aClient({
    id,
    registeredOn: registeredDaysAgo(c.days),
    careProviderId: c.provider,
    targetGroup: c.group,
  })

/** Does `a` stand above `b` for the same dwelling? */
function ranksAbove(a: ClientFacts, b: ClientFacts, ctx: RankingContext): boolean {
  const dwelling = aDwelling()
  const entry = (client: ClientFacts) => ({ client, total: scoreTotal(client, dwelling, ctx) })
  return compareCandidates(entry(a), entry(b)) < 0
}

describe('waiting time before balance', () => {
  it('never lets balance move a client ahead of one who waits more than the set number of days longer', () => {
    fc.assert(
      fc.property(arbPair, ({ ctx, longer, shorter }) => {
        fc.pre(longer.days > shorter.days + ctx.balanceDays)
        expect(ranksAbove(client(1, longer), client(2, shorter), ctx)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('never lets a short waiter overtake a client past the three-month ambition through balance alone', () => {
    fc.assert(
      fc.property(arbPair, ({ ctx, longer, shorter }) => {
        fc.pre(longer.days > WAITING_TARGET_DAYS && shorter.days <= WAITING_TARGET_DAYS)
        expect(ranksAbove(client(1, longer), client(2, shorter), ctx)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('still lets balance decide between clients whose waiting differs by less', () => {
    // Zorgaanbieder 1 has had nothing of its contingent, 2 is far ahead of it.
    const ctx = rankingContext({
      balanceDays: 30,
      providers: new Map([
        [1, { name: 'Achter', expected: 10, allocated: 0 }],
        [2, { name: 'Voor', expected: 10, allocated: 30 }],
      ]),
    })
    const behind = client(1, { days: 40, provider: 1, group: 'uitstroom-bw' })
    const ahead = client(2, { days: 60, provider: 2, group: 'uitstroom-bw' })
    expect(ranksAbove(behind, ahead, ctx)).toBe(true)
    // With the setting at 0 days, waiting alone decides.
    expect(ranksAbove(behind, ahead, { ...ctx, balanceDays: 0 })).toBe(false)
  })

  it('is worth the set number of days at the slowest part of the waiting curve', () => {
    const ctx = rankingContext({ balanceDays: 30 })
    expect(balanceRoom(ctx)).toBeCloseTo(30 / WAITING_TARGET_DAYS, 10)
  })
})

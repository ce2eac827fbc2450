import { describe, expect, it } from 'vitest'
import type { ClientFacts } from '../../src/main/domain/facts'
import {
  DEFAULT_WEIGHTS,
  SCORE_PARTS,
  WAITING_TARGET_DAYS,
  groupPressures,
  providerDeficit,
  scoreCandidate,
  scoreTotal,
  waitingDays,
  type GroupStanding,
  type RankingContext,
  type ScorePartKey,
} from '../../src/main/domain/ranking'
import { compareCandidates, tiebreak } from '../../src/main/domain/shortlist-batch'
import type { TargetGroup } from '../../src/shared/domain/vocabulary'
import {
  TODAY,
  aClient,
  aDwelling,
  rankingContext,
  registeredDaysAgo,
} from '../support/matching-fixtures'

/** One named part of the score of a pair. */
function part(
  key: ScorePartKey,
  client: ClientFacts,
  dwelling = aDwelling(),
  ctx: RankingContext = rankingContext(),
) {
  const found = scoreCandidate(client, dwelling, ctx).parts.find((p) => p.key === key)
  if (!found) throw new Error(`no part ${key}`)
  return found
}

const waitingPoints = (days: number, ctx?: RankingContext) =>
  part('waiting', aClient({ registeredOn: registeredDaysAgo(days) }), aDwelling(), ctx).points

const round2 = (n: number) => Math.round(n * 100) / 100

/** Room enough that waiting before balance does not scale the balance parts: their raw shape. */
const UNCAPPED = 1000

describe('the score', () => {
  it('has five named parts in a fixed order, with Dutch labels', () => {
    expect(SCORE_PARTS.map((p) => [p.key, p.label])).toEqual([
      ['waiting', 'Wachttijd'],
      ['providerBalance', 'Verdeling zorgaanbieders'],
      ['groupPriority', 'Prioriteit doelgroep'],
      ['spreading', 'Spreiding'],
      ['preference', 'Voorkeurswijk'],
    ])
  })

  it('scores the default pair on waiting time only', () => {
    // 175 days: 91 at weight 1 plus 84 past the target at weight 2, over 91 (2.85), plus the
    // head start past the target: 30 days' worth (30/91).
    expect(scoreCandidate(aClient(), aDwelling(), rankingContext())).toEqual({
      total: 3.18,
      parts: [
        {
          key: 'waiting',
          label: 'Wachttijd',
          points: 3.18,
          explanation:
            'Wacht 175 dagen, 84 dagen langer dan 3 maanden: voorrang boven kortere wachters',
        },
        {
          key: 'providerBalance',
          label: 'Verdeling zorgaanbieders',
          points: 0,
          explanation: 'Geen contingent bekend',
        },
        {
          key: 'groupPriority',
          label: 'Prioriteit doelgroep',
          points: 0,
          explanation: 'Uitstroom BW',
        },
        {
          key: 'spreading',
          label: 'Spreiding',
          points: expect.closeTo(0, 10) as number,
          explanation: 'Zuid zit op zijn spreidingsnorm',
        },
        {
          key: 'preference',
          label: 'Voorkeurswijk',
          points: 0,
          explanation: 'Geen voorkeurswijk',
        },
      ],
    })
  })

  it('totals the unrounded parts (1,85), though the parts shown add up to a cent more', () => {
    const client = aClient({ registeredOn: registeredDaysAgo(100), preferredWijken: ['zuid'] })
    const ctx = rankingContext({
      providers: new Map([[1, { name: 'Lister', expected: 3, allocated: 2 }]]),
      groups: new Map([['uitstroom-bw', group({ pressure: 0.4 })]]),
      wijkLoad: new Map([['zuid', 0.25]]),
    })
    const score = scoreCandidate(client, aDwelling(), ctx)
    // Balance and group priority are scaled into the 30 days' room: 0.04 each.
    expect(score.parts.map((p) => p.points)).toEqual([1.53, 0.04, 0.04, -0.25, 0.5])
    expect(score.total).toBe(1.85)
    expect(scoreTotal(client, aDwelling(), ctx)).toBe(1.85)
  })

  it('gives a total within a few cents of the sum of its rounded parts', () => {
    const ctx = rankingContext({
      providers: new Map([[2, { name: 'Kwintes', expected: 7, allocated: 1 }]]),
      groups: new Map([['vrouwenopvang', group({ pressure: 0.77 })]]),
      wijkLoad: new Map([['overvecht', 1.37]]),
      complexPlacements: new Map([['De Gagel', 2]]),
    })
    for (const days of [0, 1, 45, 90, 91, 92, 123, 400]) {
      const client = aClient({
        careProviderId: 2,
        targetGroup: 'vrouwenopvang',
        supportIntensity: 'intensief',
        registeredOn: registeredDaysAgo(days),
      })
      const dwelling = aDwelling({ wijk: 'overvecht', complex: 'De Gagel' })
      const score = scoreCandidate(client, dwelling, ctx)
      const sum = score.parts.reduce((a, p) => a + p.points, 0)
      expect(Math.abs(score.total - round2(sum))).toBeLessThanOrEqual(0.03)
      expect(score.total).toBe(scoreTotal(client, dwelling, ctx))
    }
  })
})

describe('waiting', () => {
  it('counts calendar days from registration to today, never below zero', () => {
    expect(waitingDays({ registeredOn: '2026-06-01' }, TODAY)).toBe(175)
    expect(waitingDays({ registeredOn: '2026-11-23' }, TODAY)).toBe(0)
    expect(waitingDays({ registeredOn: '2026-12-01' }, TODAY)).toBe(0)
    expect(waitingDays({ registeredOn: '2025-11-23' }, TODAY)).toBe(365)
  })

  it('gives one point for exactly the three-month target', () => {
    expect(WAITING_TARGET_DAYS).toBe(91)
    expect(waitingPoints(91)).toBe(1)
    expect(waitingPoints(0)).toBe(0)
  })

  it('weighs a day past 91 days more than a day before it', () => {
    const before = waitingPoints(91) - waitingPoints(90)
    const after = waitingPoints(92) - waitingPoints(91)
    expect(after).toBeGreaterThan(before)
  })

  it('scores 200 days more than twice 91 days with the default weights', () => {
    // 1 + 2 × 109/91, plus the head start of 30/91 past the target.
    expect(waitingPoints(200)).toBe(3.73)
    expect(waitingPoints(200)).toBeGreaterThan(2 * waitingPoints(91))
  })

  it('is linear when waiting past the target weighs the same', () => {
    const ctx = rankingContext({
      balanceDays: 0,
      weights: { ...DEFAULT_WEIGHTS, waitingPastTarget: 1 },
    })
    expect(waitingPoints(182, ctx)).toBe(2)
  })

  it('grows with every extra day', () => {
    for (let days = 1; days < 500; days += 7) {
      expect(waitingPoints(days + 1)).toBeGreaterThanOrEqual(waitingPoints(days))
    }
  })

  it('scores a registration date in the future as no wait', () => {
    expect(waitingPoints(-10)).toBe(0)
  })

  it('explains the wait in days, and how far past three months', () => {
    const explain = (days: number) =>
      part('waiting', aClient({ registeredOn: registeredDaysAgo(days) })).explanation
    expect(explain(60)).toBe('Wacht 60 dagen')
    expect(explain(91)).toBe('Wacht 91 dagen')
    expect(explain(200)).toBe(
      'Wacht 200 dagen, 109 dagen langer dan 3 maanden: voorrang boven kortere wachters',
    )
  })

  it('says "1 dag" in the singular', () => {
    const explain = (days: number) =>
      part('waiting', aClient({ registeredOn: registeredDaysAgo(days) })).explanation
    expect(explain(1)).toBe('Wacht 1 dag')
    expect(explain(92)).toBe(
      'Wacht 92 dagen, 1 dag langer dan 3 maanden: voorrang boven kortere wachters',
    )
  })
})

describe('provider balance', () => {
  const withStanding = (expected: number, allocated: number) =>
    rankingContext({
      balanceDays: UNCAPPED,
      providers: new Map([[1, { name: 'Lister', expected, allocated }]]),
    })
  const providerPoints = (expected: number, allocated: number) =>
    part('providerBalance', aClient(), aDwelling(), withStanding(expected, allocated)).points

  it('scores a provider behind its contingent higher than one ahead of it', () => {
    expect(providerPoints(10, 2)).toBe(1.6)
    expect(providerPoints(10, 15)).toBe(-1)
    expect(providerPoints(10, 2)).toBeGreaterThan(providerPoints(10, 10))
    expect(providerPoints(10, 10)).toBeGreaterThan(providerPoints(10, 15))
  })

  it('caps the deficit between −1 and 1', () => {
    expect(providerPoints(10, 0)).toBe(2)
    expect(providerPoints(10, 40)).toBe(-2)
    expect(providerDeficit({ name: 'x', expected: 4, allocated: 0 })).toBe(1)
    expect(providerDeficit({ name: 'x', expected: 4, allocated: 100 })).toBe(-1)
  })

  it('is neutral for a provider without a contingent or with nothing expected', () => {
    expect(providerDeficit(undefined)).toBe(0)
    expect(providerDeficit({ name: 'x', expected: 0, allocated: 3 })).toBe(0)
    expect(part('providerBalance', aClient({ careProviderId: 99 })).points).toBe(0)
  })

  it('explains the standing in Dutch', () => {
    const explain = (expected: number, allocated: number) =>
      part('providerBalance', aClient(), aDwelling(), withStanding(expected, allocated)).explanation
    expect(explain(10, 2)).toBe('Lister: 2 van 10 verwacht dit jaar, achter op contingent')
    expect(explain(10, 15)).toBe('Lister: 15 van 10 verwacht dit jaar, voor op contingent')
    expect(explain(10, 10)).toBe('Lister: 10 van 10 verwacht dit jaar, op contingent')
    expect(part('providerBalance', aClient({ careProviderId: 99 })).explanation).toBe(
      'Geen contingent bekend',
    )
  })

  it('writes fractional standings with a decimal comma', () => {
    const explanation = part(
      'providerBalance',
      aClient(),
      aDwelling(),
      withStanding(12.5, 10 / 3),
    ).explanation
    expect(explanation).toBe('Lister: 3,33 van 12,5 verwacht dit jaar, achter op contingent')
  })
})

function group(overrides: Partial<GroupStanding> = {}): GroupStanding {
  return { waiting: 20, averageWaitDays: 100, recentShare: 0.3, pressure: 0, ...overrides }
}

describe('group priority', () => {
  it('gives points in proportion to the group pressure', () => {
    const ctx = rankingContext({
      balanceDays: UNCAPPED,
      groups: new Map([['uitstroom-bw', group({ pressure: 0.8 })]]),
    })
    expect(part('groupPriority', aClient(), aDwelling(), ctx).points).toBe(1.2)
    expect(part('groupPriority', aClient({ targetGroup: 'wlz' }), aDwelling(), ctx).points).toBe(0)
  })

  it('explains the group figures in Dutch', () => {
    const ctx = rankingContext({
      groups: new Map([
        ['uitstroom-bw', group({ averageWaitDays: 119.6, waiting: 40, recentShare: 0.153 })],
      ]),
    })
    expect(part('groupPriority', aClient(), aDwelling(), ctx).explanation).toBe(
      'Uitstroom BW: gem. wachttijd 120 dagen, 40 wachtend, 15 % van recente toewijzingen',
    )
    expect(part('groupPriority', aClient({ targetGroup: 'housing-first' })).explanation).toBe(
      'Housing First',
    )
  })

  it('orders groups as the plan does: long average wait, then many waiting, then low recent share', () => {
    // Each group has the same relative edge (double, or half the share) on one criterion only.
    const stats = new Map<TargetGroup, Omit<GroupStanding, 'pressure'>>([
      ['uitstroom-mo', { averageWaitDays: 200, waiting: 20, recentShare: 0.3 }],
      ['uitstroom-bw', { averageWaitDays: 100, waiting: 40, recentShare: 0.3 }],
      ['vrouwenopvang', { averageWaitDays: 100, waiting: 20, recentShare: 0.15 }],
      ['wlz', { averageWaitDays: 100, waiting: 20, recentShare: 0.3 }],
    ])
    const pressures = groupPressures(stats)
    const pressure = (g: TargetGroup) => pressures.get(g)?.pressure ?? NaN
    expect(pressure('uitstroom-mo')).toBeGreaterThan(pressure('uitstroom-bw'))
    expect(pressure('uitstroom-bw')).toBeGreaterThan(pressure('vrouwenopvang'))
    expect(pressure('vrouwenopvang')).toBeGreaterThan(pressure('wlz'))
  })

  it('gives 1 to a group first on every criterion and keeps every pressure within 0–1', () => {
    const pressures = groupPressures(
      new Map<TargetGroup, Omit<GroupStanding, 'pressure'>>([
        ['forensisch', { averageWaitDays: 300, waiting: 80, recentShare: 0 }],
        ['jongvolwassenen', { averageWaitDays: 30, waiting: 5, recentShare: 0.6 }],
        ['corporatiehotel', { averageWaitDays: 0, waiting: 0, recentShare: 0.6 }],
      ]),
    )
    expect(pressures.get('forensisch')?.pressure).toBe(1)
    expect(pressures.get('corporatiehotel')?.pressure).toBe(0)
    for (const standing of pressures.values()) {
      expect(standing.pressure).toBeGreaterThanOrEqual(0)
      expect(standing.pressure).toBeLessThanOrEqual(1)
    }
  })

  it('keeps the figures it was given', () => {
    const stats = { averageWaitDays: 88, waiting: 12, recentShare: 0.2 }
    const pressures = groupPressures(new Map([['wlz', stats]]))
    expect(pressures.get('wlz')).toEqual({ ...stats, pressure: expect.any(Number) as number })
  })

  it('copes with no groups and with groups that have nothing yet', () => {
    expect(groupPressures(new Map()).size).toBe(0)
    const empty = groupPressures(
      new Map([['wlz', { averageWaitDays: 0, waiting: 0, recentShare: 0 }]]),
    )
    expect(empty.get('wlz')?.pressure).toBe(0.2)
  })
})

describe('spreading', () => {
  const loaded = rankingContext({ wijkLoad: new Map([['overvecht', 1]]) })
  const inOvervecht = aDwelling({ wijk: 'overvecht' })
  const spreadingPoints = (client: ClientFacts, dwelling = inOvervecht, ctx = loaded) =>
    part('spreading', client, dwelling, ctx).points

  it('lowers the score in a wijk with more placements than its norm', () => {
    expect(spreadingPoints(aClient())).toBe(-1)
  })

  it('lowers the score more for intensive support than for light support', () => {
    expect(spreadingPoints(aClient({ supportIntensity: 'licht' }))).toBe(-0.5)
    expect(spreadingPoints(aClient({ supportIntensity: 'middel' }))).toBe(-1)
    expect(spreadingPoints(aClient({ supportIntensity: 'intensief' }))).toBe(-1.5)
  })

  it('treats unknown support intensity as middle', () => {
    expect(spreadingPoints(aClient({ supportIntensity: null }))).toBe(-1)
  })

  it('adds earlier placements in the complex, up to one whole load at the stop', () => {
    const ctx = rankingContext({
      wijkLoad: new Map([['overvecht', 1]]),
      complexPlacements: new Map([
        ['De Gagel', 3],
        ['Zambesidreef', 12],
      ]),
    })
    const at = (complex: string) => aDwelling({ wijk: 'overvecht', complex })
    expect(spreadingPoints(aClient(), at('De Gagel'), { ...ctx, complexStop: 5 })).toBe(-1.6)
    expect(spreadingPoints(aClient(), at('De Gagel'), ctx)).toBe(-2)
    expect(spreadingPoints(aClient(), at('Zambesidreef'), ctx)).toBe(-2)
    expect(spreadingPoints(aClient(), at('Onbekend'), ctx)).toBe(-1)
  })

  it('explains wijk, complex and support in Dutch', () => {
    const ctx = rankingContext({
      wijkLoad: new Map([['overvecht', 1]]),
      complexPlacements: new Map([
        ['De Gagel', 3],
        ['Zambesidreef', 1],
      ]),
    })
    const intensive = aClient({ supportIntensity: 'intensief' })
    expect(
      part('spreading', intensive, aDwelling({ wijk: 'overvecht', complex: 'De Gagel' }), ctx)
        .explanation,
    ).toBe(
      'Overvecht zit 100 % boven zijn spreidingsnorm; ' +
        '3 van 3 plaatsingen tot de stop in De Gagel; intensieve begeleiding telt zwaarder',
    )
    expect(
      part('spreading', aClient(), aDwelling({ wijk: 'zuid', complex: 'Zambesidreef' }), ctx)
        .explanation,
    ).toBe('Zuid zit op zijn spreidingsnorm; 1 van 3 plaatsingen tot de stop in Zambesidreef')
  })

  it('raises the score below the norm, most for intensive support', () => {
    const below = rankingContext({ wijkLoad: new Map([['binnenstad', -0.4]]) })
    const inBinnenstad = aDwelling({ wijk: 'binnenstad' })
    const intensive = aClient({ supportIntensity: 'intensief' })
    expect(spreadingPoints(intensive, inBinnenstad, below)).toBe(0.6)
    expect(spreadingPoints(aClient({ supportIntensity: 'licht' }), inBinnenstad, below)).toBe(0.2)
    expect(part('spreading', intensive, inBinnenstad, below).explanation).toBe(
      'Binnenstad zit 40 % onder zijn spreidingsnorm; intensieve begeleiding telt zwaarder',
    )
  })

  it('scores exactly 0, not −0, where the wijk is in balance', () => {
    expect(Object.is(spreadingPoints(aClient(), aDwelling(), rankingContext()), 0)).toBe(true)
  })
})

describe('preference', () => {
  it('adds half a point in a preferred wijk', () => {
    const client = aClient({ preferredWijken: ['oost', 'zuid'] })
    expect(part('preference', client).points).toBe(0.5)
    expect(part('preference', client).explanation).toBe('Zuid is een voorkeurswijk')
  })

  it('adds nothing elsewhere', () => {
    const client = aClient({ preferredWijken: ['oost'] })
    expect(part('preference', client).points).toBe(0)
    expect(part('preference', client).explanation).toBe('Geen voorkeurswijk')
  })

  it('follows its weight', () => {
    const ctx = rankingContext({ weights: { ...DEFAULT_WEIGHTS, preference: 2 } })
    expect(
      part('preference', aClient({ preferredWijken: ['zuid'] }), aDwelling(), ctx).points,
    ).toBe(2)
  })
})

describe('compareCandidates', () => {
  const entry = (total: number, overrides: Partial<ClientFacts>) => ({
    total,
    client: aClient(overrides),
  })

  it('puts the higher total first', () => {
    const high = entry(3, { id: 1, registeredOn: '2026-09-01' })
    const low = entry(2.99, { id: 2, registeredOn: '2025-01-01' })
    expect(compareCandidates(high, low)).toBeLessThan(0)
    expect(compareCandidates(low, high)).toBeGreaterThan(0)
  })

  it('breaks an equal total by registration date, earliest first', () => {
    const early = entry(2, { id: 9, registeredOn: '2026-03-01' })
    const late = entry(2, { id: 1, registeredOn: '2026-03-02' })
    expect(compareCandidates(early, late)).toBeLessThan(0)
    expect(compareCandidates(late, early)).toBeGreaterThan(0)
  })

  it('breaks an equal total and date by a stable tiebreak on the code', () => {
    const a = entry(2, { id: 1 })
    const b = entry(2, { id: 2 })
    const ab = compareCandidates(a, b)
    expect(ab).not.toBe(0)
    expect(Math.sign(compareCandidates(b, a))).toBe(-Math.sign(ab))
    expect(Math.sign(ab)).toBe(Math.sign(tiebreak(a.client.code) - tiebreak(b.client.code)))
    expect(compareCandidates(a, entry(2, { id: 1 }))).toBe(0)
  })

  it('uses a tiebreak that is the same every time and does not follow the code order', () => {
    expect(tiebreak('K-0001')).toBe(tiebreak('K-0001'))
    expect(tiebreak('K-0001')).toBe(PINNED_TIEBREAK)
    const codes = Array.from({ length: 20 }, (_, i) => `K-${String(i + 1).padStart(4, '0')}`)
    const byTiebreak = [...codes].sort((x, y) => tiebreak(x) - tiebreak(y))
    expect(byTiebreak).not.toEqual(codes)
    expect(new Set(codes.map(tiebreak)).size).toBe(codes.length)
  })

  it('sorts the same whatever the input order', () => {
    const entries = [
      entry(2, { id: 1 }),
      entry(2, { id: 2 }),
      entry(2, { id: 3, registeredOn: '2026-01-01' }),
      entry(5, { id: 4 }),
      entry(2, { id: 5 }),
    ]
    const ids = (list: typeof entries) => [...list].sort(compareCandidates).map((e) => e.client.id)
    const expected = ids(entries)
    expect(expected.slice(0, 2)).toEqual([4, 3])
    expect(ids([...entries].reverse())).toEqual(expected)
    expect(ids([entries[2]!, entries[0]!, entries[4]!, entries[3]!, entries[1]!])).toEqual(expected)
  })
})

/** FNV-1a of "K-0001": changing the tiebreak reorders every tied shortlist, so it is pinned. */
const PINNED_TIEBREAK = 2705870306

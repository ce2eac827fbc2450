/**
 * Benchmark of the matching batch: 5,000 waiting clients against 500 open dwellings, generated
 * deterministically (same seed, same figures), with realistic spreads for Utrecht.
 *
 *   npx tsx scripts/bench-matching.ts [seed]
 */
import { format, subDays } from 'date-fns'
import { whyNot, type EligibilityContext } from '../src/main/domain/eligibility'
import { pairKey, type ClientFacts, type DwellingFacts } from '../src/main/domain/facts'
import {
  DEFAULT_WEIGHTS,
  groupPressures,
  waitingDays,
  type GroupStanding,
  type ProviderStanding,
  type RankingContext,
} from '../src/main/domain/ranking'
import { buildShortlists, type ProposedShortlist } from '../src/main/domain/shortlist-batch'
import {
  DEFAULT_SPREADING_SETTINGS as SPREADING,
  wijkLoads,
  wijkNorms,
} from '../src/main/domain/spreading'
import { loadAssignmentSolver } from '../src/main/matching/highs-solver'
import type {
  DwellingType,
  SuitableFor,
  SupportIntensity,
  TargetGroup,
  Wijk,
} from '../src/shared/domain/vocabulary'
import { WIJK_FIGURES_2018, WIJK_STOCK_SHARE } from '../src/shared/domain/wijk-stock'

const CLIENTS = 5_000
const DWELLINGS = 500
const N = 3
const RUNS = 3
const TODAY = new Date(2026, 10, 23, 12)
const SEED = Number(process.argv[2] ?? 20260801)

// --- a small seeded PRNG (mulberry32) and helpers -------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = mulberry32(SEED)
const chance = (p: number) => random() < p
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const cents = (min: number, max: number) => between(min * 100, max * 100) / 100

function weighted<T>(table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0)
  let r = random() * total
  for (const [value, w] of table) {
    r -= w
    if (r < 0) return value
  }
  return table[table.length - 1]![0]
}

function sample<T>(items: readonly T[], count: number): T[] {
  const pool = [...items]
  const out: T[] = []
  while (out.length < count && pool.length > 0)
    out.push(pool.splice(between(0, pool.length - 1), 1)[0]!)
  return out
}

// --- the population ------------------------------------------------------------------------------

const WIJK_TABLE = Object.entries(WIJK_STOCK_SHARE) as [Wijk, number][]
const WIJKEN = WIJK_TABLE.map(([wijk]) => wijk)

/** The big four with most clients, then ~30 smaller providers. */
const PROVIDERS: [number, number][] = [
  [1, 20],
  [2, 18],
  [3, 14],
  [4, 12],
  ...Array.from({ length: 30 }, (_, i) => [i + 5, 1.2] as [number, number]),
]

const GROUPS: [TargetGroup, number][] = [
  ['uitstroom-mo', 24],
  ['uitstroom-bw', 24],
  ['vrouwenopvang', 8],
  ['wlz', 5],
  ['forensisch', 8],
  ['jongvolwassenen', 12],
  ['corporatiehotel', 5],
  ['beschermd-thuis', 9],
  ['housing-first', 5],
]

const INTENSITY: [SupportIntensity | null, number][] = [
  ['licht', 40],
  ['middel', 38],
  ['intensief', 17],
  [null, 5],
]

function makeClient(id: number): ClientFacts {
  const targetGroup = weighted(GROUPS)
  const flow = targetGroup === 'beschermd-thuis' || chance(0.08) ? 'instroom' : 'uitstroom'
  const adults = chance(0.9) ? 1 : 2
  const children =
    targetGroup === 'vrouwenopvang'
      ? weighted([
          [0, 3],
          [1, 3],
          [2, 2],
          [3, 1],
        ] as const)
      : weighted([
          [0, 85],
          [1, 8],
          [2, 5],
          [3, 2],
        ] as const)
  const persons = adults + children
  const birthYear = targetGroup === 'jongvolwassenen' ? between(1999, 2008) : between(1956, 2006)
  // Most can pay up to the aftoppingsgrens for their household size; some less, a few more.
  const cap = persons <= 2 ? 682.96 : 731.93
  const maxRent = weighted([
    [cap, 60],
    [cents(480, cap), 28],
    [932.93, 12],
  ] as const)
  const excluded = chance(0.3) ? sample(['overvecht', ...WIJKEN] as Wijk[], between(1, 2)) : []
  const waited = Math.min(1000, Math.floor(-Math.log(1 - random()) * 140))
  return {
    id,
    code: `K-${String(id).padStart(5, '0')}`,
    careProviderId: weighted(PROVIDERS),
    targetGroup,
    flow,
    registeredOn: format(subDays(TODAY, waited), 'yyyy-MM-dd'),
    adults,
    children,
    birthYear,
    maxRent,
    minRooms: persons >= 4 ? 3 : persons >= 2 ? 2 : 1,
    needsGroundFloorOrLift: chance(0.1),
    needsWheelchair: chance(0.015),
    needsLowStimulus: chance(0.05),
    preferredWijken: sample(WIJKEN, between(0, 3)),
    excludedWijken: [...new Set(excluded)],
    exclusionForSafety: excluded.length > 0 && chance(0.4),
    supportIntensity: weighted(INTENSITY),
    status: 'wachtend',
    openShortlists: chance(0.1) ? 1 : 0,
  }
}

const TYPES: [DwellingType, number][] = [
  ['appartement', 45],
  ['studio', 15],
  ['kamer', 5],
  ['bovenwoning', 12],
  ['benedenwoning', 10],
  ['eengezinswoning', 13],
]

const SUITABLE: [SuitableFor, number][] = [
  ['beide', 55],
  ['uitstroom', 30],
  ['instroom', 15],
]

const COMPLEXES = Array.from({ length: 60 }, (_, i) => `Complex ${i + 1}`)

function makeDwelling(id: number): DwellingFacts {
  const type = weighted(TYPES)
  const rooms =
    type === 'kamer' || type === 'studio'
      ? 1
      : type === 'appartement'
        ? between(1, 3)
        : type === 'eengezinswoning'
          ? between(3, 5)
          : between(2, 4)
  const floor =
    type === 'benedenwoning' || type === 'eengezinswoning'
      ? 0
      : type === 'bovenwoning'
        ? between(1, 3)
        : between(0, 9)
  const netRent =
    type === 'kamer' ? cents(300, 450) : type === 'studio' ? cents(400, 560) : cents(470, 760)
  const suitableFor = weighted(SUITABLE)
  return {
    id,
    corporationId: between(1, 6),
    wijk: weighted(WIJK_TABLE),
    complex: chance(0.4) ? COMPLEXES[between(0, COMPLEXES.length - 1)]! : null,
    type,
    selfContained: type !== 'kamer',
    rooms,
    floor,
    hasLift: floor >= 4 ? chance(0.85) : floor > 0 && chance(0.2),
    wheelchairAccessible: chance(0.03),
    lowStimulus: chance(0.03),
    netRent,
    suitableFor,
    // Dwelling input refuses an instroom-only dwelling without flip.
    flipPossible: suitableFor === 'instroom' || chance(0.6),
  }
}

const clients = Array.from({ length: CLIENTS }, (_, i) => makeClient(i + 1))
const dwellings = Array.from({ length: DWELLINGS }, (_, i) => makeDwelling(i + 1))

// --- the contexts --------------------------------------------------------------------------------

const earlierPairs = new Set<string>()
while (earlierPairs.size < 1_500) {
  earlierPairs.add(pairKey(between(1, DWELLINGS), between(1, CLIENTS)))
}
const eligibility: EligibilityContext = {
  year: 2026,
  youngMaxRent: 477.2,
  maxOpenShortlists: 1,
  earlierPairs,
  complexStop: {
    limit: { placements: SPREADING.complexStopPlacements, years: SPREADING.complexStopYears },
    stopped: new Map(),
    overridden: new Set(),
  },
}

const providerShare = new Map(PROVIDERS)
const totalShare = PROVIDERS.reduce((sum, [, w]) => sum + w, 0)
const providers = new Map<number, ProviderStanding>(
  PROVIDERS.map(([id]) => {
    const expected = (270 * (providerShare.get(id) ?? 0)) / totalShare
    return [id, { name: `Zorgaanbieder ${id}`, expected, allocated: expected * cents(0.4, 1.3) }]
  }),
)

const stats = new Map<TargetGroup, Omit<GroupStanding, 'pressure'>>()
for (const client of clients) {
  const s = stats.get(client.targetGroup) ?? { waiting: 0, averageWaitDays: 0, recentShare: 0 }
  const days = waitingDays(client, TODAY)
  s.averageWaitDays = (s.averageWaitDays * s.waiting + days) / (s.waiting + 1)
  s.waiting += 1
  stats.set(client.targetGroup, s)
}
for (const s of stats.values()) s.recentShare = (s.waiting / CLIENTS) * cents(0.5, 1.5)

// The plan's 2018 figures (their 244 placements included) give the norms; no placements in the app.
const norms = wijkNorms(
  Object.entries(WIJK_FIGURES_2018).map(([wijk, f]) => ({ ...f, wijk: wijk as Wijk })),
  new Map(),
  { concentration: SPREADING.concentrationWeight, history: SPREADING.historyWeight },
)

const ranking: RankingContext = {
  today: TODAY,
  weights: DEFAULT_WEIGHTS,
  balanceDays: 30,
  providers,
  groups: groupPressures(stats),
  wijkLoad: wijkLoads(norms),
  complexPlacements: new Map(COMPLEXES.map((c) => [c, between(0, 6)])),
  complexStop: SPREADING.complexStopPlacements,
}

// --- timing --------------------------------------------------------------------------------------

function bestOf<T>(runs: number, work: () => T): { ms: number; result: T } {
  let best = Infinity
  let result: T | undefined
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    result = work()
    best = Math.min(best, performance.now() - start)
  }
  return { ms: best, result: result as T }
}

const solve = await loadAssignmentSolver()
const batch = bestOf(RUNS, () =>
  buildShortlists(dwellings, clients, eligibility, ranking, N, solve),
)
const lists: ProposedShortlist[] = batch.result

// A typical dwelling for the why-not view: the one with the median eligible pool.
const byPool = [...lists].sort((a, b) => a.eligiblePool - b.eligiblePool)
const probeList = byPool[Math.floor(byPool.length / 2)]!
const probe = dwellings.find((d) => d.id === probeList.dwellingId)!
const why = bestOf(RUNS, () => clients.map((client) => whyNot(client, probe, eligibility)))
const failing = why.result.filter((failures) => failures.length > 0).length
const failuresByRule = new Map<string, number>()
for (const failures of why.result) {
  for (const f of failures) failuresByRule.set(f.rule, (failuresByRule.get(f.rule) ?? 0) + 1)
}

const eligiblePairs = lists.reduce((sum, l) => sum + l.eligiblePool, 0)
const candidates = lists.reduce((sum, l) => sum + l.candidates.length, 0)
const placed = new Set(lists.flatMap((l) => l.candidates.map((c) => c.clientId))).size

const n = (value: number) => value.toLocaleString('en-US')
const ms = (value: number) => `${value.toFixed(1)} ms`
const rows: [string, string][] = [
  ['seed', String(SEED)],
  ['clients (waiting)', n(CLIENTS)],
  ['dwellings (open)', n(DWELLINGS)],
  ['shortlist size N', String(N)],
  ['pairs checked for eligibility', n(CLIENTS * DWELLINGS)],
  [
    'eligible pairs',
    `${n(eligiblePairs)} (${((100 * eligiblePairs) / (CLIENTS * DWELLINGS)).toFixed(1)} %)`,
  ],
  ['shortlists made (≥ 1 candidate)', n(lists.filter((l) => l.candidates.length > 0).length)],
  [
    `dwellings with fewer than ${N} candidates`,
    n(lists.filter((l) => l.candidates.length < N).length),
  ],
  ['  of which with none', n(lists.filter((l) => l.candidates.length === 0).length)],
  ['candidates presented / distinct clients', `${n(candidates)} / ${n(placed)}`],
  [`buildShortlists, best of ${RUNS}`, ms(batch.ms)],
  [`whyNot, 1 dwelling × ${n(CLIENTS)} clients, best of ${RUNS}`, ms(why.ms)],
  ['  probe dwelling', `#${probe.id}, ${probe.type}, ${probe.wijk}, € ${probe.netRent}`],
  ['  clients not eligible for it', n(failing)],
  [
    '  failures by rule',
    [...failuresByRule].map(([rule, count]) => `${rule} ${n(count)}`).join(', '),
  ],
]

const width = Math.max(...rows.map(([label]) => label.length))
console.log(`matching benchmark (Node ${process.version})`)
console.log('-'.repeat(width + 24))
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`)

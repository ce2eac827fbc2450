import { format, subDays } from 'date-fns'
import fc from 'fast-check'
import type { EligibilityContext } from '../../src/main/domain/eligibility'
import type { ClientFacts, DwellingFacts } from '../../src/main/domain/facts'
import { DEFAULT_WEIGHTS, type RankingContext } from '../../src/main/domain/ranking'
import { DEFAULT_YEAR_SETTINGS } from '../../src/main/domain/year-settings'
import {
  CLIENT_STATUS,
  DWELLING_TYPE,
  FLOW,
  SUITABLE_FOR,
  SUPPORT_INTENSITY,
  TARGET_GROUP,
  WIJK,
  type ClientStatus,
  type Flow,
  type SuitableFor,
  type Wijk,
} from '../../src/shared/domain/vocabulary'

/**
 * The matching tests' "today": 23 November 2026, built from local date parts so that calendar-day
 * arithmetic (date-fns works in local time) gives the same answer in every time zone.
 */
export const TODAY = new Date(2026, 10, 23, 12, 0, 0)

/** The ISO date `days` calendar days before TODAY: a client registered that long ago. */
export function registeredDaysAgo(days: number): string {
  return format(subDays(TODAY, days), 'yyyy-MM-dd')
}

/** A client code derived from the id, so distinct ids always have distinct codes. */
export const clientCode = (id: number) => `K-${String(id).padStart(4, '0')}`

/**
 * A single adult, uitstroom BW, registered 2026-06-01 (175 days before TODAY), born 1985,
 * max rent € 700, no access needs, waiting and on no open shortlist.
 */
export function aClient(overrides: Partial<ClientFacts> = {}): ClientFacts {
  const id = overrides.id ?? 1
  return {
    id,
    code: clientCode(id),
    careProviderId: 1,
    targetGroup: 'uitstroom-bw',
    flow: 'uitstroom',
    registeredOn: '2026-06-01',
    adults: 1,
    children: 0,
    birthYear: 1985,
    maxRent: 700,
    minRooms: 1,
    needsGroundFloorOrLift: false,
    needsWheelchair: false,
    needsLowStimulus: false,
    preferredWijken: [],
    excludedWijken: [],
    exclusionForSafety: false,
    supportIntensity: 'middel',
    status: 'wachtend',
    openShortlists: 0,
    ...overrides,
  }
}

/** A 2-room self-contained appartement in Zuid, floor 1 with lift, € 600, for both flows, flip possible. */
export function aDwelling(overrides: Partial<DwellingFacts> = {}): DwellingFacts {
  return {
    id: 1,
    corporationId: 1,
    wijk: 'zuid',
    complex: null,
    type: 'appartement',
    selfContained: true,
    rooms: 2,
    floor: 1,
    hasLift: true,
    wheelchairAccessible: false,
    lowStimulus: false,
    netRent: 600,
    suitableFor: 'beide',
    flipPossible: true,
    ...overrides,
  }
}

/** 2026 limits, one open shortlist per client, no earlier pairs, no complex at its stop. */
export function eligibilityContext(
  overrides: Partial<EligibilityContext> = {},
): EligibilityContext {
  return {
    year: 2026,
    youngMaxRent: 477.2,
    maxOpenShortlists: 1,
    earlierPairs: new Set<string>(),
    complexStop: { limit: { placements: 3, years: 2 }, stopped: new Map(), overridden: new Set() },
    ...overrides,
  }
}

/** TODAY, default weights, and no standings: every provider, group, wijk and complex neutral. */
export function rankingContext(overrides: Partial<RankingContext> = {}): RankingContext {
  return {
    today: TODAY,
    weights: DEFAULT_WEIGHTS,
    balanceDays: DEFAULT_YEAR_SETTINGS.maxBalanceDays,
    providers: new Map(),
    groups: new Map(),
    wijkLoad: new Map(),
    complexPlacements: new Map(),
    complexStop: 3,
    ...overrides,
  }
}

// ---------------------------------------------------------------------------------------------
// fast-check arbitraries. Biased towards eligible pairs (most clients waiting, few needs) so the
// properties are exercised on full shortlists, but every enum value and the edges still occur.
// ---------------------------------------------------------------------------------------------

/** Rents around the limits that matter: the young limit, the default max rent, and a cent either side. */
const RENT_EDGES = [0, 250, 417.34, 477.2, 477.21, 597.3, 600, 640.14, 699.99, 700, 700.01, 932.93]

/** A dwelling's rent: an edge, or mostly € 300–750. */
const arbRent = fc.oneof(
  { arbitrary: fc.constantFrom(...RENT_EDGES), weight: 1 },
  { arbitrary: fc.integer({ min: 30_000, max: 75_000 }).map((cents) => cents / 100), weight: 3 },
)

/** A client's max rent: an edge, or mostly € 600–1000, so most rents are affordable. */
const arbMaxRent = fc.oneof(
  { arbitrary: fc.constantFrom(...RENT_EDGES), weight: 1 },
  { arbitrary: fc.integer({ min: 60_000, max: 100_000 }).map((cents) => cents / 100), weight: 3 },
)

/** Mostly `usual`; one time in `odds + 1` anything `all` gives (which may be `usual` too). */
const mostly = <T>(usual: T, all: fc.Arbitrary<T>, odds = 4): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constant(usual), weight: odds }, { arbitrary: all, weight: 1 })

const arbWijken = (maxLength: number) =>
  fc.uniqueArray(fc.constantFrom<Wijk>(...WIJK.keys), { maxLength })

/** A boolean that is true about one time in `n`. */
const rarely = (n: number) => fc.integer({ min: 1, max: n }).map((x) => x === 1)

/** From 2024 to a month past TODAY: long waits, exactly TODAY, and future dates (a typo) occur. */
const arbRegisteredOn = fc
  .integer({ min: -31, max: 3 * 365 })
  .map((days) => registeredDaysAgo(days))

export const arbClient: fc.Arbitrary<ClientFacts> = fc
  .record({
    id: fc.integer({ min: 1, max: 100_000 }),
    careProviderId: fc.integer({ min: 1, max: 6 }),
    targetGroup: fc.constantFrom(...TARGET_GROUP.keys),
    flow: mostly<Flow>('uitstroom', fc.constantFrom(...FLOW.keys), 3),
    registeredOn: arbRegisteredOn,
    adults: mostly(1, fc.integer({ min: 1, max: 3 })),
    children: mostly(0, fc.integer({ min: 0, max: 5 })),
    // 2003 is exactly 23 in 2026, 2004 is 22, 2008 is 18; mostly older.
    birthYear: fc.oneof(
      { arbitrary: fc.constantFrom(2002, 2003, 2004, 2008), weight: 1 },
      { arbitrary: fc.integer({ min: 1940, max: 2008 }), weight: 5 },
    ),
    maxRent: arbMaxRent,
    minRooms: mostly(1, fc.integer({ min: 0, max: 5 })),
    needsGroundFloorOrLift: rarely(6),
    needsWheelchair: rarely(12),
    needsLowStimulus: rarely(12),
    preferredWijken: arbWijken(3),
    excludedWijken: mostly<Wijk[]>([], arbWijken(3), 2),
    exclusionForSafety: fc.boolean(),
    supportIntensity: fc.constantFrom(null, ...SUPPORT_INTENSITY.keys),
    status: mostly<ClientStatus>('wachtend', fc.constantFrom(...CLIENT_STATUS.keys), 8),
    openShortlists: mostly(0, fc.integer({ min: 0, max: 3 }), 8),
  })
  .map((c) => ({ ...c, code: clientCode(c.id) }))

export const arbDwelling: fc.Arbitrary<DwellingFacts> = fc.record({
  id: fc.integer({ min: 1, max: 100_000 }),
  corporationId: fc.integer({ min: 1, max: 6 }),
  wijk: fc.constantFrom(...WIJK.keys),
  complex: fc.constantFrom(null, 'Complex A', 'Complex B'),
  type: fc.constantFrom(...DWELLING_TYPE.keys),
  selfContained: mostly(true, fc.boolean(), 6),
  rooms: mostly(2, fc.integer({ min: 0, max: 6 }), 1),
  // -1 is a souterrain, 0 the ground floor.
  floor: fc.oneof(
    { arbitrary: fc.constantFrom(-1, 0, 1), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: 15 }), weight: 1 },
  ),
  hasLift: fc.boolean(),
  wheelchairAccessible: rarely(4),
  lowStimulus: rarely(4),
  netRent: arbRent,
  suitableFor: mostly<SuitableFor>('beide', fc.constantFrom(...SUITABLE_FOR.keys), 2),
  flipPossible: mostly(true, fc.boolean(), 2),
})

/** Clients with distinct ids (and so distinct codes); lengths spread up to `maxLength`. */
export const arbClients = (maxLength: number) =>
  fc.uniqueArray(arbClient, { selector: (c) => c.id, maxLength, size: 'max' })

/** Dwellings with distinct ids. */
export const arbDwellings = (maxLength: number) =>
  fc.uniqueArray(arbDwelling, { selector: (d) => d.id, minLength: 1, maxLength })

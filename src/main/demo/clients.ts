import {
  WIJK,
  type SupportIntensity,
  type TargetGroup,
  type Wijk,
} from '../../shared/domain/vocabulary'
import { addDays, daysBetween, previousWeekday } from './calendar'
import type { YearSettings } from '../../shared/api/planning'
import type { DemoClient } from './generate'
import { CARE_PROVIDERS, GENERAL_GROUP_MIX } from './organisations'
import { WIJK_STOCK_SHARE } from './places'
import type { Random } from './random'

/** The waiting list reaches back about eighteen months. */
const WINDOW_DAYS = 545
/** The clients the history houses were registered in the two years before today... */
const HISTORY_DAYS = 730
/** ...at least about two months before it, or the engine would hardly have reached them. */
const EARLIER_MIN_DAYS = 60

/** Age at registration (mean, sd, min, max); young adults are handled apart (18–27). */
const AGE: Record<Exclude<TargetGroup, 'jongvolwassenen'>, [number, number, number, number]> = {
  'uitstroom-mo': [41, 12, 21, 70],
  'uitstroom-bw': [37, 11, 20, 68],
  vrouwenopvang: [32, 8, 19, 58],
  wlz: [40, 13, 20, 70],
  forensisch: [35, 10, 20, 65],
  corporatiehotel: [40, 11, 22, 68],
  'beschermd-thuis': [34, 11, 19, 65],
  'housing-first': [46, 10, 25, 70],
}

/** Chance of having children living with the client. */
const CHILDREN_CHANCE: Partial<Record<TargetGroup, number>> = {
  vrouwenopvang: 0.6,
  jongvolwassenen: 0.07,
  wlz: 0.03,
  'beschermd-thuis': 0.03,
}

const INTENSITY: Partial<Record<TargetGroup, [SupportIntensity, number][]>> = {
  'housing-first': [
    ['intensief', 60],
    ['middel', 35],
    ['licht', 5],
  ],
  'beschermd-thuis': [
    ['intensief', 40],
    ['middel', 50],
    ['licht', 10],
  ],
  wlz: [
    ['intensief', 50],
    ['middel', 40],
    ['licht', 10],
  ],
}
const DEFAULT_INTENSITY: [SupportIntensity, number][] = [
  ['licht', 45],
  ['middel', 40],
  ['intensief', 15],
]

const providerWeights = CARE_PROVIDERS.map((p, i) => [i, p.perMille] as const)
const wijkWeights = WIJK.keys.map((w) => [w, WIJK_STOCK_SHARE[w]] as const)

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x))
const round5 = (x: number) => Math.round(x / 5) * 5

function someWijken(rnd: Random, count: number, avoid: readonly Wijk[] = []): Wijk[] {
  const chosen: Wijk[] = []
  while (chosen.length < count) {
    const w = rnd.weighted(wijkWeights)
    if (!chosen.includes(w) && !avoid.includes(w)) chosen.push(w)
  }
  return chosen
}

function birthYear(
  rnd: Random,
  group: TargetGroup,
  registeredYear: number,
  todayYear: number,
): number {
  // A young adult is 18 when registered and still at most 27 today.
  if (group === 'jongvolwassenen') return rnd.int(todayYear - 27, registeredYear - 18)
  const [mean, sd, min, max] = AGE[group]
  return registeredYear - Math.round(clamp(rnd.normal(mean, sd), min, max))
}

/**
 * What the household can pay: under 23 only up to the kwaliteitskortingsgrens (rent benefit stops
 * there); otherwise mostly the aftoppingsgrens for its size, some less, a few with income more.
 */
function maxRent(rnd: Random, age: number, persons: number, limits: YearSettings): number {
  // Whole euros strictly below the limit.
  if (age < 23) return rnd.int(400, Math.ceil(limits.kwaliteitskortingsgrens) - 1)
  const cap = persons >= 3 ? limits.aftoppingsgrensHoog : limits.aftoppingsgrensLaag
  const r = rnd.next()
  if (r < 0.6) return cap
  if (r < 0.92) return round5(rnd.between(540, cap - 5))
  return round5(rnd.between(cap + 10, limits.liberalisatiegrens - 20))
}

interface ClientContext {
  todayIso: string
  limits: YearSettings
  /**
   * The clients the demo's history will house: registered earlier, drawn from their own stream so
   * adding them leaves the waiting clients' draws alone. Omitted, only the waiting list is made.
   */
  earlier?: { rnd: Random; count: number }
}

type Row = DemoClient & { daysAgo: number }

/**
 * ~400 waiting clients, registered over the last eighteen months, more of them recently; and, when
 * asked, an earlier cohort for the history to house, spread over the last two years, older more often.
 */
export function generateClients(
  rnd: Random,
  { todayIso, limits, earlier }: ClientContext,
): DemoClient[] {
  const count = rnd.int(385, 415)
  const rows: Row[] = []
  for (let i = 0; i < count; i++) {
    // u^1.5 crowds towards 0: the longer ago, the more of that cohort has been housed already.
    rows.push(client(rnd, Math.floor(WINDOW_DAYS * rnd.next() ** 1.5), todayIso, limits))
  }
  for (let i = 0; i < (earlier?.count ?? 0); i++) {
    const r = earlier!.rnd
    // u^0.7 leans towards the far end: the ones who waited longest are housed first.
    const daysAgo =
      EARLIER_MIN_DAYS + Math.floor((HISTORY_DAYS - EARLIER_MIN_DAYS) * r.next() ** 0.7)
    rows.push(client(r, daysAgo, todayIso, limits))
  }
  return assignCodes(rnd, rows, todayIso, earlier !== undefined && earlier.count > 0)
}

/** One client registered `daysAgo` days before today, with a household and needs that fit the group. */
function client(rnd: Random, daysAgo: number, todayIso: string, limits: YearSettings): Row {
  const todayYear = Number(todayIso.slice(0, 4))
  const registeredOn = previousWeekday(addDays(todayIso, -daysAgo))
  const registeredYear = Number(registeredOn.slice(0, 4))

  const careProvider = rnd.weighted(providerWeights)
  const mix = CARE_PROVIDERS[careProvider]?.groups ?? GENERAL_GROUP_MIX
  const targetGroup = rnd.weighted(Object.entries(mix) as [TargetGroup, number][])
  const flow =
    targetGroup === 'beschermd-thuis' || (targetGroup === 'housing-first' && rnd.chance(0.5))
      ? 'instroom'
      : 'uitstroom'

  const born = birthYear(rnd, targetGroup, registeredYear, todayYear)
  const age = todayYear - born
  const adults =
    targetGroup !== 'vrouwenopvang' && rnd.chance(targetGroup === 'corporatiehotel' ? 0.15 : 0.05)
      ? 2
      : 1
  const hasChildren = rnd.chance(CHILDREN_CHANCE[targetGroup] ?? 0.08)
  const children = !hasChildren
    ? 0
    : age < 21
      ? 1
      : rnd.weighted([
          [1, 50],
          [2, 33],
          [3, 17],
        ])
  const persons = adults + children

  const needsWheelchair = rnd.chance(0.02)
  const needsGroundFloorOrLift = needsWheelchair || rnd.chance(targetGroup === 'wlz' ? 0.15 : 0.06)
  const lowStimulusChance = ['uitstroom-bw', 'beschermd-thuis', 'wlz'].includes(targetGroup)
    ? 0.08
    : 0.03

  // Women's shelter and forensic clients often must stay away from a person or a scene.
  const exclusionChance =
    targetGroup === 'vrouwenopvang' ? 0.65 : targetGroup === 'forensisch' ? 0.35 : 0.14
  const excluded = rnd.chance(exclusionChance) ? someWijken(rnd, rnd.int(1, 2)) : []
  const exclusionForSafety =
    excluded.length > 0 &&
    (targetGroup === 'vrouwenopvang' || targetGroup === 'forensisch' || rnd.chance(0.15))
  const preferred = rnd.chance(0.3) ? someWijken(rnd, rnd.int(1, 2), excluded) : []

  const supportProvider = rnd.chance(0.9)
    ? careProvider
    : rnd.weighted(providerWeights.filter(([i]) => i !== careProvider))
  const supportMonths =
    flow === 'instroom' ? rnd.pick([24, 24, 30, 36]) : rnd.pick([12, 12, 18, 24, 24, 36])

  return {
    daysAgo,
    code: '',
    name: null,
    notes: null,
    careProvider,
    targetGroup,
    flow,
    registeredOn,
    adults,
    children,
    birthYear: born,
    maxRent: maxRent(rnd, age, persons, limits),
    minRooms: children > 0 ? Math.min(4, 1 + children) : adults > 1 ? 2 : 1,
    needsGroundFloorOrLift,
    needsWheelchair,
    needsLowStimulus: rnd.chance(lowStimulusChance),
    preferredWijken: JSON.stringify(preferred),
    excludedWijken: JSON.stringify(excluded),
    exclusionForSafety,
    supportProvider,
    supportIntensity: rnd.weighted(INTENSITY[targetGroup] ?? DEFAULT_INTENSITY),
    supportMonths,
    status: 'wachtend',
    statusSince: registeredOn,
  }
}

/**
 * Codes run per registration year (K-2025-0412), in registration order, with gaps for the clients
 * registered in between who have since been housed or withdrawn — more of those further back.
 */
function assignCodes(
  rnd: Random,
  rows: Row[],
  todayIso: string,
  withHistory: boolean,
): DemoClient[] {
  const sorted = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.registeredOn.localeCompare(b.row.registeredOn) || a.index - b.index)
  const firstDay = sorted[0]?.row.registeredOn ?? todayIso
  let year = ''
  let seq = 0
  return sorted.map(({ row }) => {
    const rowYear = row.registeredOn.slice(0, 4)
    if (rowYear !== year) {
      // The window starts mid-year: that year's numbering already ran ~1.4 a day before it.
      seq = year === '' ? Math.round(daysBetween(`${rowYear}-01-01`, firstDay) * 1.4) : 0
      year = rowYear
    }
    // With the history the housed are rows of their own: the gaps are only the withdrawn then.
    const gap = withHistory
      ? 0.08 + 0.2 * (row.daysAgo / HISTORY_DAYS)
      : 0.15 + 0.6 * (row.daysAgo / WINDOW_DAYS)
    seq += 1 + (rnd.chance(gap) ? rnd.int(1, 2) : 0)
    const { daysAgo: _daysAgo, ...client } = row
    return { ...client, code: `K-${year}-${String(seq).padStart(4, '0')}` }
  })
}

import { calendarDaysSince, utcMidnight } from '../../shared/domain/dates'
import { TARGET_GROUP, WIJK, type TargetGroup, type Wijk } from '../../shared/domain/vocabulary'
import type { ClientFacts, DwellingFacts } from './facts'
import { dwellingLoad, explainSpreading, intensityLoad, spreadingPenalty } from './spreading'

/** The three-month ambition (domain.md §3): past this, waiting time weighs much more. */
export const WAITING_TARGET_DAYS = 91

/** Settings; the defaults make a month's wait past the target worth about a provider fully behind. */
export interface RankingWeights {
  waiting: number
  waitingPastTarget: number
  providerBalance: number
  groupPriority: number
  spreading: number
  preference: number
}

export const DEFAULT_WEIGHTS: RankingWeights = {
  waiting: 1,
  waitingPastTarget: 2,
  providerBalance: 2,
  groupPriority: 1.5,
  spreading: 1,
  preference: 0.5,
}

/** Standing of a care provider this year: how far behind (positive) or ahead of its contingent. */
export interface ProviderStanding {
  name: string
  expected: number
  allocated: number
}

/** Standing of a target group, for the plan's three criteria in order (domain.md §3). */
export interface GroupStanding {
  waiting: number
  averageWaitDays: number
  recentShare: number
  /** 0–1, computed by `groupPressures`. */
  pressure: number
}

export interface RankingContext {
  today: Date
  weights: RankingWeights
  /**
   * Waiting before balance (setting, default 30): provider balance and group priority together
   * may move a client ahead of others by at most this many waiting days.
   */
  balanceDays: number
  providers: ReadonlyMap<number, ProviderStanding>
  groups: ReadonlyMap<TargetGroup, GroupStanding>
  /** MO/BW placements against the wijk's spreading norm: 0 on the norm, 1 double, −1 none yet. */
  wijkLoad: ReadonlyMap<Wijk, number>
  /** Placements per complex within the stop's window. */
  complexPlacements: ReadonlyMap<string, number>
  /** Placements at which a complex stops (the stop's setting); nearing it lowers the score. */
  complexStop: number
}

export type ScorePartKey =
  'waiting' | 'providerBalance' | 'groupPriority' | 'spreading' | 'preference'

export interface ScorePart {
  key: ScorePartKey
  label: string
  points: number
  /** Dutch: why this many points. */
  explanation: string
}

export interface Score {
  total: number
  parts: ScorePart[]
}

// `|| 0` turns −0 into 0: a balanced wijk scores nothing, not "-0".
const round = (n: number) => Math.round(n * 100) / 100 || 0
// One formatter for every explanation: toLocaleString builds a new one per call, and the batch
// writes five explanations for every candidate.
const NL_NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 })
const nl = (n: number) => NL_NUMBER.format(round(n))
const days = (n: number) => `${n} ${n === 1 ? 'dag' : 'dagen'}`

/**
 * Calendar days since registration. Not date-fns: the batch asks it for every eligible client
 * (thousands per new round), and Date.parse of the ISO date is 4× quicker than splitting it.
 */
export function waitingDays(client: Pick<ClientFacts, 'registeredOn'>, today: Date): number {
  return Math.max(0, calendarDaysSince(client.registeredOn, utcMidnight(today)))
}

/**
 * What `balanceDays` of waiting are worth, at the flattest part of the waiting curve: the most that
 * provider balance and group priority together may add to one client over another.
 */
export function balanceRoom(ctx: Pick<RankingContext, 'weights' | 'balanceDays'>): number {
  const perDay = Math.min(ctx.weights.waiting, ctx.weights.waitingPastTarget) / WAITING_TARGET_DAYS
  return Math.max(0, ctx.balanceDays) * perDay
}

/**
 * Provider balance spans 2 × its weight (deficit −1 … 1), group priority its weight (pressure 0 … 1):
 * both are scaled down together so that their joint spread never exceeds the balance room.
 */
function balanceScale(ctx: RankingContext): number {
  const spread = 2 * ctx.weights.providerBalance + ctx.weights.groupPriority
  return spread <= 0 ? 0 : Math.min(1, balanceRoom(ctx) / spread)
}

/** −1 (far ahead of contingent) … 1 (nothing allocated of what was expected). */
export function providerDeficit(standing: ProviderStanding | undefined): number {
  if (!standing || standing.expected <= 0) return 0
  return Math.max(-1, Math.min(1, (standing.expected - standing.allocated) / standing.expected))
}

interface PartDefinition {
  key: ScorePartKey
  label: string
  /** Points depend on the client alone and stay fixed during a batch: computed once per client. */
  clientOnly?: boolean
  points(client: ClientFacts, dwelling: DwellingFacts, ctx: RankingContext): number
  explain(client: ClientFacts, dwelling: DwellingFacts, ctx: RankingContext): string
}

/** The named parts of a score. Points are cheap (the batch scores every eligible pair); explanations are built only for those shown. */
export const SCORE_PARTS: readonly PartDefinition[] = [
  {
    key: 'waiting',
    label: 'Wachttijd',
    clientOnly: true,
    points: (c, _d, ctx) => {
      const days = waitingDays(c, ctx.today)
      const past = Math.max(0, days - WAITING_TARGET_DAYS)
      // Past the ambition a client is ahead by the whole balance room: no shorter waiter
      // overtakes them through balance alone.
      return (
        (ctx.weights.waiting * Math.min(days, WAITING_TARGET_DAYS) +
          ctx.weights.waitingPastTarget * past) /
          WAITING_TARGET_DAYS +
        (past > 0 ? balanceRoom(ctx) : 0)
      )
    },
    explain: (c, _d, ctx) => {
      const waited = waitingDays(c, ctx.today)
      const past = waited - WAITING_TARGET_DAYS
      return past > 0
        ? `Wacht ${days(waited)}, ${days(past)} langer dan 3 maanden: voorrang boven kortere wachters`
        : `Wacht ${days(waited)}`
    },
  },
  {
    key: 'providerBalance',
    label: 'Verdeling zorgaanbieders',
    points: (c, _d, ctx) =>
      balanceScale(ctx) *
      ctx.weights.providerBalance *
      providerDeficit(ctx.providers.get(c.careProviderId)),
    explain: (c, _d, ctx) => {
      const standing = ctx.providers.get(c.careProviderId)
      if (!standing) return 'Geen contingent bekend'
      const deficit = providerDeficit(standing)
      const position = deficit > 0.05 ? 'achter op' : deficit < -0.05 ? 'voor op' : 'op'
      return `${standing.name}: ${nl(standing.allocated)} van ${nl(standing.expected)} verwacht dit jaar, ${position} contingent`
    },
  },
  {
    key: 'groupPriority',
    label: 'Prioriteit doelgroep',
    clientOnly: true,
    points: (c, _d, ctx) =>
      balanceScale(ctx) *
      ctx.weights.groupPriority *
      (ctx.groups.get(c.targetGroup)?.pressure ?? 0),
    explain: (c, _d, ctx) => {
      const group = ctx.groups.get(c.targetGroup)
      if (!group) return TARGET_GROUP.label(c.targetGroup)
      return (
        `${TARGET_GROUP.label(c.targetGroup)}: gem. wachttijd ${Math.round(group.averageWaitDays)} dagen, ` +
        `${group.waiting} wachtend, ${Math.round(group.recentShare * 100)} % van recente toewijzingen`
      )
    },
  },
  {
    key: 'spreading',
    label: 'Spreiding',
    points: (c, d, ctx) => -ctx.weights.spreading * spreadingPenalty(c, d, ctx),
    explain: explainSpreading,
  },
  {
    key: 'preference',
    label: 'Voorkeurswijk',
    points: (c, d, ctx) => (c.preferredWijken.includes(d.wijk) ? ctx.weights.preference : 0),
    explain: (c, d) =>
      c.preferredWijken.includes(d.wijk)
        ? `${WIJK.label(d.wijk)} is een voorkeurswijk`
        : 'Geen voorkeurswijk',
  },
]

/** The parts that waiting before balance bounds: provider balance and group priority. */
const BALANCE_PARTS = SCORE_PARTS.filter(
  (p) => p.key === 'providerBalance' || p.key === 'groupPriority',
)

/** What balance adds to a client's score (the same for every dwelling). */
export function balancePoints(client: ClientFacts, dwelling: DwellingFacts, ctx: RankingContext) {
  let points = 0
  for (const part of BALANCE_PARTS) points += part.points(client, dwelling, ctx)
  return points
}

/**
 * The total alone, for ranking one pair: the sum of the unrounded parts, rounded once, so that
 * the waiting-before-balance bounds hold to the day (the parts shown may differ by a cent).
 */
export function scoreTotal(
  client: ClientFacts,
  dwelling: DwellingFacts,
  ctx: RankingContext,
): number {
  let total = 0
  for (const part of SCORE_PARTS) total += part.points(client, dwelling, ctx)
  return round(total)
}

/**
 * A total-scorer for a batch, giving exactly what `scoreTotal` gives: a batch of 5,000 clients × 500
 * dwellings scores ~900,000 eligible pairs, and per pair five closures reading maps were most of the
 * engine's time. What depends on the client alone (waiting, provider balance, group priority, the
 * weight of their support, their preferred wijken) is worked out once per client, the dwelling's
 * spreading load once per dwelling in a row, and the same terms are added in the same order as
 * `scoreTotal` does (tests/unit/batch-fast-paths.test.ts holds it to that on random pairs).
 */
export function createBatchScorer(ctx: RankingContext) {
  const [waiting, providerBalance, groupPriority] = SCORE_PARTS
  const perClient = new Map<
    number,
    { fixed: number; intensity: number; preferred: readonly Wijk[] }
  >()
  let lastDwelling: DwellingFacts | undefined
  let load = 0
  return (client: ClientFacts, dwelling: DwellingFacts): number => {
    let known = perClient.get(client.id)
    if (known === undefined) {
      let fixed = 0
      fixed += waiting!.points(client, dwelling, ctx)
      fixed += providerBalance!.points(client, dwelling, ctx)
      fixed += groupPriority!.points(client, dwelling, ctx)
      known = { fixed, intensity: intensityLoad(client), preferred: client.preferredWijken }
      perClient.set(client.id, known)
    }
    if (dwelling !== lastDwelling) {
      lastDwelling = dwelling
      load = dwellingLoad(dwelling, ctx)
    }
    let total = known.fixed
    total += -ctx.weights.spreading * (known.intensity * load)
    total += known.preferred.includes(dwelling.wijk) ? ctx.weights.preference : 0
    return round(total)
  }
}

/** The parts in the order `createBatchScorer` adds them; it must change with them. */
export const BATCH_SCORER_PARTS: readonly ScorePartKey[] = [
  'waiting',
  'providerBalance',
  'groupPriority',
  'spreading',
  'preference',
]

/** The score of an eligible client for a dwelling, as named parts that the UI shows one by one. */
export function scoreCandidate(
  client: ClientFacts,
  dwelling: DwellingFacts,
  ctx: RankingContext,
): Score {
  const parts = SCORE_PARTS.map((part) => ({
    key: part.key,
    label: part.label,
    points: round(part.points(client, dwelling, ctx)),
    explanation: part.explain(client, dwelling, ctx),
  }))
  return { total: scoreTotal(client, dwelling, ctx), parts }
}

/**
 * Group pressure 0–1 from the plan's criteria, in order of weight: a long average wait in the group,
 * many waiting, and a low share of the recent allocations.
 */
export function groupPressures(
  stats: ReadonlyMap<TargetGroup, Omit<GroupStanding, 'pressure'>>,
): Map<TargetGroup, GroupStanding> {
  const values = [...stats.values()]
  const maxWait = Math.max(1, ...values.map((s) => s.averageWaitDays))
  const maxWaiting = Math.max(1, ...values.map((s) => s.waiting))
  const maxShare = Math.max(0.0001, ...values.map((s) => s.recentShare))
  const result = new Map<TargetGroup, GroupStanding>()
  for (const [group, s] of stats) {
    const pressure =
      0.5 * (s.averageWaitDays / maxWait) +
      0.3 * (s.waiting / maxWaiting) +
      0.2 * (1 - s.recentShare / maxShare)
    result.set(group, { ...s, pressure: round(pressure) })
  }
  return result
}

/**
 * A care provider's standing on `today`: its contingent for the year (a fixed number of dwellings,
 * else its share of the year's target) pro rata of the year gone, against what it got allocated.
 */
export function providerStanding(
  provider: { name: string; contingentDwellings: number | null; contingentShare: number | null },
  yearTarget: number,
  today: Date,
  allocated: number,
): ProviderStanding {
  const perYear = provider.contingentDwellings ?? (provider.contingentShare ?? 0) * yearTarget
  // Early in the year a few allocations would swing the balance wildly: judge on at least a quarter.
  // The day of the year (1 January is 1), as date-fns getDayOfYear gives it, without its Dates: a
  // batch asks it for every provider.
  const dayOfYear = calendarDaysSince(`${today.getFullYear()}-01-01`, utcMidnight(today)) + 1
  const elapsed = Math.max(0.25, dayOfYear / 365)
  return { name: provider.name, expected: perYear * elapsed, allocated }
}

/** Each target group's standing from the waiting list on `today` and its recent share. */
/** A target group's waiting clients and their whole days of waiting, summed. */
export interface GroupTotal {
  waiting: number
  days: number
}

/**
 * Counts a waiting client in (`sign` 1) or out (−1) of its group's totals. Whole days summed and
 * divided once: the same average whatever order the waiting list has, so the waiting state can
 * update the totals per changed client and still agree exactly with a sum over the whole list.
 */
export function countInGroup(
  totals: Map<TargetGroup, GroupTotal>,
  client: ClientFacts,
  todayUtc: number,
  sign: 1 | -1,
): void {
  const t = totals.get(client.targetGroup) ?? { waiting: 0, days: 0 }
  t.days += sign * calendarDaysSince(client.registeredOn, todayUtc)
  t.waiting += sign
  // A group with nobody waiting has no standing, as when summed over the list afresh.
  if (t.waiting === 0) totals.delete(client.targetGroup)
  else totals.set(client.targetGroup, t)
}

export function groupTotals(
  today: Date,
  waiting: readonly ClientFacts[],
): Map<TargetGroup, GroupTotal> {
  const totals = new Map<TargetGroup, GroupTotal>()
  const todayUtc = utcMidnight(today)
  for (const client of waiting) countInGroup(totals, client, todayUtc, 1)
  return totals
}

export function groupStandings(
  totals: ReadonlyMap<TargetGroup, GroupTotal>,
  shares: ReadonlyMap<TargetGroup, number>,
): Map<TargetGroup, GroupStanding> {
  const stats = new Map<TargetGroup, Omit<GroupStanding, 'pressure'>>()
  for (const [group, t] of totals)
    stats.set(group, {
      waiting: t.waiting,
      averageWaitDays: t.days / t.waiting,
      recentShare: shares.get(group) ?? 0,
    })
  return groupPressures(stats)
}

import type Database from 'better-sqlite3'
import type { DwellingMatching } from '../../shared/api'
import type { QuarterKey } from '../../shared/domain/quarter'
import type { DwellingType } from '../../shared/domain/vocabulary'
import { sqliteStore } from '../db/connection'
import type { Actor, ServiceContext } from '../services/context'
import { acceptOffer, declineOffer, withdrawDwelling } from '../services/offers-service'
import {
  choose,
  generateForQuarter,
  present,
  rejectAll,
  rejectCandidate,
} from '../services/shortlists-service'
import { addDays, daysBetween, nextWeekday } from './calendar'
import { declineText, rejectAllText, rejectOneText, withdrawalText } from './history-texts'
import { createRandom } from './random'
import { statementCachingDb } from './statement-cache'

/**
 * The earlier quarters' history, made by the real engine: the demo plays the officer, the
 * corporations and the clients on a simulated clock and calls the services the app calls. Every step
 * is the service's own transaction (a savepoint inside the demo's), so the rounds, offers,
 * allocations, statuses and audit trail are exactly what the app would have written.
 */

/** Who did it: the history's audit events carry this officer, not the one loading the demo. */
export const DEMO_ACTOR: Actor = { officer: 'Demo (Het Vierde Huis)', osUser: 'demo', desk: 'demo' }

/** Chance a presented shortlist is rejected as a whole, with a motivation (target 10–20%). */
const REJECT_ALL_SHARE = 0.14
/** Chance the corporation says "geen match" to one candidate before choosing among the others. */
const REJECT_ONE_SHARE = 0.05
/** Chance the chosen client declines the one-time offer (5–8%). */
const DECLINE_SHARE = 0.065
/** Chance the corporation withdraws the dwelling instead of deciding on its first shortlist. */
const WITHDRAW_SHARE = 0.02
/** Which open candidate the corporation chooses (index on the list): usually the first. */
const CHOICE: [number, number][] = [
  [0, 78],
  [1, 16],
  [2, 6],
]
/** Chance a corporation needs a reminder and weeks more before it decides on a shortlist. */
const SLOW_SHARE = 0.07
/**
 * Chance a corporation leaves a round of the last played quarter unanswered, so the demo has late
 * answers to show on Overzicht and to send a reminder for.
 */
const UNANSWERED_SHARE = 0.04
/** The officer keeps sweeping a quarter's leftovers this long after it ends. */
const LEFTOVER_DAYS = 28
/** ...every this many days, when nobody was eligible for them before. */
const SWEEP_DAYS = 21

const MINUTE = 60_000

export interface HistoryQuarter {
  key: QuarterKey
  startsOn: string
  endsOn: string
}

export interface HistoryInput {
  seed: number
  /** Nothing happens on or after this day (yyyy-mm-dd). */
  todayIso: string
  /** The quarters to play, oldest first; the current quarter is not among them. */
  quarters: readonly HistoryQuarter[]
  /** Registers the clients and submits the dwellings dated up to and including this day. */
  arrive(dayIso: string): Promise<void>
}

export interface HistorySummary {
  allocations: number
  allocationsByQuarter: Record<string, number>
  presentedShortlists: number
  /** Rejected as a whole, with a motivation. */
  rejectedShortlists: number
  rejectedCandidates: number
  offers: number
  declinedOffers: number
  withdrawnDwellings: number
  /** Median days from a dwelling's submission to the start of its lease; null without any. */
  medianLeadDays: number | null
}

interface Planned {
  at: number
  seq: number
  run: () => Promise<void> | void
}

interface DwellingRow {
  address: string
  complex: string | null
  type: DwellingType
  floor: number
  hasLift: number
  availableFrom: string
}

/**
 * The few reads the demo itself needs, prepared once: drizzle builds and prepares every query anew,
 * which at a thousand steps is most of the time the demo would spend outside the engine.
 */
function lookups(sqlite: Database.Database) {
  const get = <T>(sql: string) => {
    const statement = sqlite.prepare(sql)
    return (...params: unknown[]) => statement.get(...params) as T | undefined
  }
  const all = <T>(sql: string) => {
    const statement = sqlite.prepare(sql)
    return (...params: unknown[]) => statement.all(...params) as T[]
  }
  return {
    shortlistStatus: get<{ status: string }>('SELECT status FROM shortlists WHERE id = ?'),
    openCandidates: all<{ clientId: number }>(
      `SELECT client_id AS clientId FROM shortlist_candidates
       WHERE shortlist_id = ? AND decision = 'open' ORDER BY position`,
    ),
    offer: get<{ outcome: string; dwellingId: number; offeredOn: string }>(
      'SELECT outcome, dwelling_id AS dwellingId, offered_on AS offeredOn FROM offers WHERE id = ?',
    ),
    dwelling: get<DwellingRow>(
      `SELECT address, complex, type, floor, has_lift AS hasLift, available_from AS availableFrom
       FROM dwellings WHERE id = ?`,
    ),
    submittedWaiting: all<{ submittedOn: string }>(
      `SELECT submitted_on AS submittedOn FROM dwellings WHERE quarter_key = ? AND status = 'ingediend'`,
    ),
    concepts: all<{ id: number }>(
      `SELECT s.id FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
       WHERE d.quarter_key = ? AND s.status = 'concept' ORDER BY s.id`,
    ),
  }
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export async function simulateHistory(
  ctx: ServiceContext,
  input: HistoryInput,
): Promise<HistorySummary> {
  const { sqlite } = sqliteStore(ctx.store)
  const read = lookups(sqlite)
  const rnd = createRandom(input.seed, 'history')
  // Its own stream, so leaving a few rounds unanswered does not change the rest of the history.
  const unanswered = createRandom(input.seed, 'unanswered')
  const lastQuarterStart = input.quarters.at(-1)?.startsOn ?? input.todayIso
  let clock = 0
  const sim: ServiceContext = {
    ...ctx,
    store: { ...ctx.store, db: statementCachingDb(sqlite) },
    actor: DEMO_ACTOR,
    now: () => new Date(clock),
  }

  // The agenda: what happens next in time order; at equal times in the order it was planned.
  const agenda: Planned[] = []
  let seq = 0
  /** Plans `run` on a weekday in office hours (UTC; a batch in the morning); never from today. */
  function plan(day: string, run: () => Promise<void> | void, morning = false) {
    const weekday = nextWeekday(day)
    if (weekday >= input.todayIso) return
    const minute = morning ? rnd.int(7 * 60 + 30, 8 * 60 + 30) : rnd.int(7 * 60 + 30, 15 * 60)
    const item = { at: Date.parse(`${weekday}T00:00:00Z`) + minute * MINUTE, seq: seq++, run }
    let lo = 0
    let hi = agenda.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (agenda[mid]!.at <= item.at) lo = mid + 1
      else hi = mid
    }
    agenda.splice(lo, 0, item)
  }

  // The services stamp their audit rows with ctx.now(), the simulated moment, but SQLite stamps
  // the rows' created/updated columns with the wall clock: after each step, those get the moment.
  const stamps = (['shortlists', 'shortlist_candidates', 'offers', 'allocations'] as const).map(
    (table) => {
      const last = sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck()
      return {
        update: sqlite.prepare(
          `UPDATE ${table} SET created_at = @at, updated_at = @at WHERE id > @mark`,
        ),
        last,
        mark: last.get() as number,
      }
    },
  )
  /** One step of someone's work a few minutes after the last, stamped with its moment. */
  async function step<T>(work: () => Promise<T>): Promise<T> {
    clock += rnd.int(1, 4) * MINUTE
    const result = await work()
    const at = new Date(clock).toISOString()
    for (const stamp of stamps) {
      stamp.update.run({ at, mark: stamp.mark })
      stamp.mark = stamp.last.get() as number
    }
    return result
  }

  const decided = new Set<number>()
  let rejectedCandidates = 0

  function dwelling(id: number): DwellingRow {
    const row = read.dwelling(id)
    if (!row) throw new Error(`Demo: woning ${id} bestaat niet`)
    return row
  }

  /** Corporations take one to a few weeks over a shortlist; now and then, after a reminder, much longer. */
  const decisionDays = () =>
    Math.min(40, Math.max(2, Math.round(Math.exp(rnd.normal(Math.log(8), 0.5))))) +
    (rnd.chance(SLOW_SHARE) ? rnd.int(14, 35) : 0)

  /**
   * The officer checks the concept and sends it at once; the corporation answers later.
   */
  async function presentAndAwait(shortlistId: number) {
    const state = await step(async () => await present(sim, shortlistId))
    if (dayOf(clock) >= lastQuarterStart && unanswered.chance(UNANSWERED_SHARE)) return
    plan(
      addDays(dayOf(clock), decisionDays()),
      async () => await decide(shortlistId, state.dwellingId),
    )
  }

  /** After a step that may have made a new offer or a new round, the officer carries on. */
  async function carryOn(state: DwellingMatching) {
    const offer = state.offers.find((o) => o.outcome === 'open')
    if (offer) return awaitResponse(offer.id, offer.offeredOn)
    const concept = state.rounds.find((r) => r.status === 'concept')
    if (concept) return await presentAndAwait(concept.id)
    // A declined offer puts the round back with the corporation, which confirms who is next.
    const reopened = state.rounds.find((r) => r.status === 'voorgedragen')
    if (reopened)
      plan(
        addDays(dayOf(clock), decisionDays()),
        async () => await decide(reopened.id, state.dwellingId),
      )
    // Else nobody is eligible now: the dwelling is submitted again and waits for a sweep.
  }

  async function decide(shortlistId: number, dwellingId: number) {
    if (read.shortlistStatus(shortlistId)?.status !== 'voorgedragen') return
    const first = !decided.has(dwellingId)
    decided.add(dwellingId)
    if (first && rnd.chance(WITHDRAW_SHARE)) {
      const reason = withdrawalText(rnd)
      await step(async () => await withdrawDwelling(sim, { dwellingId, reason }))
      return
    }
    if (rnd.chance(REJECT_ALL_SHARE)) {
      const d = dwelling(dwellingId)
      const { rejection, motivation } = rejectAllText(rnd, { ...d, hasLift: d.hasLift === 1 })
      await carryOn(
        await step(async () => await rejectAll(sim, { shortlistId, rejection, motivation })),
      )
      return
    }
    let open = read.openCandidates(shortlistId)
    if (open.length >= 2 && rnd.chance(REJECT_ONE_SHARE)) {
      const out = rnd.chance(0.6) ? open[0]! : rnd.pick(open)
      const rejection = rejectOneText(rnd)
      await step(
        async () => await rejectCandidate(sim, { shortlistId, clientId: out.clientId, rejection }),
      )
      rejectedCandidates += 1
      open = open.filter((c) => c !== out)
    }
    const { clientId } = open[rnd.weighted(CHOICE.filter(([i]) => i < open.length))]!
    await carryOn(await step(async () => await choose(sim, { shortlistId, clientId })))
  }

  function awaitResponse(offerId: number, offeredOn: string) {
    const decline = rnd.chance(DECLINE_SHARE) ? declineText(rnd) : null
    const days =
      decline?.reason === 'niet-gereageerd' ? 14 : decline ? rnd.int(3, 12) : rnd.int(2, 10)
    plan(addDays(offeredOn, days), async () => await respond(offerId, decline))
  }

  async function respond(offerId: number, decline: ReturnType<typeof declineText> | null) {
    const offer = read.offer(offerId)
    if (offer?.outcome !== 'open') return
    if (decline) {
      await carryOn(await step(async () => await declineOffer(sim, { offerId, decline })))
      return
    }
    // The lease starts two to six weeks after the offer, and not before the dwelling is free.
    const { availableFrom } = dwelling(offer.dwellingId)
    const earliest = addDays(offer.offeredOn, rnd.int(14, 42))
    const startsOn = nextWeekday(earliest > availableFrom ? earliest : availableFrom)
    // Not signed yet: the offer is still open when the officer opens the app today.
    if (startsOn >= input.todayIso) return
    await step(async () => await acceptOffer(sim, { offerId, startsOn }))
  }

  /**
   * The officer's weekly look at a quarter: shortlists for the dwellings submitted since the last
   * run, presented at once; leftovers nobody was eligible for are tried again every few weeks.
   */
  async function generationRun(quarter: HistoryQuarter, day: string, lastRun: string | null) {
    const waiting = read.submittedWaiting(quarter.key)
    const fresh = waiting.some((d) => lastRun === null || d.submittedOn > lastRun)
    const sweep = waiting.length > 0 && lastRun !== null && daysBetween(lastRun, day) >= SWEEP_DAYS
    let ran = lastRun
    if (fresh || sweep) {
      ran = day
      await step(async () => await generateForQuarter(sim, quarter.key))
      for (const { id } of read.concepts(quarter.key)) await presentAndAwait(id)
    }
    const next = nextWeekday(addDays(day, 7))
    if (next <= addDays(quarter.endsOn, LEFTOVER_DAYS))
      plan(next, async () => await generationRun(quarter, next, ran), true)
  }

  for (const quarter of input.quarters) {
    const first = nextWeekday(addDays(quarter.startsOn, rnd.int(8, 11)))
    plan(first, async () => await generationRun(quarter, first, null), true)
  }

  for (let item = agenda.shift(); item; item = agenda.shift()) {
    // Never backwards: a step that ran long pushes what was planned for the same hour after it.
    clock = Math.max(clock, item.at)
    await input.arrive(dayOf(clock))
    await item.run()
    if (dayOf(clock) >= input.todayIso) throw new Error('Demo: de geschiedenis loopt tot vandaag')
  }

  return summarise(sqlite, input.quarters, rejectedCandidates)
}

function summarise(
  sqlite: Database.Database,
  quarters: readonly HistoryQuarter[],
  rejectedCandidates: number,
): HistorySummary {
  const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number
  const let_ = sqlite
    .prepare(
      `SELECT d.quarter_key AS quarter, d.submitted_on AS submittedOn, a.starts_on AS startsOn
       FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id`,
    )
    .all() as { quarter: string; submittedOn: string; startsOn: string }[]
  const allocationsByQuarter = Object.fromEntries(quarters.map((q) => [q.key, 0]))
  for (const row of let_)
    allocationsByQuarter[row.quarter] = (allocationsByQuarter[row.quarter] ?? 0) + 1
  const leads = let_.map((r) => daysBetween(r.submittedOn, r.startsOn)).sort((a, b) => a - b)
  return {
    allocations: let_.length,
    allocationsByQuarter,
    presentedShortlists: count('SELECT count(*) FROM shortlists WHERE presented_at IS NOT NULL'),
    rejectedShortlists: count(
      "SELECT count(*) FROM shortlists WHERE status = 'afgewezen' AND rejection_motivation IS NOT NULL",
    ),
    rejectedCandidates,
    offers: count('SELECT count(*) FROM offers'),
    declinedOffers: count("SELECT count(*) FROM offers WHERE outcome = 'geweigerd'"),
    withdrawnDwellings: count("SELECT count(*) FROM dwellings WHERE status = 'ingetrokken'"),
    medianLeadDays: leads.length ? (leads[Math.floor((leads.length - 1) / 2)] ?? null) : null,
  }
}

import { ApiError } from '../../shared/api/endpoint'
import type { DwellingMatching } from '../../shared/api'
import {
  parseQuarter,
  quarterBounds,
  quarterKey,
  addQuarters,
  quarterOf,
  type QuarterKey,
} from '../../shared/domain/quarter'
import type { DwellingType } from '../../shared/domain/vocabulary'
import type { Store } from '../db/connection'
import { clients, dwellings } from '../db/schema'
import { addDays, daysBetween, nextWeekday } from '../demo/calendar'
import { declineText, rejectAllText, withdrawalText } from '../demo/history-texts'
import { createRandom, type Random } from '../demo/random'
import { audited, eventsOf } from '../services/audited'
import { createContext, type Actor, type ServiceContext } from '../services/context'
import { acceptOffer, declineOffer, withdrawDwelling } from '../services/offers-service'
import {
  getSettings,
  listYearTargets,
  planQuarter,
  quarterOverview,
  saveSettings,
  saveYearTarget,
} from '../services/planning-service'
import { choose, generateForQuarter, presentRound, rejectAll } from '../services/shortlists-service'
import { saveSpreadingSettings, spreadingSettings } from '../services/spreading-service'
import { memoryStore } from './copy'
import { measureQuarter, type QuarterOutcome } from './measure'
import type { Observed } from './observed'
import { binomial, poisson, resample } from './sampling'
import type { Scenario } from './scenario'

/**
 * One run of the model: on a private in-memory copy of the database, the corporations, the clients
 * and the officer act on a simulated clock, and every step is a call to the app's own services —
 * the same eligibility, ranking and batch as the live app. What the actors do is drawn from what
 * was observed (observed.ts); the engine decides who gets which dwelling.
 */

export const SIMULATION_ACTOR: Actor = { officer: 'Vooruitblik (simulatie)', osUser: 'simulatie' }

/** The officer keeps sweeping a quarter's leftovers this long after it ends (as the demo does). */
const LEFTOVER_DAYS = 28
/** ...every this many days, when nobody was eligible for them before. */
const SWEEP_DAYS = 21
const MINUTE = 60_000

export interface RunInput {
  image: Buffer
  model: Observed
  scenario: Scenario
  seed: number
  /** Quarters after the one the model starts in; that one is simulated and reported too. */
  quarters: number
  /** Electron's build of better-sqlite3 when the app runs in Electron. */
  nativeBinding?: string | undefined
}

export function horizon(startIso: string, quarters: number): QuarterKey[] {
  const first = quarterOf(new Date(`${startIso}T12:00:00Z`))
  return Array.from({ length: quarters + 1 }, (_, i) => quarterKey(addQuarters(first, i)))
}

/** One run, on a copy of its own that is gone when the run is. */
export async function simulateRun(input: RunInput): Promise<QuarterOutcome[]> {
  const { model, scenario } = input
  const store = memoryStore(input.image, input.nativeBinding)
  try {
    // One stream per seed whatever the scenario (common random numbers): run r of two scenarios
    // starts from the same luck, so what differs between them is mostly the choice made.
    return await play(store, input, createRandom(input.seed, 'vooruitblik'))
  } finally {
    store.close()
  }
  async function play(store: Store, input: RunInput, rnd: Random): Promise<QuarterOutcome[]> {
    let clock = Date.parse(`${model.startIso}T07:00:00Z`)
    const ctx: ServiceContext = createContext(store, {
      actor: SIMULATION_ACTOR,
      now: () => new Date(clock),
    })
    const keys = horizon(model.startIso, input.quarters)
    const endIso = quarterBounds(parseQuarter(keys.at(-1)!)).endsOn
    // Answers under another deadline come proportionally sooner or later than they did so far.
    const answerScale =
      scenario.answerWorkingDays === undefined
        ? 1
        : scenario.answerWorkingDays /
          (await getSettings(ctx, parseQuarter(keys[0]!).year)).values.answerWorkingDays
    await applyScenario(ctx, scenario, keys)

    // The agenda: what happens next, in time order; at equal times in the order it was planned.
    const agenda: { at: number; seq: number; run: () => Promise<void> | void }[] = []
    let seq = 0
    const plan = (day: string, run: () => Promise<void> | void) => {
      const weekday = nextWeekday(day)
      if (weekday > endIso) return
      const at = Math.max(Date.parse(`${weekday}T07:30:00Z`), clock)
      const item = { at, seq: seq++, run }
      let lo = 0
      let hi = agenda.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (agenda[mid]!.at <= at) lo = mid + 1
        else hi = mid
      }
      agenda.splice(lo, 0, item)
    }
    const step = async <T>(work: () => Promise<T>): Promise<T> => {
      clock += rnd.int(1, 4) * MINUTE
      return await work()
    }
    const today = () => new Date(clock).toISOString().slice(0, 10)
    const read = queries(store)
    const decided = new Set<number>()
    const shortfall = new Map((scenario.shortfalls ?? []).map((s) => [s.corporation, s.share]))

    // The present step without the dwelling's matching view the `present` call answers with:
    // nothing here reads it, and building it costs as much as presenting.
    async function presentAndAwait(shortlistId: number) {
      const { dwellingId } = await step(
        async () =>
          await audited(ctx, eventsOf, async (tx) => await presentRound(tx, ctx, shortlistId)),
      )
      awaitAnswer(shortlistId, dwellingId)
    }
    function awaitAnswer(shortlistId: number, dwellingId: number) {
      const days = Math.max(1, Math.round(resample(rnd, model.answerDays, 8) * answerScale))
      plan(addDays(today(), days), async () => await decide(shortlistId, dwellingId))
    }
    async function carryOn(state: DwellingMatching) {
      const offer = state.offers.find((o) => o.outcome === 'open')
      if (offer) return awaitReply(offer.id, offer.offeredOn)
      const concept = state.rounds.find((r) => r.status === 'concept')
      if (concept) await presentAndAwait(concept.id)
      // Else nobody is eligible now: the dwelling waits for the next sweep.
    }
    async function decide(shortlistId: number, dwellingId: number) {
      if (read.shortlistStatus(shortlistId) !== 'voorgedragen') return
      const first = !decided.has(dwellingId)
      decided.add(dwellingId)
      if (first && rnd.chance(model.withdrawShare)) {
        await step(
          async () => await withdrawDwelling(ctx, { dwellingId, reason: withdrawalText(rnd) }),
        )
        return
      }
      const open = read.openCandidates(shortlistId)
      if (open.length === 0 || rnd.chance(model.rejectAllShare)) {
        const sketch = read.dwelling(dwellingId)
        const { rejection, motivation } = rejectAllText(rnd, sketch)
        await carryOn(
          await step(async () => await rejectAll(ctx, { shortlistId, rejection, motivation })),
        )
        return
      }
      // The chosen place as observed; with more open lists per client, someone may be gone already.
      const start = Math.min(resample(rnd, model.choicePositions, 0), open.length - 1)
      for (const clientId of [...open.slice(start), ...open.slice(0, start)]) {
        try {
          await carryOn(await step(async () => await choose(ctx, { shortlistId, clientId })))
          return
        } catch (error) {
          if (!(error instanceof ApiError && error.code === 'conflict')) throw error
        }
      }
    }
    function awaitReply(offerId: number, offeredOn: string) {
      const declines = rnd.chance(model.declineShare)
      const days = declines
        ? resample(rnd, model.declineDays, 7)
        : resample(rnd, model.acceptDays, 5)
      plan(addDays(offeredOn, days), async () => await reply(offerId, declines))
    }
    async function reply(offerId: number, declines: boolean) {
      const offer = read.offer(offerId)
      if (offer?.outcome !== 'open') return
      if (declines) {
        await carryOn(
          await step(async () => await declineOffer(ctx, { offerId, decline: declineText(rnd) })),
        )
        return
      }
      const earliest = addDays(offer.offeredOn, resample(rnd, model.leaseLeadDays, 28))
      const startsOn = nextWeekday(earliest > offer.availableFrom ? earliest : offer.availableFrom)
      await step(async () => await acceptOffer(ctx, { offerId, startsOn }))
    }
    async function generationRun(quarter: QuarterKey, until: string, lastRun: string | null) {
      const waiting = read.submittedWaiting(quarter)
      const fresh = waiting.some((d) => lastRun === null || d > lastRun)
      const sweep =
        waiting.length > 0 && lastRun !== null && daysBetween(lastRun, today()) >= SWEEP_DAYS
      let ran = lastRun
      if (fresh || sweep) {
        ran = today()
        await step(async () => await generateForQuarter(ctx, quarter))
        for (const id of read.concepts(quarter)) await presentAndAwait(id)
      }
      const next = addDays(today(), 7)
      if (next <= until) plan(next, async () => await generationRun(quarter, until, ran))
    }

    async function openQuarter(key: QuarterKey, isFirst: boolean) {
      const { startsOn, endsOn } = quarterBounds(parseQuarter(key))
      const from = isFirst ? model.startIso : startsOn
      if (!isFirst || read.quotaCount(key) === 0)
        await step(async () => await planQuarter(ctx, key, false))
      // Submissions: each quota slot filled as often as the corporation filled its slots so far.
      const lines = (await quarterOverview(ctx, key)).lines
      for (const corporation of model.corporations) {
        const line = lines.find((l) => l.corporationId === corporation.id)
        if (!line) continue
        const rate = corporation.submissionRate * (1 - (shortfall.get(corporation.name) ?? 0))
        let count =
          binomial(rnd, line.quota, Math.min(1, rate)) +
          binomial(rnd, line.quota, Math.max(0, rate - 1))
        count -= read.submittedCount(key, corporation.id)
        for (let i = 0; i < count; i++) {
          const offset = resample(rnd, model.submitDayOffsets, 14)
          const day = maxIso(addDays(startsOn, offset), from)
          const template = rnd.pick(corporation.templates)
          plan(day, async () => await submit(key, corporation.id, template))
        }
      }
      // Arrivals: as many as came in an average quarter lately, spread over the days left.
      const days = daysBetween(from, endsOn) + 1
      const share = days / (daysBetween(startsOn, endsOn) + 1)
      const arrivals = poisson(rnd, model.arrivalsPerQuarter * share)
      for (let i = 0; i < arrivals; i++) {
        const template = rnd.pick(model.clientTemplates)
        plan(addDays(from, rnd.int(0, days - 1)), async () => await register(template))
      }
      const firstRun = maxIso(addDays(startsOn, rnd.int(8, 11)), from)
      plan(firstRun, async () => await generationRun(key, addDays(endsOn, LEFTOVER_DAYS), null))
    }

    let serial = 0
    async function register(template: Observed['clientTemplates'][number]) {
      const day = today()
      serial += 1
      await store.db.insert(clients).values({
        ...template,
        code: `SIM-${serial}`,
        registeredOn: day,
        status: 'wachtend',
        statusSince: day,
      })
    }
    async function submit(
      key: QuarterKey,
      corporationId: number,
      template: Observed['corporations'][number]['templates'][number],
    ) {
      const day = today()
      serial += 1
      const lead = resample(rnd, model.availableLeadDays, 30)
      await store.db.insert(dwellings).values({
        ...template,
        address: `${template.address} (simulatie ${serial})`,
        corporationId,
        quarterKey: key,
        submittedOn: day,
        availableFrom: addDays(day, lead),
        status: 'ingediend',
        statusSince: day,
      })
    }

    // What is open today goes on: rounds awaiting an answer, offers awaiting a reply, leftovers.
    for (const r of read.presentedRounds()) awaitAnswer(r.id, r.dwellingId)
    for (const o of read.openOffers()) awaitReply(o.id, maxIso(o.offeredOn, model.startIso))
    for (const key of read.quartersWithLeftovers(keys[0]!))
      plan(
        model.startIso,
        async () =>
          await generationRun(key as QuarterKey, addDays(model.startIso, LEFTOVER_DAYS), null),
      )
    for (const [i, key] of keys.entries()) {
      if (i === 0) await openQuarter(key, true)
      else
        plan(quarterBounds(parseQuarter(key)).startsOn, async () => await openQuarter(key, false))
    }

    for (let item = agenda.shift(); item; item = agenda.shift()) {
      clock = Math.max(clock, item.at)
      await item.run()
    }
    const outcomes: QuarterOutcome[] = []
    for (const key of keys) outcomes.push(await measureQuarter(store, key))
    return outcomes
  }
}

const maxIso = (a: string, b: string) => (a > b ? a : b)

/** Writes the scenario's numbers into the copy, for the current year and every year ahead. */
async function applyScenario(ctx: ServiceContext, scenario: Scenario, keys: QuarterKey[]) {
  const years = [...new Set(keys.map((k) => parseQuarter(k).year))]
  if (scenario.complexStopPlacements !== undefined) {
    // Saved for the start year; the years after inherit it, as in the app.
    const spreading = await spreadingSettings(ctx.store.db, years[0]!)
    if (spreading.complexStopPlacements !== scenario.complexStopPlacements)
      await saveSpreadingSettings(ctx, {
        ...spreading,
        complexStopPlacements: scenario.complexStopPlacements,
      })
  }
  const targets = await listYearTargets(ctx)
  for (const year of years) {
    // A year without its own target keeps the latest one set before it (the current course).
    const known = targets.find((t) => t.year === year) ?? targets.find((t) => t.year < year)
    const target = scenario.yearTarget ?? known?.target
    const instroomShareTarget = scenario.instroomShare ?? known?.instroomShareTarget
    if (
      target !== undefined &&
      instroomShareTarget !== undefined &&
      (known?.year !== year ||
        target !== known.target ||
        instroomShareTarget !== known.instroomShareTarget)
    )
      await saveYearTarget(ctx, {
        year,
        target,
        // The split keeps its catch-up part, never more than the whole target.
        catchUpTarget: Math.min(known?.catchUpTarget ?? 0, target),
        instroomShareTarget,
      })
    const { values } = await getSettings(ctx, year)
    const changed = {
      ...values,
      ...(scenario.shortlistSize !== undefined ? { shortlistSize: scenario.shortlistSize } : {}),
      ...(scenario.maxOpenShortlists !== undefined
        ? { maxOpenShortlists: scenario.maxOpenShortlists }
        : {}),
      ...(scenario.answerWorkingDays !== undefined
        ? { answerWorkingDays: scenario.answerWorkingDays }
        : {}),
    }
    if (JSON.stringify(changed) !== JSON.stringify(values))
      await saveSettings(ctx, { year, values: changed })
  }
}

function queries({ sqlite }: Store) {
  const get = <T>(sql: string) => {
    const statement = sqlite.prepare(sql)
    return (...params: unknown[]) => statement.get(...params) as T | undefined
  }
  const all = <T>(sql: string) => {
    const statement = sqlite.prepare(sql)
    return (...params: unknown[]) => statement.all(...params) as T[]
  }
  const pluckAll = <T>(sql: string) => {
    const statement = sqlite.prepare(sql).pluck()
    return (...params: unknown[]) => statement.all(...params) as T[]
  }
  const dwelling = get<{
    address: string
    complex: string | null
    type: DwellingType
    floor: number
    hasLift: number
  }>('SELECT address, complex, type, floor, has_lift AS hasLift FROM dwellings WHERE id = ?')
  return {
    shortlistStatus: (id: number) =>
      get<{ status: string }>('SELECT status FROM shortlists WHERE id = ?')(id)?.status,
    openCandidates: pluckAll<number>(
      `SELECT client_id FROM shortlist_candidates WHERE shortlist_id = ? AND decision = 'open' ORDER BY position`,
    ),
    offer: get<{ outcome: string; offeredOn: string; availableFrom: string }>(
      `SELECT o.outcome, o.offered_on AS offeredOn, d.available_from AS availableFrom
       FROM offers o JOIN dwellings d ON d.id = o.dwelling_id WHERE o.id = ?`,
    ),
    dwelling: (id: number) => {
      const row = dwelling(id)!
      return { ...row, hasLift: row.hasLift === 1 }
    },
    submittedWaiting: pluckAll<string>(
      `SELECT submitted_on FROM dwellings WHERE quarter_key = ? AND status = 'ingediend'`,
    ),
    concepts: pluckAll<number>(
      `SELECT s.id FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
       WHERE d.quarter_key = ? AND s.status = 'concept' ORDER BY s.id`,
    ),
    quotaCount: (key: string) =>
      sqlite
        .prepare('SELECT count(*) FROM quarter_quotas WHERE quarter_key = ?')
        .pluck()
        .get(key) as number,
    submittedCount: (key: string, corporationId: number) =>
      sqlite
        .prepare('SELECT count(*) FROM dwellings WHERE quarter_key = ? AND corporation_id = ?')
        .pluck()
        .get(key, corporationId) as number,
    presentedRounds: all<{ id: number; dwellingId: number }>(
      `SELECT id, dwelling_id AS dwellingId FROM shortlists WHERE status = 'voorgedragen'`,
    ),
    openOffers: all<{ id: number; offeredOn: string }>(
      `SELECT id, offered_on AS offeredOn FROM offers WHERE outcome = 'open'`,
    ),
    quartersWithLeftovers: pluckAll<string>(
      `SELECT DISTINCT quarter_key FROM dwellings WHERE status = 'ingediend' AND quarter_key < ?`,
    ),
  }
}

import {
  parseQuarter,
  quarterBounds,
  quarterKey,
  addQuarters,
  quarterOf,
  type QuarterKey,
} from '../../shared/domain/quarter'
import { addDays, atTimeOf, daysBetween, isoDateAt, nextWeekday } from '../demo/calendar'
import { declineText, rejectAllText, withdrawalText } from '../demo/history-texts'
import { createRandom } from '../demo/random'
import { createContext, type Actor, type ServiceContext } from '../services/context'
import {
  getSettings,
  listYearTargets,
  saveSettings,
  saveYearTarget,
} from '../services/planning-service'
import { saveSpreadingSettings, spreadingSettings } from '../services/spreading-service'
import { memoryStore } from './copy'
import type { QuarterOutcome } from './measure'
import type { Observed } from './observed'
import { binomial, poisson, resample } from './sampling'
import type { Scenario } from './scenario'
import { loadBase, type MemoryBase } from './memory-state'
import { memoryWorld } from './memory-world'
import { servicesWorld } from './services-world'
import type { Maybe, Next, World } from './world'

/**
 * One run of the model: the corporations, the clients and the officer act on a simulated clock, and
 * every step goes to a world (world.ts) that decides it with the live app's rules — its services on
 * a copy of the database, or the same domain code on plain objects. What the actors do is drawn
 * from what was observed (observed.ts); the engine decides who gets which dwelling.
 */

export const SIMULATION_ACTOR: Actor = {
  officer: 'Vooruitblik (simulatie)',
  osUser: 'simulatie',
  desk: 'simulatie',
}

/** The officer keeps sweeping a quarter's leftovers this long after it ends (as the demo does). */
const LEFTOVER_DAYS = 28
/** ...every this many days, when nobody was eligible for them before. */
const SWEEP_DAYS = 21
const MINUTE = 60_000
/** The officer's agenda items start at 07:30 (UTC) on their day. */
const HALF_PAST_SEVEN = (7 * 60 + 30) * MINUTE

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

/**
 * What every run of a scenario in the memory world starts from: the copy with the scenario applied,
 * read into plain objects once (memory-state.ts loadBase).
 */
export async function memoryBaseFor(input: Omit<RunInput, 'seed'>): Promise<MemoryBase> {
  const store = memoryStore(input.image, input.nativeBinding)
  try {
    const start = new Date(`${input.model.startIso}T07:00:00Z`)
    const ctx = createContext(store, { actor: SIMULATION_ACTOR, now: () => start })
    const keys = horizon(input.model.startIso, input.quarters)
    await applyScenario(ctx, input.scenario, keys)
    return await loadBase(ctx, keys)
  } finally {
    store.close()
  }
}

/** One run in the memory world: the app's domain rules on plain objects, cloned from `base`. */
export function simulateRun(
  base: MemoryBase,
  input: Omit<RunInput, 'image'>,
): Promise<QuarterOutcome[]> {
  const clock = { now: 0 }
  return play(
    memoryWorld(base, () => new Date(clock.now)),
    input,
    clock,
  )
}

/** One run of the reference world: the app's services on a copy of its own, gone when the run is. */
export async function simulateRunOnServices(input: RunInput): Promise<QuarterOutcome[]> {
  const store = memoryStore(input.image, input.nativeBinding)
  try {
    const clock = { now: Date.parse(`${input.model.startIso}T07:00:00Z`) }
    const ctx = createContext(store, { actor: SIMULATION_ACTOR, now: () => new Date(clock.now) })
    await applyScenario(ctx, input.scenario, horizon(input.model.startIso, input.quarters))
    return await play(servicesWorld(ctx), input, clock)
  } finally {
    store.close()
  }
}

/**
 * The run itself, the same for every world: the agenda of what happens when, the clock, and every
 * draw of what the actors do. `clock.now` is the world's time (ms), moved on as the run goes.
 */
export async function play(
  world: World,
  input: Omit<RunInput, 'image' | 'nativeBinding'>,
  clock: { now: number },
): Promise<QuarterOutcome[]> {
  const { model, scenario } = input
  // One stream per seed whatever the scenario (common random numbers): run r of two scenarios
  // starts from the same luck, so what differs between them is mostly the choice made.
  const rnd = createRandom(input.seed, 'vooruitblik')
  clock.now = Date.parse(`${model.startIso}T07:00:00Z`)
  const keys = horizon(model.startIso, input.quarters)
  const endIso = quarterBounds(parseQuarter(keys.at(-1)!)).endsOn
  // Answers under another deadline come proportionally sooner or later than they did so far.
  const answerScale =
    scenario.answerWorkingDays === undefined
      ? 1
      : scenario.answerWorkingDays / model.answerWorkingDays

  // The agenda: what happens next, in time order; at equal times in the order it was planned.
  const agenda: { at: number; seq: number; run: () => Maybe<void> }[] = []
  let seq = 0
  const plan = (day: string, run: () => Maybe<void>) => {
    const weekday = nextWeekday(day)
    if (weekday > endIso) return
    const at = Math.max(atTimeOf(weekday, HALF_PAST_SEVEN), clock.now)
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
  const step = <T>(work: () => Maybe<T>): Maybe<T> => {
    clock.now += rnd.int(1, 4) * MINUTE
    return work()
  }
  const today = () => isoDateAt(clock.now)
  const decided = new Set<number>()
  const shortfall = new Map((scenario.shortfalls ?? []).map((s) => [s.corporation, s.share]))

  async function presentAndAwait(shortlistId: number) {
    const dwellingId = await step(() => world.present(shortlistId))
    awaitAnswer(shortlistId, dwellingId)
  }
  function awaitAnswer(shortlistId: number, dwellingId: number) {
    const days = Math.max(1, Math.round(resample(rnd, model.answerDays, 8) * answerScale))
    plan(addDays(today(), days), () => decide(shortlistId, dwellingId))
  }
  async function carryOn(next: Next) {
    if (next.offer) return awaitReply(next.offer.id, next.offer.offeredOn)
    if (next.concept !== undefined) return presentAndAwait(next.concept)
    // The reserves of a declined offer, back with the corporation to choose from.
    if (next.presented) return awaitAnswer(next.presented.id, next.presented.dwellingId)
    // Else nobody is eligible now: the dwelling waits for the next sweep.
  }
  async function decide(shortlistId: number, dwellingId: number) {
    if ((await world.shortlistStatus(shortlistId)) !== 'voorgedragen') return
    const first = !decided.has(dwellingId)
    decided.add(dwellingId)
    if (first && rnd.chance(model.withdrawShare)) {
      await step(() => world.withdrawDwelling(dwellingId, withdrawalText(rnd)))
      return
    }
    const open = await world.openCandidates(shortlistId)
    if (open.length === 0 || rnd.chance(model.rejectAllShare)) {
      const sketch = await world.dwelling(dwellingId)
      const { rejection, motivation } = rejectAllText(rnd, sketch)
      await carryOn(await step(() => world.rejectAll(shortlistId, rejection, motivation)))
      return
    }
    // The chosen place as observed; with more open lists per client, someone may be gone already.
    const start = Math.min(resample(rnd, model.choicePositions, 0), open.length - 1)
    for (const clientId of [...open.slice(start), ...open.slice(0, start)]) {
      const next = await step(() => world.choose(shortlistId, clientId))
      if (next) return carryOn(next)
    }
  }
  function awaitReply(offerId: number, offeredOn: string) {
    const declines = rnd.chance(model.declineShare)
    const days = declines ? resample(rnd, model.declineDays, 7) : resample(rnd, model.acceptDays, 5)
    plan(addDays(offeredOn, days), () => reply(offerId, declines))
  }
  async function reply(offerId: number, declines: boolean) {
    const offer = await world.offer(offerId)
    if (offer?.outcome !== 'open') return
    if (declines) {
      await carryOn(await step(() => world.declineOffer(offerId, declineText(rnd))))
      return presentReleased()
    }
    const earliest = addDays(offer.offeredOn, resample(rnd, model.leaseLeadDays, 28))
    const startsOn = nextWeekday(earliest > offer.availableFrom ? earliest : offer.availableFrom)
    await step(() => world.acceptOffer(offerId, startsOn))
    await presentReleased()
  }
  /**
   * A client housed (or gone) leaves the other rounds they stood on; a round left empty makes way
   * for a new concept, which the officer presents then — later, its candidates might be gone.
   */
  async function presentReleased() {
    for (const id of await world.concepts()) await presentAndAwait(id)
  }
  async function generationRun(quarter: QuarterKey, until: string, lastRun: string | null) {
    const waiting = await world.submittedWaiting(quarter)
    const fresh = waiting.some((d) => lastRun === null || d > lastRun)
    const sweep =
      waiting.length > 0 && lastRun !== null && daysBetween(lastRun, today()) >= SWEEP_DAYS
    let ran = lastRun
    if (fresh || sweep) {
      ran = today()
      await step(() => world.generate(quarter))
      for (const id of await world.concepts(quarter)) await presentAndAwait(id)
    }
    const next = addDays(today(), 7)
    if (next <= until) plan(next, () => generationRun(quarter, until, ran))
  }

  async function openQuarter(key: QuarterKey, isFirst: boolean) {
    const { startsOn, endsOn } = quarterBounds(parseQuarter(key))
    const from = isFirst ? model.startIso : startsOn
    const lines = await step(() => world.planQuarter(key, isFirst))
    // Submissions: each quota slot filled as often as the corporation filled its slots so far.
    for (const corporation of model.corporations) {
      const line = lines.find((l) => l.corporationId === corporation.id)
      if (!line) continue
      const rate = corporation.submissionRate * (1 - (shortfall.get(corporation.name) ?? 0))
      let count =
        binomial(rnd, line.quota, Math.min(1, rate)) +
        binomial(rnd, line.quota, Math.max(0, rate - 1))
      count -= await world.submittedCount(key, corporation.id)
      for (let i = 0; i < count; i++) {
        const offset = resample(rnd, model.submitDayOffsets, 14)
        const day = maxIso(addDays(startsOn, offset), from)
        const template = rnd.pick(corporation.templates)
        plan(day, () => submit(key, corporation.id, template))
      }
    }
    // Arrivals: as many as came in an average quarter lately, spread over the days left.
    const days = daysBetween(from, endsOn) + 1
    const share = days / (daysBetween(startsOn, endsOn) + 1)
    const arrivals = poisson(rnd, model.arrivalsPerQuarter * share)
    for (let i = 0; i < arrivals; i++) {
      const template = rnd.pick(model.clientTemplates)
      plan(addDays(from, rnd.int(0, days - 1)), () => register(template))
    }
    const firstRun = maxIso(addDays(startsOn, rnd.int(8, 11)), from)
    plan(firstRun, () => generationRun(key, addDays(endsOn, LEFTOVER_DAYS), null))
  }

  let serial = 0
  function register(template: Observed['clientTemplates'][number]) {
    serial += 1
    return world.register({ ...template, code: `SIM-${serial}`, registeredOn: today() })
  }
  function submit(
    key: QuarterKey,
    corporationId: number,
    template: Observed['corporations'][number]['templates'][number],
  ) {
    const day = today()
    serial += 1
    const lead = resample(rnd, model.availableLeadDays, 30)
    return world.submit({
      ...template,
      // What the officer and the engine marked on the dwelling it copies is not the corporation's.
      reservedForInstroom: false,
      shortNote: null,
      complexStopOverride: null,
      address: `${template.address} (simulatie ${serial})`,
      corporationId,
      quarterKey: key,
      submittedOn: day,
      availableFrom: addDays(day, lead),
    })
  }

  // What is open today goes on: rounds awaiting an answer, offers awaiting a reply, leftovers.
  for (const r of await world.presentedRounds()) awaitAnswer(r.id, r.dwellingId)
  for (const o of await world.openOffers()) awaitReply(o.id, maxIso(o.offeredOn, model.startIso))
  for (const key of await world.quartersWithLeftovers(keys[0]!))
    plan(model.startIso, () =>
      generationRun(key as QuarterKey, addDays(model.startIso, LEFTOVER_DAYS), null),
    )
  for (const [i, key] of keys.entries()) {
    if (i === 0) await openQuarter(key, true)
    else plan(quarterBounds(parseQuarter(key)).startsOn, () => openQuarter(key, false))
  }

  for (let item = agenda.shift(); item; item = agenda.shift()) {
    clock.now = Math.max(clock.now, item.at)
    await item.run()
  }
  return world.measure(keys)
}

const maxIso = (a: string, b: string) => (a > b ? a : b)

/** Writes the scenario's numbers into the copy, for the current year and every year ahead. */
export async function applyScenario(ctx: ServiceContext, scenario: Scenario, keys: QuarterKey[]) {
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

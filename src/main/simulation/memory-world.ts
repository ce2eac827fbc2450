import { subYears } from 'date-fns'
import { localIsoDate, utcMidnight } from '../../shared/domain/dates'
import type { QuarterKey } from '../../shared/domain/quarter'
import { parseQuarter } from '../../shared/domain/quarter'
import {
  CLIENT_STATUS,
  DWELLING_UNDER_WAY,
  type ClientStatus,
  type DwellingStatus,
  type TargetGroup,
  type Wijk,
} from '../../shared/domain/vocabulary'
import type { EligibilityContext } from '../domain/eligibility'
import { eligibilityScreen, type EligibilityScreen } from '../domain/eligibility-screen'
import { pairKey, type ClientFacts } from '../domain/facts'
import { chooseInstroomReserve, steerInstroom } from '../domain/instroom-steering'
import {
  contractProblem,
  defaultContract,
  leaseStartProblem,
  offerDateProblem,
  responseDateProblem,
  statusAfterDecline,
} from '../domain/offer-rules'
import {
  DEFAULT_WEIGHTS,
  groupStandings,
  providerStanding,
  type GroupTotal,
  type ProviderStanding,
  type RankingContext,
} from '../domain/ranking'
import { buildShortlists } from '../domain/shortlist-batch'
import {
  complexKey,
  stoppedDwellings,
  wijkLoads,
  wijkNorms,
  type ComplexStop,
} from '../domain/spreading'
import {
  DWELLING_RULES,
  OFFER_RULES,
  ROUND_RULES,
  refusal,
  type StepRule,
} from '../domain/workflow'
import { assignmentSolver } from '../matching/highs-solver'
import { clientFacts, dwellingFacts } from '../services/matching-facts'
import { firstOffers, quarterOutcomes, waits } from './measure'
import type { Next, World } from './world'
import type { Candidate, Client, Dwelling, MemoryBase, Offer, Round, State } from './memory-state'
import { PlacementHistory, keptUntil } from './memory-history'

/**
 * The fast world: the waiting list, the dwellings, the rounds and the offers as plain objects, and
 * every decision made by the app's own domain code — eligibility, ranking, the quarter batch with
 * its exact assignment (assignment.ts), spreading and the complex stop, instroom steering, the
 * offer and workflow rules. It does what the services do step by step (shortlists-service,
 * offers-service, workflow-steps, matching-facts), without SQL: the database is read once per job
 * (`loadBase`), and the run's outcome is counted from its state by the same definitions that count
 * a database's (measure.ts).
 * tests/integration/simulation-worlds.test.ts holds it to the services' outcomes.
 */

const DAY = 86_400_000
const OPEN_ROUND = new Set(['concept', 'voorgedragen'])
const UNDER_WAY = new Set<string>(DWELLING_UNDER_WAY)

/** Refuses a step the workflow rules do not allow now (the services answer it as a conflict). */
function allow<K extends string, S>(rules: readonly StepRule<K, S>[], key: K, state: S): void {
  const why = refusal(rules, key, state)
  if (why) throw new Error(why)
}

/** A world for one run, on its own clone of the base. `now` is the run's clock. */
export function memoryWorld(base: MemoryBase, now: () => Date): World {
  const s: State = structuredClone(base.state)
  const today = () => localIsoDate(now())
  const year = () => base.years[now().getFullYear()]!

  const client = (id: number) => s.clients.get(id)!
  const dwelling = (id: number) => s.dwellings.get(id)!

  // Indexes the steps look things up by, kept as the statuses change (the database's indexes).
  const waiting = new Set<Client>()
  /**
   * Per target group, its waiting clients and the sum of their registration days (days since
   * 1970): their whole days of waiting on a day are then count × day − sum, the same whole number
   * ranking's groupTotals sums client by client over the waiting list.
   */
  const groups = new Map<TargetGroup, { waiting: number; registered: number }>()
  const countWaiting = (c: Client, sign: 1 | -1) => {
    const g = groups.get(c.facts.targetGroup) ?? { waiting: 0, registered: 0 }
    g.waiting += sign
    g.registered += sign * Math.round(Date.parse(c.facts.registeredOn) / DAY)
    groups.set(c.facts.targetGroup, g)
  }
  /** The waiting clients' facts by id, kept in order as they enter and leave. */
  const byId: ClientFacts[] = []
  const placeOf = (id: number) => {
    let lo = 0
    let hi = byId.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (byId[mid]!.id < id) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const enterWaiting = (c: Client) => {
    if (waiting.has(c)) return
    waiting.add(c)
    countWaiting(c, 1)
    byId.splice(placeOf(c.facts.id), 0, c.facts)
  }
  const leaveWaiting = (c: Client) => {
    if (!waiting.delete(c)) return
    countWaiting(c, -1)
    byId.splice(placeOf(c.facts.id), 1)
  }
  for (const c of s.clients.values()) if (c.facts.status === 'wachtend') enterWaiting(c)
  /** spreading complexKey per dwelling (its complex and address never change). */
  const complexKeys = new Map<Dwelling, string>()
  const complexOf = (d: Dwelling) => {
    let key = complexKeys.get(d)
    if (key === undefined) complexKeys.set(d, (key = complexKey(d)))
    return key
  }
  const underWay = new Set<Dwelling>()
  const ofQuarter = new Map<string, Dwelling[]>()
  const fileDwelling = (d: Dwelling) => {
    if (UNDER_WAY.has(d.status)) underWay.add(d)
    const list = ofQuarter.get(d.quarterKey)
    if (list) list.push(d)
    else ofQuarter.set(d.quarterKey, [d])
  }
  for (const d of s.dwellings.values()) fileDwelling(d)
  const roundsOf = new Map<number, Round[]>()
  const openRounds = new Set<Round>()
  /**
   * Per client, on how many open rounds it stands open (matching-facts' open shortlists count),
   * kept as candidates are added and decided and rounds open and close.
   */
  const openOn = new Map<number, number>()
  const countOpen = (clientId: number, sign: 1 | -1) => {
    const n = (openOn.get(clientId) ?? 0) + sign
    if (n === 0) openOn.delete(clientId)
    else openOn.set(clientId, n)
  }
  const countRound = (r: Round, sign: 1 | -1) => {
    for (const c of r.candidates) if (c.decision === 'open') countOpen(c.clientId, sign)
  }
  const fileRound = (r: Round) => {
    const list = roundsOf.get(r.dwellingId)
    if (list) list.push(r)
    else roundsOf.set(r.dwellingId, [r])
    if (OPEN_ROUND.has(r.status)) {
      openRounds.add(r)
      countRound(r, 1)
    }
  }
  for (const r of s.rounds.values()) fileRound(r)
  const openOffers = new Map<number, Offer>()
  for (const o of s.offers.values()) if (o.outcome === 'open') openOffers.set(o.dwellingId, o)

  const setClientStatus = (ids: number[], status: ClientStatus) => {
    for (const id of ids) {
      const c = client(id)
      c.facts.status = status
      c.statusSince = today()
      if (status === 'wachtend') enterWaiting(c)
      else leaveWaiting(c)
    }
  }
  const setDwellingStatus = (id: number, status: DwellingStatus) => {
    const d = dwelling(id)
    d.status = status
    d.statusSince = today()
    if (UNDER_WAY.has(status)) underWay.add(d)
    else underWay.delete(d)
  }
  const setRoundStatus = (round: Round, status: Round['status']) => {
    const was = OPEN_ROUND.has(round.status)
    round.status = status
    if (OPEN_ROUND.has(status)) openRounds.add(round)
    else openRounds.delete(round)
    if (was !== OPEN_ROUND.has(status)) countRound(round, was ? -1 : 1)
  }
  /** A candidate's decision ('open' only when added). */
  const decideCandidate = (round: Round, candidate: Candidate, decision: Candidate['decision']) => {
    if (candidate.decision === 'open' && decision !== 'open' && OPEN_ROUND.has(round.status))
      countOpen(candidate.clientId, -1)
    candidate.decision = decision
  }
  const openCandidates = (round: Round) =>
    round.candidates.filter((c) => c.decision === 'open').sort((a, b) => a.position - b.position)
  /** Where these clients still stand open on an open round (repositories/shortlists openCandidacies). */
  const openCandidacies = (clientIds: ReadonlySet<number>) => {
    const found: { candidate: Candidate; round: Round }[] = []
    for (const round of openRounds)
      for (const candidate of round.candidates)
        if (candidate.decision === 'open' && clientIds.has(candidate.clientId))
          found.push({ candidate, round })
    return found.sort((a, b) => a.candidate.id - b.candidate.id)
  }

  /** The waiting list as matching reads it: waiting clients by id, with their open lists counted. */
  function waitingList(): readonly ClientFacts[] {
    for (const facts of byId) facts.openShortlists = openOn.get(facts.id) ?? 0
    return byId
  }

  const since = (years: number) => localIsoDate(subYears(now(), years))

  /**
   * matching-facts rankingHistory: spreading-service spreadingState (norms, loads and complex
   * counts), the providers' standing and the groups' recent share, from the placements. It changes
   * only with a placement or another day, so it is kept until then (as the services keep it).
   */
  let kept: { key: string; history: ReturnType<typeof readHistory> } | undefined
  function history() {
    const key = `${today()}:${s.placements.length}`
    if (kept?.key !== key) kept = { key, history: readHistory() }
    return kept.history
  }
  /** The placements counted per window, kept up to date as they come and the day moves on. */
  const placed = new PlacementHistory()
  const byWijk = placed.window((p) => p.wijk)
  const byComplex = placed.window((p) => p.complex)
  const byProvider = placed.window((p) => p.careProviderId)
  const byGroup = placed.window((p) => p.targetGroup)
  const keptLoad = keptUntil<Map<Wijk, number>>()
  const keptComplexes = keptUntil<Map<string, number>>()
  const keptProviders = keptUntil<Map<number, ProviderStanding>>()
  const keptShares = keptUntil<Map<TargetGroup, number>>()
  function readHistory() {
    const day = now()
    const settings = year().spreading
    const stop: ComplexStop = {
      placements: settings.complexStopPlacements,
      years: settings.complexStopYears,
    }
    const historyFrom = since(settings.historyYears)
    const stopFrom = since(stop.years)
    const thisYear = `${day.getFullYear()}-01-01`
    const lastYear = since(1)
    placed.update(s.placements)
    placed.moveTo(byWijk, historyFrom)
    placed.moveTo(byComplex, stopFrom)
    placed.moveTo(byProvider, thisYear)
    placed.moveTo(byGroup, lastYear)
    // Each part worked out again only when what it is made of changed.
    const wijkLoad = keptLoad(
      `${byWijk.version}:${settings.concentrationWeight}:${settings.historyWeight}`,
      () =>
        wijkLoads(
          wijkNorms(base.wijkFigures, byWijk.counts, {
            concentration: settings.concentrationWeight,
            history: settings.historyWeight,
          }),
        ),
    )
    const complexPlacements = keptComplexes(`${byComplex.version}`, () => new Map(byComplex.counts))
    const target = base.targets[day.getFullYear()]?.target ?? 0
    const providers = keptProviders(`${today()}:${byProvider.version}:${target}`, () => {
      const standings = new Map<number, ProviderStanding>()
      for (const p of base.providers)
        standings.set(p.id, providerStanding(p, target, day, byProvider.counts.get(p.id) ?? 0))
      return standings
    })
    const recentShares = keptShares(`${byGroup.version}`, () => {
      const total = byGroup.total
      return new Map([...byGroup.counts].map(([g, n]) => [g, n / total]))
    })
    return { stop, wijkLoad, complexPlacements, providers, recentShares }
  }

  /** matching-facts eligibilityContext with spreading-service complexStopContext. */
  function eligibility(
    dwellingIds: number[],
    spread: ReturnType<typeof history>,
  ): EligibilityContext {
    const inBatch = new Set(dwellingIds)
    const earlierPairs = new Set<string>()
    for (const id of dwellingIds)
      for (const round of roundsOf.get(id) ?? [])
        for (const c of round.candidates) earlierPairs.add(pairKey(id, c.clientId))
    const pending = new Map<string, number>()
    for (const d of underWay)
      if (!inBatch.has(d.facts.id)) {
        const key = complexOf(d)
        pending.set(key, (pending.get(key) ?? 0) + 1)
      }
    const batch = dwellingIds.map(dwelling)
    const { youngMaxRent, maxOpenShortlists } = year()
    return {
      year: now().getFullYear(),
      youngMaxRent,
      maxOpenShortlists,
      earlierPairs,
      complexStop: {
        limit: spread.stop,
        stopped: stoppedDwellings(
          batch.map((d) => ({ id: d.facts.id, complex: d.facts.complex })),
          spread.complexPlacements,
          pending,
          spread.stop,
        ),
        overridden: new Set(
          batch.filter((d) => d.complexStopOverride !== null).map((d) => d.facts.id),
        ),
      },
    }
  }

  /** ranking groupTotals over the waiting list, from the totals kept per group. */
  function groupTotals(): Map<TargetGroup, GroupTotal> {
    const day = utcMidnight(now()) / DAY
    const totals = new Map<TargetGroup, GroupTotal>()
    for (const [group, g] of groups)
      if (g.waiting > 0)
        totals.set(group, { waiting: g.waiting, days: g.waiting * day - g.registered })
    return totals
  }

  /** matching-facts rankingContext: the history with the groups' standing on the waiting list. */
  function ranking(h: ReturnType<typeof history>): RankingContext {
    return {
      today: now(),
      weights: DEFAULT_WEIGHTS,
      balanceDays: year().maxBalanceDays,
      providers: h.providers,
      groups: groupStandings(groupTotals(), h.recentShares),
      wijkLoad: h.wijkLoad,
      complexPlacements: h.complexPlacements,
      complexStop: h.stop.placements,
    }
  }

  /** workflow-steps makeRounds: one batch for these dwellings; concept rounds where anyone fits. */
  function makeRounds(dwellingIds: number[]) {
    const waiting = waitingList()
    const spread = history()
    const proposals = buildShortlists(
      dwellingIds.map((id) => dwelling(id).facts),
      waiting,
      eligibility(dwellingIds, spread),
      ranking(spread),
      year().shortlistSize,
      assignmentSolver(),
      // Nobody reads a run's explanations; the lists and totals are the same without them.
      { explain: false },
    )
    for (const p of proposals) dwelling(p.dwellingId).shortNote = p.note === 'full' ? null : p.note
    const made = proposals.filter((p) => p.candidates.length > 0)
    // Ids as the services' multi-row inserts give them: every round first, then every candidate.
    const rounds = made.map((p) => {
      let last = 0
      for (const r of roundsOf.get(p.dwellingId) ?? []) last = Math.max(last, r.round)
      const round: Round = {
        id: s.next.rounds++,
        dwellingId: p.dwellingId,
        round: last + 1,
        status: 'concept',
        eligiblePoolSize: p.eligiblePool,
        presentedAt: null,
        decidedAt: null,
        rejectionMotivation: null,
        candidates: [],
      }
      s.rounds.set(round.id, round)
      fileRound(round)
      setDwellingStatus(p.dwellingId, 'in-voordracht')
      return round
    })
    made.forEach((p, i) =>
      p.candidates.forEach((c, index) => {
        countOpen(c.clientId, 1)
        rounds[i]!.candidates.push({
          id: s.next.candidates++,
          clientId: c.clientId,
          position: index + 1,
          decision: 'open',
          decisionReason: null,
          decisionText: null,
          score: c.score.total,
          scoreParts: JSON.stringify(c.score.parts),
          decidedByBalance: c.decidedByBalance,
        })
      }),
    )
  }

  /**
   * The year's allocations and how many went to instroom (planning's count by quarter key), counted
   * on from where the last count stopped: the placements only grow.
   */
  const yearCounts = new Map<
    number,
    { seen: number; allocated: number; instroomAllocated: number }
  >()
  function allocatedIn(year: number) {
    let counts = yearCounts.get(year)
    if (!counts) yearCounts.set(year, (counts = { seen: 0, allocated: 0, instroomAllocated: 0 }))
    const [first, last] = [`${year}-Q1`, `${year}-Q4`]
    for (; counts.seen < s.placements.length; counts.seen++) {
      const p = s.placements[counts.seen]!
      if (p.quarterKey >= first && p.quarterKey <= last) {
        counts.allocated += 1
        if (p.flow === 'instroom') counts.instroomAllocated += 1
      }
    }
    return counts
  }

  /** instroom-reserve reserveForInstroom with instroom-steering instroomSteering. */
  function reserveForInstroom(key: QuarterKey, dwellingIds: number[]) {
    const { year: y } = parseQuarter(key)
    const target = base.targets[y]
    if (!target) return
    const { allocated, instroomAllocated } = allocatedIn(y)
    const open = { dwellings: 0, flipPossible: 0 }
    for (const d of ofQuarter.get(key) ?? [])
      if (d.status === 'ingediend' || d.status === 'in-voordracht') {
        open.dwellings += 1
        if (d.facts.flipPossible) open.flipPossible += 1
      }
    const steer = steerInstroom({ ...target, allocated, instroomAllocated }, open)
    const facts = dwellingIds.map((id) => dwelling(id).facts).filter((d) => d.flipPossible)
    const instroom = waitingList().filter((c) => c.flow === 'instroom' && c.openShortlists < 1)
    let screen: EligibilityScreen | undefined
    const { chosen } = chooseInstroomReserve(facts, steer.reserve, (d) => {
      screen ??= eligibilityScreen(
        instroom,
        eligibility(
          facts.map((f) => f.id),
          history(),
        ),
      )
      return screen.eligible(d).map((i) => instroom[i]!.id)
    })
    for (const id of chosen) dwelling(id).facts.reservedForInstroom = true
  }

  /** shortlists-service closeRound: the round is off, the dwelling goes round again. */
  function closeRound(round: Round, motivation: string | null) {
    setRoundStatus(round, 'afgewezen')
    round.decidedAt = now().toISOString()
    round.rejectionMotivation = motivation
    setDwellingStatus(round.dwellingId, 'ingediend')
    makeRounds([round.dwellingId])
  }

  /** offers-service releaseFromShortlists: off every open round, which carries on without them. */
  function releaseFromShortlists(clientId: number, why: string) {
    for (const { candidate, round } of openCandidacies(new Set([clientId]))) {
      decideCandidate(round, candidate, 'geen-match')
      candidate.decisionReason = 'ingetrokken'
      candidate.decisionText = why
      if (openCandidates(round).length === 0) closeRound(round, null)
    }
  }

  /** offers-service reopenForCorporation: the free reserves go back to the corporation. */
  function reopenForCorporation(round: Round): number {
    const reserves = openCandidates(round)
    const elsewhere = new Set(
      openCandidacies(new Set(reserves.map((r) => r.clientId))).map((c) => c.candidate.clientId),
    )
    const free = reserves.filter(
      (r) => client(r.clientId).facts.status === 'wachtend' && !elsewhere.has(r.clientId),
    )
    for (const gone of reserves.filter((r) => !free.includes(r))) {
      const why = elsewhere.has(gone.clientId)
        ? 'staat inmiddels op een andere voordracht'
        : CLIENT_STATUS.label(client(gone.clientId).facts.status).toLowerCase()
      decideCandidate(round, gone, 'geen-match')
      gone.decisionReason = 'ingetrokken'
      gone.decisionText = `Niet meer beschikbaar (${why})`
    }
    if (free.length === 0) return 0
    setRoundStatus(round, 'voorgedragen')
    round.decidedAt = null
    setClientStatus(
      free.map((r) => r.clientId),
      'voorgedragen',
    )
    setDwellingStatus(round.dwellingId, 'in-voordracht')
    return free.length
  }

  /** What the dwelling waits for now, as its matching view shows it. */
  function next(dwellingId: number): Next {
    const offer = openOffers.get(dwellingId)
    if (offer) return { offer: { id: offer.id, offeredOn: offer.offeredOn } }
    const rounds = roundsOf.get(dwellingId) ?? []
    const concept = rounds.find((r) => r.status === 'concept')
    if (concept) return { concept: concept.id }
    const presented = rounds.find((r) => r.status === 'voorgedragen')
    return presented ? { presented: { id: presented.id, dwellingId } } : {}
  }

  return {
    planQuarter: (key) => base.quotas[key] ?? [],
    submittedCount: (key, corporationId) => {
      let n = 0
      for (const d of ofQuarter.get(key) ?? []) if (d.facts.corporationId === corporationId) n += 1
      return n
    },
    submittedWaiting: (key) =>
      (ofQuarter.get(key) ?? []).filter((d) => d.status === 'ingediend').map((d) => d.submittedOn),
    concepts: (key) =>
      [...openRounds]
        .filter(
          (r) =>
            r.status === 'concept' &&
            (key === undefined || dwelling(r.dwellingId).quarterKey === key),
        )
        .map((r) => r.id)
        .sort((a, b) => a - b),
    shortlistStatus: (id) => s.rounds.get(id)?.status,
    openCandidates: (id) => openCandidates(s.rounds.get(id)!).map((c) => c.clientId),
    offer: (id) => {
      const o = s.offers.get(id)
      return (
        o && {
          outcome: o.outcome,
          offeredOn: o.offeredOn,
          availableFrom: dwelling(o.dwellingId).availableFrom,
        }
      )
    },
    dwelling: (id) => {
      const d = dwelling(id)
      return {
        address: d.address,
        complex: d.complex,
        type: d.facts.type,
        floor: d.facts.floor,
        hasLift: d.facts.hasLift,
      }
    },
    presentedRounds: () =>
      [...openRounds]
        .filter((r) => r.status === 'voorgedragen')
        .sort((a, b) => a.id - b.id)
        .map((r) => ({ id: r.id, dwellingId: r.dwellingId })),
    openOffers: () =>
      [...openOffers.values()]
        .sort((a, b) => a.id - b.id)
        .map((o) => ({ id: o.id, offeredOn: o.offeredOn })),
    quartersWithLeftovers: (key) =>
      [
        ...new Set(
          [...s.dwellings.values()]
            .filter((d) => d.status === 'ingediend' && d.quarterKey < key)
            .map((d) => d.quarterKey),
        ),
      ].sort(),

    register: (template) => {
      const id = s.next.clients++
      const row = {
        ...template,
        id,
        status: 'wachtend' as const,
        statusSince: template.registeredOn,
      }
      const registered = {
        facts: clientFacts(row, 0),
        statusSince: row.statusSince,
        supportProviderId: row.supportProviderId,
        row,
      }
      s.clients.set(id, registered)
      enterWaiting(registered)
    },
    submit: (template) => {
      const id = s.next.dwellings++
      const row = {
        ...template,
        id,
        status: 'ingediend' as const,
        statusSince: template.submittedOn,
      }
      const submitted: Dwelling = {
        facts: dwellingFacts(row),
        status: row.status,
        statusSince: row.statusSince,
        quarterKey: row.quarterKey,
        submittedOn: row.submittedOn,
        availableFrom: row.availableFrom,
        address: row.address,
        complex: row.complex,
        complexStopOverride: row.complexStopOverride,
        shortNote: row.shortNote,
        row,
      }
      s.dwellings.set(id, submitted)
      fileDwelling(submitted)
    },
    generate: (key) => {
      const open = (ofQuarter.get(key) ?? [])
        .filter((d) => d.status === 'ingediend')
        .map((d) => d.facts.id)
      reserveForInstroom(key, open)
      makeRounds(open)
    },
    present: (shortlistId) => {
      const round = s.rounds.get(shortlistId)!
      allow(ROUND_RULES, 'present', round)
      const candidates = openCandidates(round)
      const unavailable = candidates.filter((c) => {
        const status = client(c.clientId).facts.status
        return status !== 'wachtend' && status !== 'voorgedragen'
      })
      if (unavailable.length > 0) throw new Error(`Niet beschikbaar op ronde ${round.id}`)
      setRoundStatus(round, 'voorgedragen')
      round.presentedAt = now().toISOString()
      setClientStatus(
        candidates.map((c) => c.clientId),
        'voorgedragen',
      )
      return round.dwellingId
    },
    withdrawDwelling: (dwellingId) => {
      const d = dwelling(dwellingId)
      allow(DWELLING_RULES, 'withdraw', d)
      const open = (roundsOf.get(dwellingId) ?? []).filter((r) => OPEN_ROUND.has(r.status))
      const freed = open.flatMap((r) => openCandidates(r).map((c) => c.clientId))
      for (const r of open) {
        setRoundStatus(r, 'vervallen')
        r.decidedAt = now().toISOString()
      }
      setClientStatus(
        freed.filter((id) => client(id).facts.status === 'voorgedragen'),
        'wachtend',
      )
      setDwellingStatus(dwellingId, 'ingetrokken')
    },
    rejectAll: (shortlistId, rejection, motivation) => {
      const round = s.rounds.get(shortlistId)!
      allow(ROUND_RULES, 'rejectAll', round)
      const open = openCandidates(round)
      for (const c of open) {
        decideCandidate(round, c, 'geen-match')
        c.decisionReason = rejection.reason
        c.decisionText = rejection.text
      }
      setClientStatus(
        open.map((c) => c.clientId),
        'wachtend',
      )
      closeRound(round, motivation)
      return next(round.dwellingId)
    },
    choose: (shortlistId, clientId) => {
      const round = s.rounds.get(shortlistId)!
      allow(ROUND_RULES, 'choose', round)
      const candidates = openCandidates(round)
      const chosen = candidates.find((c) => c.clientId === clientId)
      if (!chosen || client(clientId).facts.status !== 'voorgedragen') return null
      const offeredOn = today()
      const presentedOn = localIsoDate(new Date(round.presentedAt ?? now()))
      const problem = offerDateProblem(offeredOn, presentedOn, today())
      if (problem) throw new Error(problem)
      decideCandidate(round, chosen, 'gekozen')
      setRoundStatus(round, 'gekozen')
      round.decidedAt = now().toISOString()
      const offer: Offer = {
        id: s.next.offers++,
        candidateId: chosen.id,
        shortlistId,
        dwellingId: round.dwellingId,
        clientId,
        offeredOn,
        outcome: 'open',
        respondedOn: null,
        declineReason: null,
      }
      s.offers.set(offer.id, offer)
      openOffers.set(offer.dwellingId, offer)
      setClientStatus(
        candidates.filter((c) => c !== chosen).map((c) => c.clientId),
        'wachtend',
      )
      setClientStatus([clientId], 'aanbieding')
      setDwellingStatus(round.dwellingId, 'aangeboden')
      return next(round.dwellingId)
    },
    declineOffer: (offerId, decline) => {
      const offer = s.offers.get(offerId)!
      allow(OFFER_RULES, 'decline', offer)
      const respondedOn = today()
      const problem = responseDateProblem(respondedOn, offer.offeredOn, today())
      if (problem) throw new Error(problem)
      offer.outcome = 'geweigerd'
      openOffers.delete(offer.dwellingId)
      offer.respondedOn = respondedOn
      offer.declineReason = decline.text ? `${decline.reason}: ${decline.text}` : decline.reason
      const who = client(offer.clientId)
      const status = statusAfterDecline(who.facts.flow, decline.reason)
      setClientStatus([who.facts.id], status)
      if (status === 'aanbieding-benut')
        releaseFromShortlists(who.facts.id, CLIENT_STATUS.label(status))
      if (reopenForCorporation(s.rounds.get(offer.shortlistId)!) === 0) {
        // No reserve left: the round stays "gekozen" and the dwelling goes round again.
        setDwellingStatus(offer.dwellingId, 'ingediend')
        makeRounds([offer.dwellingId])
      }
      return next(offer.dwellingId)
    },
    acceptOffer: (offerId, startsOn) => {
      const offer = s.offers.get(offerId)!
      allow(OFFER_RULES, 'accept', offer)
      const respondedOn = today()
      const problem =
        responseDateProblem(respondedOn, offer.offeredOn, today()) ??
        leaseStartProblem(startsOn, offer.offeredOn)
      if (problem) throw new Error(problem)
      const who = client(offer.clientId)
      const d = dwelling(offer.dwellingId)
      const contractKind = defaultContract(who.facts.flow, d.facts.flipPossible)
      const contract = contractProblem(contractKind, d.facts.flipPossible)
      if (contract) throw new Error(contract)
      offer.outcome = 'geaccepteerd'
      openOffers.delete(offer.dwellingId)
      offer.respondedOn = respondedOn
      s.placements.push({
        offerId,
        dwellingId: offer.dwellingId,
        clientId: who.facts.id,
        contractKind,
        startsOn,
        supportProviderId: who.supportProviderId ?? who.facts.careProviderId,
        wijk: d.facts.wijk,
        complex: complexOf(d),
        quarterKey: d.quarterKey,
        careProviderId: who.facts.careProviderId,
        targetGroup: who.facts.targetGroup,
        flow: who.facts.flow,
      })
      setDwellingStatus(offer.dwellingId, 'verhuurd')
      // Housed: off every other open shortlist, whose rounds then carry on without them.
      releaseFromShortlists(who.facts.id, 'Elders gehuisvest')
      setClientStatus([who.facts.id], 'gehuisvest')
    },
    measure: async (keys) => {
      const { waitingOutside, firstOffersOutside, offersBefore } = base.measure
      const registeredOn = (id: number) => s.clients.get(id)!.facts.registeredOn
      return quarterOutcomes(
        {
          waitingListOn: (day) => {
            let n = waitingOutside[day]!
            for (const c of s.clients.values())
              if (
                waits(
                  {
                    registeredOn: c.facts.registeredOn,
                    status: c.facts.status,
                    statusSince: c.statusSince,
                  },
                  day,
                )
              )
                n++
            return n
          },
          firstOffers: [
            ...firstOffersOutside,
            ...firstOffers([...offersBefore, ...s.offers.values()], registeredOn),
          ],
          allocations: s.placements,
          providers: new Map(base.providers.map((p) => [p.id, p.name])),
        },
        keys,
      )
    },
  }
}

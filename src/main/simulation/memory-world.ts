import { subYears } from 'date-fns'
import type { SpreadingSettings } from '../../shared/api/spreading'
import { localIsoDate } from '../../shared/domain/dates'
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
import type Database from 'better-sqlite3'
import { getTableColumns, getTableName, type Column } from 'drizzle-orm'
import type { Store } from '../db/connection'
import { clients, dwellings } from '../db/schema'
import { isEligible, type EligibilityContext } from '../domain/eligibility'
import { pairKey, type ClientFacts, type DwellingFacts } from '../domain/facts'
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
  type WijkFigures,
} from '../domain/spreading'
import {
  DWELLING_RULES,
  OFFER_RULES,
  ROUND_RULES,
  refusal,
  type StepRule,
} from '../domain/workflow'
import { assignmentSolver } from '../matching/highs-solver'
import type { ServiceContext } from '../services/context'
import {
  clientFacts,
  dwellingFacts,
  loadClientFacts,
  loadDwellingFacts,
} from '../services/matching-facts'
import { getSettings, planQuarter, quarterOverview } from '../services/planning-service'
import { loadWijkFigures, spreadingSettings } from '../services/spreading-service'
import { memoryStore, snapshot } from './copy'
import { measureQuarter } from './measure'
import type { Next, World } from './world'

/**
 * The fast world: the waiting list, the dwellings, the rounds and the offers as plain objects, and
 * every decision made by the app's own domain code — eligibility, ranking, the quarter batch with
 * its exact assignment (HiGHS), spreading and the complex stop, instroom steering, the offer and
 * workflow rules. It does what the services do step by step (shortlists-service, offers-service,
 * workflow-steps, matching-facts), without SQL: the database is read once per job (`loadBase`) and
 * written once per run, at the end, so the report's own definitions measure it (measure.ts).
 * tests/integration/simulation-worlds.test.ts holds it to the services' outcomes.
 */

interface Client {
  facts: ClientFacts
  statusSince: string
  supportProviderId: number | null
  /** The whole row, for a client registered in the run (written to the copy at the end). */
  row?: Record<string, unknown>
}

interface Dwelling {
  facts: DwellingFacts
  status: DwellingStatus
  statusSince: string
  quarterKey: string
  submittedOn: string
  availableFrom: string
  address: string
  complex: string | null
  complexStopOverride: string | null
  shortNote: 'too-few-eligible' | 'needed-elsewhere' | null
  row?: Record<string, unknown>
}

interface Candidate {
  id: number
  clientId: number
  position: number
  decision: 'open' | 'gekozen' | 'geen-match'
  decisionReason: string | null
  decisionText: string | null
  score: number
  scoreParts: string
  decidedByBalance: boolean
}

interface Round {
  id: number
  dwellingId: number
  round: number
  status: 'concept' | 'voorgedragen' | 'gekozen' | 'afgewezen' | 'vervallen'
  eligiblePoolSize: number
  presentedAt: string | null
  decidedAt: string | null
  rejectionMotivation: string | null
  candidates: Candidate[]
}

interface Offer {
  id: number
  candidateId: number
  shortlistId: number
  dwellingId: number
  clientId: number
  offeredOn: string
  outcome: 'open' | 'geaccepteerd' | 'geweigerd'
  respondedOn: string | null
  declineReason: string | null
}

/** An allocation as spreading, the providers' standing and the steering count it. */
interface Placement {
  offerId: number
  dwellingId: number
  clientId: number
  contractKind: string
  startsOn: string
  supportProviderId: number | null
  wijk: Wijk
  complex: string
  quarterKey: string
  careProviderId: number
  targetGroup: TargetGroup
  flow: string
}

interface YearValues {
  shortlistSize: number
  maxOpenShortlists: number
  youngMaxRent: number
  maxBalanceDays: number
  spreading: SpreadingSettings
}

interface YearTarget {
  target: number
  catchUpTarget: number
  instroomShareTarget: number
}

interface State {
  clients: Map<number, Client>
  dwellings: Map<number, Dwelling>
  rounds: Map<number, Round>
  offers: Map<number, Offer>
  placements: Placement[]
  next: { clients: number; dwellings: number; rounds: number; candidates: number; offers: number }
}

/** What every run of a scenario starts from: read once per job, cloned per run. */
export interface MemoryBase {
  /** The copy with the scenario applied and the quarters planned: measured into at the end. */
  image: Buffer
  years: Record<number, YearValues>
  targets: Record<number, YearTarget>
  providers: {
    id: number
    name: string
    contingentDwellings: number | null
    contingentShare: number | null
  }[]
  wijkFigures: WijkFigures[]
  quotas: Record<string, { corporationId: number; quota: number }[]>
  state: State
}

const OPEN_ROUND = new Set(['concept', 'voorgedragen'])
const UNDER_WAY = new Set<string>(DWELLING_UNDER_WAY)

/**
 * Reads the starting state from a copy on which the scenario is applied (run.ts applyScenario):
 * the same loaders the services use, once. The quarters of the horizon are planned here, as the
 * services world plans them when they open (with no shortfall carried, the plan does not depend on
 * what happens in between).
 */
export function loadBase(ctx: ServiceContext, keys: QuarterKey[]): MemoryBase {
  const { db, sqlite } = ctx.store
  const quotas: MemoryBase['quotas'] = {}
  keys.forEach((key, i) => {
    const planned =
      i === 0 &&
      (sqlite
        .prepare('SELECT count(*) FROM quarter_quotas WHERE quarter_key = ?')
        .pluck()
        .get(key) as number) > 0
    quotas[key] = (planned ? quarterOverview(ctx, key) : planQuarter(ctx, key, false)).lines.map(
      (l) => ({ corporationId: l.corporationId, quota: l.quota }),
    )
  })
  const years: MemoryBase['years'] = {}
  for (const year of new Set(keys.map((k) => parseQuarter(k).year))) {
    const values = getSettings(ctx, year).values
    years[year] = {
      shortlistSize: values.shortlistSize,
      maxOpenShortlists: values.maxOpenShortlists,
      youngMaxRent: values.youngMaxRent,
      maxBalanceDays: values.maxBalanceDays,
      spreading: spreadingSettings(db, year),
    }
  }
  const rows = <T>(sql: string) => sqlite.prepare(sql).all() as T[]
  const targets = Object.fromEntries(
    rows<YearTarget & { year: number }>(
      'SELECT year, target, catch_up_target AS catchUpTarget, instroom_share_target AS instroomShareTarget FROM year_targets',
    ).map(({ year, ...t }) => [year, t]),
  )

  const state: State = {
    clients: new Map(),
    dwellings: new Map(),
    rounds: new Map(),
    offers: new Map(),
    placements: [],
    next: {
      clients: sequence(ctx.store, 'clients'),
      dwellings: sequence(ctx.store, 'dwellings'),
      rounds: sequence(ctx.store, 'shortlists'),
      candidates: sequence(ctx.store, 'shortlist_candidates'),
      offers: sequence(ctx.store, 'offers'),
    },
  }
  const clientExtra = new Map(
    rows<{ id: number; statusSince: string; supportProviderId: number | null }>(
      'SELECT id, status_since AS statusSince, support_provider_id AS supportProviderId FROM clients',
    ).map((r) => [r.id, r]),
  )
  for (const facts of loadClientFacts(db, [...clientExtra.keys()], new Map())) {
    const extra = clientExtra.get(facts.id)!
    state.clients.set(facts.id, {
      facts,
      statusSince: extra.statusSince,
      supportProviderId: extra.supportProviderId,
    })
  }
  const dwellingExtra = rows<Omit<Dwelling, 'facts'> & { id: number }>(
    `SELECT id, status, status_since AS statusSince, quarter_key AS quarterKey,
     submitted_on AS submittedOn, available_from AS availableFrom, address, complex,
     complex_stop_override AS complexStopOverride, short_note AS shortNote FROM dwellings ORDER BY id`,
  )
  const facts = new Map(
    loadDwellingFacts(
      db,
      dwellingExtra.map((d) => d.id),
    ).map((f) => [f.id, f]),
  )
  for (const { id, ...extra } of dwellingExtra)
    state.dwellings.set(id, { facts: facts.get(id)!, ...extra })

  // Rounds of dwellings that can still get one: those decided for good never change again.
  const live = `(SELECT id FROM dwellings WHERE status IN ('ingediend', 'in-voordracht', 'aangeboden'))`
  for (const r of rows<Omit<Round, 'candidates'>>(
    `SELECT id, dwelling_id AS dwellingId, round, status, eligible_pool_size AS eligiblePoolSize,
     presented_at AS presentedAt, decided_at AS decidedAt, rejection_motivation AS rejectionMotivation
     FROM shortlists WHERE dwelling_id IN ${live} ORDER BY id`,
  ))
    state.rounds.set(r.id, { ...r, candidates: [] })
  for (const c of rows<
    Omit<Candidate, 'decidedByBalance'> & { shortlistId: number; decidedByBalance: number }
  >(
    `SELECT c.id, c.shortlist_id AS shortlistId, c.client_id AS clientId, c.position, c.decision,
     c.decision_reason AS decisionReason, c.decision_text AS decisionText, c.score,
     c.score_parts AS scoreParts, c.decided_by_balance AS decidedByBalance
     FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id
     WHERE s.dwelling_id IN ${live} ORDER BY c.shortlist_id, c.position, c.id`,
  )) {
    const { shortlistId, ...candidate } = c
    state.rounds.get(shortlistId)!.candidates.push({
      ...candidate,
      decidedByBalance: c.decidedByBalance === 1,
    })
  }
  for (const o of rows<Offer>(
    `SELECT o.id, o.candidate_id AS candidateId, c.shortlist_id AS shortlistId,
     o.dwelling_id AS dwellingId, o.client_id AS clientId, o.offered_on AS offeredOn, o.outcome,
     o.responded_on AS respondedOn, o.decline_reason AS declineReason
     FROM offers o JOIN shortlist_candidates c ON c.id = o.candidate_id
     WHERE o.outcome = 'open' ORDER BY o.id`,
  ))
    state.offers.set(o.id, o)
  for (const a of rows<Omit<Placement, 'complex'> & { complex: string | null; address: string }>(
    `SELECT a.offer_id AS offerId, a.dwelling_id AS dwellingId, a.client_id AS clientId,
     a.contract_kind AS contractKind, a.starts_on AS startsOn,
     a.support_provider_id AS supportProviderId, d.wijk, d.complex, d.address,
     d.quarter_key AS quarterKey, c.care_provider_id AS careProviderId,
     c.target_group AS targetGroup, c.flow
     FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id JOIN clients c ON c.id = a.client_id
     ORDER BY a.id`,
  ))
    state.placements.push({ ...a, complex: complexKey(a) })

  return {
    image: snapshot(sqlite),
    years,
    targets,
    providers: rows(
      'SELECT id, name, contingent_dwellings AS contingentDwellings, contingent_share AS contingentShare FROM care_providers ORDER BY id',
    ),
    wijkFigures: loadWijkFigures(db),
    quotas,
    state,
  }
}

/** The next id SQLite would give a row of `table` (AUTOINCREMENT: past every id ever used). */
function sequence({ sqlite }: Store, table: string): number {
  const seq = sqlite.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(table)
  return ((seq as number | undefined) ?? 0) + 1
}

/** Refuses a step the workflow rules do not allow now (the services answer it as a conflict). */
function allow<K extends string, S>(rules: readonly StepRule<K, S>[], key: K, state: S): void {
  const why = refusal(rules, key, state)
  if (why) throw new Error(why)
}

/**
 * A world for one run, on its own clone of the base. `now` is the run's clock; `nativeBinding`
 * opens the copy measured at the end under Electron.
 */
export function memoryWorld(base: MemoryBase, now: () => Date, nativeBinding?: string): World {
  const s: State = structuredClone(base.state)
  const today = () => localIsoDate(now())
  const year = () => base.years[now().getFullYear()]!

  const client = (id: number) => s.clients.get(id)!
  const dwelling = (id: number) => s.dwellings.get(id)!

  // Indexes the steps look things up by, kept as the statuses change (the database's indexes).
  const waiting = new Set<Client>()
  for (const c of s.clients.values()) if (c.facts.status === 'wachtend') waiting.add(c)
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
  const fileRound = (r: Round) => {
    const list = roundsOf.get(r.dwellingId)
    if (list) list.push(r)
    else roundsOf.set(r.dwellingId, [r])
    if (OPEN_ROUND.has(r.status)) openRounds.add(r)
  }
  for (const r of s.rounds.values()) fileRound(r)
  const openOffers = new Map<number, Offer>()
  for (const o of s.offers.values()) if (o.outcome === 'open') openOffers.set(o.dwellingId, o)

  const setClientStatus = (ids: number[], status: ClientStatus) => {
    for (const id of ids) {
      const c = client(id)
      c.facts.status = status
      c.statusSince = today()
      if (status === 'wachtend') waiting.add(c)
      else waiting.delete(c)
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
    round.status = status
    if (OPEN_ROUND.has(status)) openRounds.add(round)
    else openRounds.delete(round)
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
  function waitingList(): ClientFacts[] {
    const open = new Map<number, number>()
    for (const round of openRounds)
      for (const c of round.candidates)
        if (c.decision === 'open') open.set(c.clientId, (open.get(c.clientId) ?? 0) + 1)
    const list: ClientFacts[] = []
    for (const c of waiting) {
      c.facts.openShortlists = open.get(c.facts.id) ?? 0
      list.push(c.facts)
    }
    return list.sort((a, b) => a.id - b.id)
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
    const appPlacements = new Map<Wijk, number>()
    const complexPlacements = new Map<string, number>()
    const allocated = new Map<number, number>()
    const recent = new Map<TargetGroup, number>()
    let recentTotal = 0
    for (const p of s.placements) {
      if (p.startsOn >= historyFrom) appPlacements.set(p.wijk, (appPlacements.get(p.wijk) ?? 0) + 1)
      if (p.startsOn >= stopFrom)
        complexPlacements.set(p.complex, (complexPlacements.get(p.complex) ?? 0) + 1)
      if (p.startsOn >= thisYear)
        allocated.set(p.careProviderId, (allocated.get(p.careProviderId) ?? 0) + 1)
      if (p.startsOn >= lastYear) {
        recent.set(p.targetGroup, (recent.get(p.targetGroup) ?? 0) + 1)
        recentTotal += 1
      }
    }
    const norms = wijkNorms(base.wijkFigures, appPlacements, {
      concentration: settings.concentrationWeight,
      history: settings.historyWeight,
    })
    const providers = new Map<number, ProviderStanding>()
    const target = base.targets[day.getFullYear()]?.target ?? 0
    for (const p of base.providers)
      providers.set(p.id, providerStanding(p, target, day, allocated.get(p.id) ?? 0))
    return {
      stop,
      wijkLoad: wijkLoads(norms),
      complexPlacements,
      providers,
      recentShares: new Map([...recent].map(([g, n]) => [g, n / recentTotal])),
    }
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
      if (!inBatch.has(d.facts.id))
        pending.set(complexKey(d), (pending.get(complexKey(d)) ?? 0) + 1)
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

  /** matching-facts rankingContext: the history with the groups' standing on the waiting list. */
  function ranking(list: ClientFacts[], h: ReturnType<typeof history>): RankingContext {
    return {
      today: now(),
      weights: DEFAULT_WEIGHTS,
      balanceDays: year().maxBalanceDays,
      providers: h.providers,
      groups: groupStandings(now(), list, h.recentShares),
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
      ranking(waiting, spread),
      year().shortlistSize,
      assignmentSolver(),
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
      p.candidates.forEach((c, index) =>
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
        }),
      ),
    )
  }

  /** instroom-reserve reserveForInstroom with instroom-steering instroomSteering. */
  function reserveForInstroom(key: QuarterKey, dwellingIds: number[]) {
    const { year: y } = parseQuarter(key)
    const target = base.targets[y]
    if (!target) return
    let allocated = 0
    let instroomAllocated = 0
    for (const p of s.placements)
      if (p.quarterKey >= `${y}-Q1` && p.quarterKey <= `${y}-Q4`) {
        allocated += 1
        if (p.flow === 'instroom') instroomAllocated += 1
      }
    const open = { dwellings: 0, flipPossible: 0 }
    for (const d of ofQuarter.get(key) ?? [])
      if (d.status === 'ingediend' || d.status === 'in-voordracht') {
        open.dwellings += 1
        if (d.facts.flipPossible) open.flipPossible += 1
      }
    const steer = steerInstroom({ ...target, allocated, instroomAllocated }, open)
    const facts = dwellingIds.map((id) => dwelling(id).facts).filter((d) => d.flipPossible)
    const instroom = waitingList().filter((c) => c.flow === 'instroom' && c.openShortlists < 1)
    let context: EligibilityContext | undefined
    const { chosen } = chooseInstroomReserve(facts, steer.reserve, (d) => {
      context ??= eligibility(
        facts.map((f) => f.id),
        history(),
      )
      return instroom.filter((c) => isEligible(c, d, context!)).map((c) => c.id)
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
      candidate.decision = 'geen-match'
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
      gone.decision = 'geen-match'
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
    for (const r of roundsOf.get(dwellingId) ?? [])
      if (r.status === 'concept') return { concept: r.id }
    return {}
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
      waiting.add(registered)
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
        c.decision = 'geen-match'
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
      chosen.decision = 'gekozen'
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
        complex: complexKey(d),
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
    measure: (keys) => {
      const store = memoryStore(base.image, nativeBinding)
      try {
        writeState(store, base.state, s)
        return keys.map((key) => measureQuarter(store, key))
      } finally {
        store.close()
      }
    },
  }
}

/**
 * Writes what the run changed into the copy, so the report's own queries measure it: new rows
 * (ids past the start's) and the rows whose state moved, with plain prepared statements (drizzle
 * would build the SQL text again for every row).
 */
function writeState({ sqlite }: Store, start: State, end: State): void {
  const statements = new Map<string, Database.Statement>()
  const run = (sql: string, values: unknown[]) => {
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)))
    statement.run(...values)
  }
  /** A whole new row of `table`, its fields turned into column values as drizzle would. */
  const insert = (table: typeof clients | typeof dwellings, row: Record<string, unknown>) => {
    const columns = getTableColumns(table) as Record<string, Column>
    const keys = Object.keys(row).filter((k) => k in columns && row[k] !== undefined)
    run(
      `INSERT INTO ${getTableName(table)} (${keys.map((k) => columns[k]!.name).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
      keys.map((k) => (row[k] === null ? null : columns[k]!.mapToDriverValue(row[k]))),
    )
  }
  const changed = <T>(before: T | undefined, after: T, fields: (keyof T)[]) =>
    !before || fields.some((f) => before[f] !== after[f])
  sqlite.transaction(() => {
    for (const c of end.clients.values()) {
      if (c.row) insert(clients, { ...c.row, status: c.facts.status, statusSince: c.statusSince })
      else if (
        changed(start.clients.get(c.facts.id)!.facts, c.facts, ['status']) ||
        start.clients.get(c.facts.id)!.statusSince !== c.statusSince
      )
        run('UPDATE clients SET status = ?, status_since = ? WHERE id = ?', [
          c.facts.status,
          c.statusSince,
          c.facts.id,
        ])
    }
    for (const [id, d] of end.dwellings) {
      const row = {
        status: d.status,
        statusSince: d.statusSince,
        reservedForInstroom: d.facts.reservedForInstroom ?? false,
        shortNote: d.shortNote,
      }
      if (d.row) insert(dwellings, { ...d.row, ...row })
      else {
        const was = start.dwellings.get(id)!
        if (
          changed(
            { ...was, reservedForInstroom: was.facts.reservedForInstroom ?? false },
            { ...d, ...row },
            ['status', 'statusSince', 'reservedForInstroom', 'shortNote'],
          )
        )
          run(
            'UPDATE dwellings SET status = ?, status_since = ?, reserved_for_instroom = ?, short_note = ? WHERE id = ?',
            [row.status, row.statusSince, row.reservedForInstroom ? 1 : 0, row.shortNote, id],
          )
      }
    }
    for (const r of end.rounds.values()) {
      const was = start.rounds.get(r.id)
      if (!was)
        run(
          `INSERT INTO shortlists (id, dwelling_id, round, status, eligible_pool_size, presented_at, decided_at, rejection_motivation)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            r.id,
            r.dwellingId,
            r.round,
            r.status,
            r.eligiblePoolSize,
            r.presentedAt,
            r.decidedAt,
            r.rejectionMotivation,
          ],
        )
      else if (changed(was, r, ['status', 'presentedAt', 'decidedAt', 'rejectionMotivation']))
        run(
          'UPDATE shortlists SET status = ?, presented_at = ?, decided_at = ?, rejection_motivation = ? WHERE id = ?',
          [r.status, r.presentedAt, r.decidedAt, r.rejectionMotivation, r.id],
        )
      const before = new Map(was?.candidates.map((c) => [c.id, c]))
      for (const c of r.candidates) {
        const old = before.get(c.id)
        if (!old)
          run(
            `INSERT INTO shortlist_candidates (id, shortlist_id, client_id, position, score, score_parts, decision, decision_reason, decision_text, decided_by_balance)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              c.id,
              r.id,
              c.clientId,
              c.position,
              c.score,
              c.scoreParts,
              c.decision,
              c.decisionReason,
              c.decisionText,
              c.decidedByBalance ? 1 : 0,
            ],
          )
        else if (changed(old, c, ['decision', 'decisionReason', 'decisionText']))
          run(
            'UPDATE shortlist_candidates SET decision = ?, decision_reason = ?, decision_text = ? WHERE id = ?',
            [c.decision, c.decisionReason, c.decisionText, c.id],
          )
      }
    }
    for (const o of end.offers.values()) {
      const was = start.offers.get(o.id)
      if (!was)
        run(
          `INSERT INTO offers (id, candidate_id, dwelling_id, client_id, offered_on, outcome, responded_on, decline_reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            o.id,
            o.candidateId,
            o.dwellingId,
            o.clientId,
            o.offeredOn,
            o.outcome,
            o.respondedOn,
            o.declineReason,
          ],
        )
      else if (changed(was, o, ['outcome', 'respondedOn', 'declineReason']))
        run('UPDATE offers SET outcome = ?, responded_on = ?, decline_reason = ? WHERE id = ?', [
          o.outcome,
          o.respondedOn,
          o.declineReason,
          o.id,
        ])
    }
    for (const p of end.placements.slice(start.placements.length))
      run(
        `INSERT INTO allocations (offer_id, dwelling_id, client_id, contract_kind, starts_on, support_provider_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [p.offerId, p.dwellingId, p.clientId, p.contractKind, p.startsOn, p.supportProviderId],
      )
  })()
}

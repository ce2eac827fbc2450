import type { SpreadingSettings } from '../../shared/api/spreading'
import type { QuarterKey } from '../../shared/domain/quarter'
import { parseQuarter } from '../../shared/domain/quarter'
import { type DwellingStatus, type TargetGroup, type Wijk } from '../../shared/domain/vocabulary'
import type { SqliteStore } from '../db/connection'
import { type ClientFacts, type DwellingFacts } from '../domain/facts'
import { complexKey, type WijkFigures } from '../domain/spreading'
import type { ServiceContext } from '../services/context'
import { loadClientFacts, loadDwellingFacts } from '../services/matching-facts'
import { getSettings, planQuarter, quarterOverview } from '../services/planning-service'
import { loadWijkFigures, spreadingSettings } from '../services/spreading-service'
import { resolvePeriod } from '../reports/period'
import { firstOffers, waits, type ListedClient } from './measure'

/**
 * The memory world's state (memory-world.ts): the waiting list, the dwellings, the rounds, the
 * offers and the placements as plain objects, and what the rules read beside them. Read from the
 * database once per job and scenario (`loadBase`), cloned for every run.
 */

export interface Client {
  facts: ClientFacts
  statusSince: string
  supportProviderId: number | null
  /** The whole row, for a client registered in the run (written to the copy at the end). */
  row?: Record<string, unknown>
}

export interface Dwelling {
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

export interface Candidate {
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

export interface Round {
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

export interface Offer {
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
export interface Placement {
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

export interface YearValues {
  shortlistSize: number
  maxOpenShortlists: number
  youngMaxRent: number
  maxBalanceDays: number
  spreading: SpreadingSettings
}

export interface YearTarget {
  target: number
  catchUpTarget: number
  instroomShareTarget: number
}

export interface State {
  clients: Map<number, Client>
  dwellings: Map<number, Dwelling>
  rounds: Map<number, Round>
  offers: Map<number, Offer>
  placements: Placement[]
  next: { clients: number; dwellings: number; rounds: number; candidates: number; offers: number }
}

/**
 * What the outcome of a run counts (measure.ts) beside its state: the clients outside it, whom no
 * run changes, and the offers made before the run.
 */
export interface MeasureBase {
  /** Per quarter's last day: how many clients outside the state waited then. */
  waitingOutside: Record<string, number>
  /** The first offers of clients outside the state. */
  firstOffersOutside: { registeredOn: string; offeredOn: string }[]
  /** Every offer made before the run to a client in the state (their first may be one of them). */
  offersBefore: { clientId: number; offeredOn: string }[]
}

/** What every run of a scenario starts from: read once per job, cloned per run. */
export interface MemoryBase {
  measure: MeasureBase
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

/**
 * Reads the starting state from a copy on which the scenario is applied (run.ts applyScenario):
 * the same loaders the services use, once. The quarters of the horizon are planned here, as the
 * services world plans them when they open (with no shortfall carried, the plan does not depend on
 * what happens in between).
 */
export async function loadBase(
  ctx: ServiceContext<SqliteStore>,
  keys: QuarterKey[],
): Promise<MemoryBase> {
  const { db, sqlite } = ctx.store
  const quotas: MemoryBase['quotas'] = {}
  for (const [i, key] of keys.entries()) {
    const planned =
      i === 0 &&
      (sqlite
        .prepare('SELECT count(*) FROM quarter_quotas WHERE quarter_key = ?')
        .pluck()
        .get(key) as number) > 0
    const overview = planned ? await quarterOverview(ctx, key) : await planQuarter(ctx, key, false)
    quotas[key] = overview.lines.map((l) => ({ corporationId: l.corporationId, quota: l.quota }))
  }
  const years: MemoryBase['years'] = {}
  for (const year of new Set(keys.map((k) => parseQuarter(k).year))) {
    const { values } = await getSettings(ctx, year)
    years[year] = {
      shortlistSize: values.shortlistSize,
      maxOpenShortlists: values.maxOpenShortlists,
      youngMaxRent: values.youngMaxRent,
      maxBalanceDays: values.maxBalanceDays,
      spreading: await spreadingSettings(db, year),
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
  // Only what the run can still change or read: dwellings that can still get a round and those of
  // the quarters it plays; clients who wait, are presented or have an offer, and those on the live
  // rounds. The housed, the withdrawn and the past stay in the copy, where the report reads them.
  const live = `(SELECT id FROM dwellings WHERE status IN ('ingediend', 'in-voordracht', 'aangeboden'))`
  const dwellingExtra = rows<Omit<Dwelling, 'facts'> & { id: number }>(
    `SELECT id, status, status_since AS statusSince, quarter_key AS quarterKey,
     submitted_on AS submittedOn, available_from AS availableFrom, address, complex,
     complex_stop_override AS complexStopOverride, short_note AS shortNote FROM dwellings
     WHERE id IN ${live} OR quarter_key >= '${keys[0]}' ORDER BY id`,
  )
  const dwellingFacts = new Map<number, DwellingFacts>()
  for (const ids of inChunks(dwellingExtra.map((d) => d.id)))
    for (const f of await loadDwellingFacts(db, ids)) dwellingFacts.set(f.id, f)
  for (const { id, ...extra } of dwellingExtra)
    state.dwellings.set(id, { facts: dwellingFacts.get(id)!, ...extra })

  const clientExtra = new Map(
    rows<{ id: number; statusSince: string; supportProviderId: number | null }>(
      `SELECT id, status_since AS statusSince, support_provider_id AS supportProviderId FROM clients
       WHERE status IN ('wachtend', 'voorgedragen', 'aanbieding') OR id IN (
         SELECT c.client_id FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id
         WHERE s.dwelling_id IN ${live})
       ORDER BY id`,
    ).map((r) => [r.id, r]),
  )
  for (const ids of inChunks([...clientExtra.keys()]))
    for (const facts of await loadClientFacts(db, ids, new Map())) {
      const extra = clientExtra.get(facts.id)!
      state.clients.set(facts.id, {
        facts,
        statusSince: extra.statusSince,
        supportProviderId: extra.supportProviderId,
      })
    }

  // Rounds of dwellings that can still get one: those decided for good never change again.
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
    measure: measureBase(ctx.store, state, keys),
    years,
    targets,
    providers: rows(
      'SELECT id, name, contingent_dwellings AS contingentDwellings, contingent_share AS contingentShare FROM care_providers ORDER BY id',
    ),
    wijkFigures: await loadWijkFigures(db),
    quotas,
    state,
  }
}

function measureBase({ sqlite }: SqliteStore, state: State, keys: QuarterKey[]): MeasureBase {
  const outside = (
    sqlite
      .prepare(
        'SELECT id, registered_on AS registeredOn, status, status_since AS statusSince FROM clients',
      )
      .all() as (ListedClient & { id: number })[]
  ).filter((c) => !state.clients.has(c.id))
  const offers = sqlite
    .prepare('SELECT client_id AS clientId, offered_on AS offeredOn FROM offers')
    .all() as { clientId: number; offeredOn: string }[]
  const registered = new Map(outside.map((c) => [c.id, c.registeredOn]))
  const waitingOutside: Record<string, number> = {}
  for (const key of keys) {
    const day = resolvePeriod({ quarter: key }).endsOn
    waitingOutside[day] = outside.filter((c) => waits(c, day)).length
  }
  return {
    waitingOutside,
    firstOffersOutside: firstOffers(
      offers.filter((o) => registered.has(o.clientId)),
      (id) => registered.get(id)!,
    ),
    offersBefore: offers.filter((o) => state.clients.has(o.clientId)),
  }
}

/** Ids in groups well under SQLite's limit on bound parameters (a large database has 50,000 clients). */
function inChunks(ids: number[]): number[][] {
  const chunks: number[][] = []
  for (let i = 0; i < ids.length; i += 5000) chunks.push(ids.slice(i, i + 5000))
  return chunks
}

/** The next id SQLite would give a row of `table` (AUTOINCREMENT: past every id ever used). */
function sequence({ sqlite }: SqliteStore, table: string): number {
  const seq = sqlite.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(table)
  return ((seq as number | undefined) ?? 0) + 1
}

import type { DwellingMatching } from '../../shared/api'
import { ApiError } from '../../shared/api/endpoint'
import type { DwellingType } from '../../shared/domain/vocabulary'
import type { SqliteStore } from '../db/connection'
import { clients, dwellings } from '../db/schema'
import { audited, eventsOf } from '../services/audited'
import type { ServiceContext } from '../services/context'
import { acceptOffer, declineOffer, withdrawDwelling } from '../services/offers-service'
import { planQuarter, quarterOverview } from '../services/planning-service'
import { choose, generateForQuarter, presentRound, rejectAll } from '../services/shortlists-service'
import { measureQuarters } from './measure'
import type { Next, World } from './world'

/**
 * The reference world: every step is a call to the app's own services on a private copy of the
 * database, exactly as the officer's clicks would run them. Slow (each step builds SQL and the
 * dwelling's matching view), but it is the live app; the memory world must play like it
 * (tests/integration/simulation-worlds.test.ts).
 */
export function servicesWorld(ctx: ServiceContext<SqliteStore>): World {
  const { store } = ctx
  const read = queries(store)
  return {
    planQuarter: async (key, isFirst) =>
      (!isFirst || read.quotaCount(key) === 0
        ? await planQuarter(ctx, key, false)
        : await quarterOverview(ctx, key)
      ).lines.map((l) => ({ corporationId: l.corporationId, quota: l.quota })),
    submittedCount: read.submittedCount,
    submittedWaiting: read.submittedWaiting,
    concepts: (key) => (key === undefined ? read.allConcepts() : read.concepts(key)),
    shortlistStatus: (id) => read.shortlistStatus(id)?.status,
    openCandidates: read.openCandidates,
    offer: read.offer,
    dwelling: (id) => {
      const row = read.dwelling(id)!
      return { ...row, hasLift: row.hasLift === 1 }
    },
    presentedRounds: read.presentedRounds,
    openOffers: read.openOffers,
    quartersWithLeftovers: read.quartersWithLeftovers,

    register: async (client) => {
      await store.db
        .insert(clients)
        .values({ ...client, status: 'wachtend', statusSince: client.registeredOn })
    },
    submit: async (dwelling) => {
      await store.db
        .insert(dwellings)
        .values({ ...dwelling, status: 'ingediend', statusSince: dwelling.submittedOn })
    },
    generate: async (key) => {
      await generateForQuarter(ctx, key)
    },
    // The present step without the dwelling's matching view the `present` call answers with:
    // nothing here reads it, and building it costs as much as presenting.
    present: async (shortlistId) =>
      (await audited(ctx, eventsOf, (tx) => presentRound(tx, ctx, shortlistId))).dwellingId,
    withdrawDwelling: async (dwellingId, reason) => {
      await withdrawDwelling(ctx, { dwellingId, reason })
    },
    rejectAll: async (shortlistId, rejection, motivation) =>
      next(await rejectAll(ctx, { shortlistId, rejection, motivation })),
    choose: async (shortlistId, clientId) => {
      try {
        return next(await choose(ctx, { shortlistId, clientId }))
      } catch (error) {
        if (error instanceof ApiError && error.code === 'conflict') return null
        throw error
      }
    },
    declineOffer: async (offerId, decline) => next(await declineOffer(ctx, { offerId, decline })),
    acceptOffer: async (offerId, startsOn) => {
      await acceptOffer(ctx, { offerId, startsOn })
    },
    measure: (keys) => measureQuarters(store, keys),
  }
}

function next(state: DwellingMatching): Next {
  const offer = state.offers.find((o) => o.outcome === 'open')
  if (offer) return { offer: { id: offer.id, offeredOn: offer.offeredOn } }
  const concept = state.rounds.find((r) => r.status === 'concept')
  if (concept) return { concept: concept.id }
  const presented = state.rounds.find((r) => r.status === 'voorgedragen')
  return presented ? { presented: { id: presented.id, dwellingId: state.dwellingId } } : {}
}

function queries({ sqlite }: SqliteStore) {
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
  const count = (sql: string) => {
    const statement = sqlite.prepare(sql).pluck()
    return (...params: unknown[]) => statement.get(...params) as number
  }
  return {
    shortlistStatus: get<{ status: string }>('SELECT status FROM shortlists WHERE id = ?'),
    openCandidates: pluckAll<number>(
      `SELECT client_id FROM shortlist_candidates WHERE shortlist_id = ? AND decision = 'open' ORDER BY position`,
    ),
    offer: get<{ outcome: string; offeredOn: string; availableFrom: string }>(
      `SELECT o.outcome, o.offered_on AS offeredOn, d.available_from AS availableFrom
       FROM offers o JOIN dwellings d ON d.id = o.dwelling_id WHERE o.id = ?`,
    ),
    dwelling: get<{
      address: string
      complex: string | null
      type: DwellingType
      floor: number
      hasLift: number
    }>('SELECT address, complex, type, floor, has_lift AS hasLift FROM dwellings WHERE id = ?'),
    submittedWaiting: pluckAll<string>(
      `SELECT submitted_on FROM dwellings WHERE quarter_key = ? AND status = 'ingediend'`,
    ),
    concepts: pluckAll<number>(
      `SELECT s.id FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
       WHERE d.quarter_key = ? AND s.status = 'concept' ORDER BY s.id`,
    ),
    allConcepts: pluckAll<number>(`SELECT id FROM shortlists WHERE status = 'concept' ORDER BY id`),
    quotaCount: count('SELECT count(*) FROM quarter_quotas WHERE quarter_key = ?'),
    submittedCount: count(
      'SELECT count(*) FROM dwellings WHERE quarter_key = ? AND corporation_id = ?',
    ),
    presentedRounds: all<{ id: number; dwellingId: number }>(
      `SELECT id, dwelling_id AS dwellingId FROM shortlists WHERE status = 'voorgedragen' ORDER BY id`,
    ),
    openOffers: all<{ id: number; offeredOn: string }>(
      `SELECT id, offered_on AS offeredOn FROM offers WHERE outcome = 'open' ORDER BY id`,
    ),
    quartersWithLeftovers: pluckAll<string>(
      `SELECT DISTINCT quarter_key FROM dwellings WHERE status = 'ingediend' AND quarter_key < ? ORDER BY quarter_key`,
    ),
  }
}

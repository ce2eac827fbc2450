import { and, eq, gte, lt, lte } from 'drizzle-orm'
import {
  addQuarters,
  parseQuarter,
  quarterBounds,
  quarterKey,
  quarterOf,
} from '../../shared/domain/quarter'
import type { SqliteStore } from '../db/connection'
import { clients, corporations, dwellings } from '../db/schema'
import { daysBetween } from '../demo/calendar'
import { createContext } from '../services/context'
import { getSettings } from '../services/planning-service'
import { observedShare } from './sampling'

/**
 * What the database says about the flow so far: the model's inputs. Every number here is read
 * from the history, never set by hand; where there is no history yet, a fallback keeps the model
 * running and `fallbacks` names it, so the page can say so.
 */

export type ClientTemplate = Omit<
  typeof clients.$inferSelect,
  'id' | 'code' | 'name' | 'notes' | 'anonymisedAt' | 'createdAt' | 'updatedAt'
>
export type DwellingTemplate = Omit<
  typeof dwellings.$inferSelect,
  'id' | 'createdAt' | 'updatedAt' | 'quarterKey' | 'corporationId'
>

export interface CorporationFlow {
  id: number
  name: string
  /** Dwellings submitted per dwelling of quota in the quarters seen (1 = exactly the quota). */
  submissionRate: number
  /** The dwellings it submitted: kind, wijk, rent, …; a new submission is one of these again. */
  templates: DwellingTemplate[]
}

export interface Observed {
  /** The day the model starts (today, or the backtest's start). */
  startIso: string
  /** The quarters the arrivals were counted in (the last four complete ones). */
  arrivalQuarters: string[]
  arrivalsPerQuarter: number
  /** The clients who registered then: a new arrival is one of them again (group, provider, needs). */
  clientTemplates: ClientTemplate[]
  corporations: CorporationFlow[]
  /** Days from a quarter's start to a dwelling's submission. */
  submitDayOffsets: number[]
  /** Days from submission to the day the dwelling is free. */
  availableLeadDays: number[]
  /** Days from presenting a shortlist to the corporation's answer. */
  answerDays: number[]
  /** Days from the offer to the client's yes, and to a no. */
  acceptDays: number[]
  declineDays: number[]
  /** Days from the offer to the start of the lease. */
  leaseLeadDays: number[]
  /** Days from registration to the first presentation (shown, not drawn: the engine decides it). */
  registrationToPresentationDays: number[]
  /** The answer deadline (working days) of the start year, under which the answers were given. */
  answerWorkingDays: number
  rejectAllShare: number
  declineShare: number
  withdrawShare: number
  /** Place (0 = first) on the list of the candidate the corporation chose. */
  choicePositions: number[]
  fallbacks: string[]
}

/** Fallbacks when there is no history: the process description (seed 003, Bijlage 5). */
const FALLBACK = { rejectAll: 0.15, decline: 0.065, withdraw: 0.02 }

const dayOf = (moment: string) => moment.slice(0, 10)

/**
 * Reads the model's inputs from history before `startIso` (exclusive), so a backtest that starts in
 * the past sees only what was known then where the history allows it.
 */
export async function observe(store: SqliteStore, startIso: string): Promise<Observed> {
  const { db, sqlite } = store
  const fallbacks: string[] = []
  const rows = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[]

  const current = quarterOf(new Date(`${startIso}T12:00:00Z`))
  const arrivalQuarters = [4, 3, 2, 1].map((back) => quarterKey(addQuarters(current, -back)))
  const firstDay = quarterBounds(parseQuarter(arrivalQuarters[0]!)).startsOn
  let clientTemplates: ClientTemplate[] = (
    await db
      .select()
      .from(clients)
      .where(and(gte(clients.registeredOn, firstDay), lt(clients.registeredOn, startIso)))
  ).map(clientTemplate)
  const arrivalsPerQuarter = clientTemplates.length / 4
  if (clientTemplates.length === 0) {
    fallbacks.push(
      'Geen aanmeldingen in de laatste vier kwartalen: nieuwe cliënten lijken op de huidige wachtenden.',
    )
    clientTemplates = (
      await db.select().from(clients).where(lte(clients.registeredOn, startIso))
    ).map(clientTemplate)
  }

  const quotas = rows<{ corporationId: number; quota: number; submitted: number }>(
    `SELECT q.corporation_id AS corporationId, sum(q.quota) AS quota,
            (SELECT count(*) FROM dwellings d WHERE d.corporation_id = q.corporation_id
               AND d.quarter_key IN (SELECT key FROM quarters WHERE ends_on < ?)) AS submitted
     FROM quarter_quotas q JOIN quarters k ON k.key = q.quarter_key
     WHERE k.ends_on < ? GROUP BY q.corporation_id`,
    startIso,
    startIso,
  )
  const byCorporation = new Map(quotas.map((q) => [q.corporationId, q]))
  const allDwellings = await db.select().from(dwellings).where(lt(dwellings.submittedOn, startIso))
  const corporationRows = await db
    .select({ id: corporations.id, name: corporations.name })
    .from(corporations)
    .where(eq(corporations.active, true))
  const flows: CorporationFlow[] = corporationRows.map((c) => {
    const seen = byCorporation.get(c.id)
    const templates = allDwellings.filter((d) => d.corporationId === c.id).map(dwellingTemplate)
    return {
      id: c.id,
      name: c.name,
      submissionRate: seen && seen.quota > 0 ? seen.submitted / seen.quota : 1,
      templates: templates.length > 0 ? templates : allDwellings.map(dwellingTemplate),
    }
  })
  if (quotas.length === 0)
    fallbacks.push('Nog geen afgesloten kwartaal: elke corporatie levert precies haar quotum.')

  const quarterStarts = new Map(
    rows<{ key: string; startsOn: string }>('SELECT key, starts_on AS startsOn FROM quarters').map(
      (q) => [q.key, q.startsOn],
    ),
  )
  const submitDayOffsets = allDwellings.flatMap((d) => {
    const start = quarterStarts.get(d.quarterKey)
    return start ? [Math.max(0, daysBetween(start, d.submittedOn))] : []
  })
  const availableLeadDays = allDwellings.map((d) =>
    Math.max(0, daysBetween(d.submittedOn, d.availableFrom)),
  )

  const rounds = rows<{
    presentedAt: string
    decidedAt: string | null
    status: string
    motivation: string | null
  }>(
    `SELECT presented_at AS presentedAt, decided_at AS decidedAt, status, rejection_motivation AS motivation
     FROM shortlists WHERE presented_at IS NOT NULL AND presented_at < ?`,
    startIso,
  )
  const answered = rounds.filter((r) => r.decidedAt !== null && r.status !== 'vervallen')
  const answerDays = answered.map((r) => daysBetween(dayOf(r.presentedAt), dayOf(r.decidedAt!)))
  const rejectedAll = answered.filter(
    (r) => r.status === 'afgewezen' && r.motivation !== null,
  ).length
  if (answered.length === 0)
    fallbacks.push('Nog geen beantwoorde voordrachten: afwijskans uit het procesplan (15 %).')

  const offerRows = rows<{
    offeredOn: string
    respondedOn: string | null
    outcome: string
    startsOn: string | null
  }>(
    `SELECT o.offered_on AS offeredOn, o.responded_on AS respondedOn, o.outcome, a.starts_on AS startsOn
     FROM offers o LEFT JOIN allocations a ON a.offer_id = o.id WHERE o.offered_on < ?`,
    startIso,
  )
  const replied = offerRows.filter((o) => o.outcome !== 'open' && o.respondedOn !== null)
  const replyDays = (outcome: string) =>
    replied
      .filter((o) => o.outcome === outcome)
      .map((o) => Math.max(0, daysBetween(o.offeredOn, o.respondedOn!)))
  const declined = replied.filter((o) => o.outcome === 'geweigerd').length
  if (replied.length === 0)
    fallbacks.push('Nog geen beantwoorde aanbiedingen: weigerkans uit het procesplan (6,5 %).')

  const decidedDwellings = rows<{ n: number; withdrawn: number }>(
    `SELECT count(*) AS n, sum(status = 'ingetrokken') AS withdrawn FROM dwellings
     WHERE submitted_on < ? AND status <> 'ingediend'`,
    startIso,
  )[0] ?? { n: 0, withdrawn: 0 }

  return {
    startIso,
    answerWorkingDays: (await getSettings(createContext(store), current.year)).values
      .answerWorkingDays,
    arrivalQuarters,
    arrivalsPerQuarter,
    clientTemplates,
    corporations: flows,
    submitDayOffsets,
    availableLeadDays,
    answerDays,
    acceptDays: replyDays('geaccepteerd'),
    declineDays: replyDays('geweigerd'),
    leaseLeadDays: offerRows
      .filter((o) => o.startsOn !== null)
      .map((o) => Math.max(0, daysBetween(o.offeredOn, o.startsOn!))),
    registrationToPresentationDays: rows<{ days: number }>(
      `SELECT julianday(min(substr(s.presented_at, 1, 10))) - julianday(c.registered_on) AS days
       FROM shortlist_candidates sc JOIN shortlists s ON s.id = sc.shortlist_id
       JOIN clients c ON c.id = sc.client_id
       WHERE s.presented_at IS NOT NULL AND s.presented_at < ? GROUP BY c.id`,
      startIso,
    ).map((r) => Math.round(r.days)),
    rejectAllShare: observedShare(rejectedAll, answered.length, FALLBACK.rejectAll),
    declineShare: observedShare(declined, replied.length, FALLBACK.decline),
    withdrawShare: observedShare(
      decidedDwellings.withdrawn ?? 0,
      decidedDwellings.n,
      FALLBACK.withdraw,
    ),
    choicePositions: rows<{ position: number }>(
      `SELECT sc.position FROM shortlist_candidates sc JOIN shortlists s ON s.id = sc.shortlist_id
       WHERE sc.decision = 'gekozen' AND s.decided_at < ?`,
      startIso,
    ).map((r) => Math.max(0, r.position - 1)),
    fallbacks,
  }
}

function clientTemplate(row: typeof clients.$inferSelect): ClientTemplate {
  const {
    id: _id,
    code: _code,
    name: _name,
    notes: _notes,
    anonymisedAt: _a,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = row
  return rest
}

function dwellingTemplate(row: typeof dwellings.$inferSelect): DwellingTemplate {
  const { id: _id, createdAt: _c, updatedAt: _u, quarterKey: _q, corporationId: _k, ...rest } = row
  return rest
}

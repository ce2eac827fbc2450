import { REJECTION_REASON } from '../../src/shared/domain/vocabulary'
import { QUARTER, type ExportScenario } from './exports-scenario'

/**
 * A quarter with every kind of event the report counts, made through the API as officers would:
 * offers accepted on different dates, offers open, rounds rejected whole, single rejections, a
 * withdrawal, rounds only presented and rounds never presented.
 */
export async function driveWorkflow(s: ExportScenario): Promise<void> {
  const rounds = await s.all<{ id: number; dwellingId: number }>(
    `SELECT s.id, s.dwelling_id AS dwellingId FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
     WHERE d.quarter_key = ? AND s.status = 'concept' ORDER BY d.id`,
    QUARTER,
  )
  const reasons = REJECTION_REASON.keys.filter((r) => r !== 'anders')
  for (const [i, round] of rounds.entries()) {
    if (i % 9 === 8) continue
    await s.call('shortlists:present', { shortlistId: round.id })
    const clients = (
      await s.all<{ clientId: number }>(
        "SELECT client_id AS clientId FROM shortlist_candidates WHERE shortlist_id = ? AND decision = 'open' ORDER BY position",
        round.id,
      )
    ).map((c) => c.clientId)
    const reason = reasons[i % reasons.length]!
    switch (i % 6) {
      case 0: {
        await s.call('shortlists:choose', { shortlistId: round.id, clientId: clients[0] })
        const offer = await s.one<{ id: number }>(
          "SELECT id FROM offers WHERE dwelling_id = ? AND outcome = 'open'",
          round.dwellingId,
        )
        const day = String(1 + (i % 28)).padStart(2, '0')
        await s.call('offers:accept', { offerId: offer.id, startsOn: `2026-12-${day}` })
        break
      }
      case 1:
        await s.call('shortlists:choose', {
          shortlistId: round.id,
          clientId: clients[1] ?? clients[0],
        })
        break
      case 2:
        await s.call('shortlists:rejectAll', {
          shortlistId: round.id,
          rejection: { reason },
          motivation: 'Past niet in dit complex',
        })
        break
      case 3:
        await s.call('shortlists:rejectCandidate', {
          shortlistId: round.id,
          clientId: clients[0],
          rejection: { reason },
        })
        break
      case 5:
        if (i % 4 === 1)
          await s.call('dwellings:withdraw', { dwellingId: round.dwellingId, reason: 'Renovatie' })
        break
    }
  }
}

/** Excel's PERCENTILE.INC, written here again so the test does not trust the app's own. */
export function excelPercentile(values: number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!)
}

export interface PeriodSpec {
  quarters: string[]
  start: string
  end: string
  year: number
  /** Share of the yearly contingent that belongs to the period. */
  fraction: number
}

/** Whole days from ISO date `from` to ISO date `to`, in the store's SQL. */
function daysBetween(s: ExportScenario, from: string, to: string): string {
  return s.kind === 'postgres'
    ? `(CAST(${to} AS date) - CAST(${from} AS date))`
    : `CAST(julianday(${to}) - julianday(${from}) AS INTEGER)`
}

/** The figures as plain SQL over the store: the report must say the same. */
export async function independentFigures(s: ExportScenario, p: PeriodSpec) {
  const inPeriod = `d.quarter_key IN (${p.quarters.map((q) => `'${q}'`).join(', ')})`
  const corporations = await s.all<Record<string, number | string>>(
    `SELECT c.id, c.name,
       (SELECT count(*) FROM dwellings d WHERE d.corporation_id = c.id AND ${inPeriod} AND d.status <> 'ingetrokken') AS submitted,
       (SELECT count(*) FROM dwellings d WHERE d.corporation_id = c.id AND ${inPeriod} AND d.status = 'ingetrokken') AS withdrawn,
       (SELECT count(*) FROM shortlist_candidates sc JOIN shortlists s ON s.id = sc.shortlist_id
          JOIN dwellings d ON d.id = s.dwelling_id
          WHERE d.corporation_id = c.id AND ${inPeriod} AND s.presented_at IS NOT NULL) AS presented,
       (SELECT count(DISTINCT s.dwelling_id) FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
          WHERE d.corporation_id = c.id AND ${inPeriod} AND s.status = 'gekozen') AS matched,
       (SELECT count(*) FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id
          WHERE d.corporation_id = c.id AND ${inPeriod}) AS allocated
     FROM corporations c ORDER BY c.name`,
  )
  const target = await s.one<{ target: number; share: number } | undefined>(
    'SELECT target, instroom_share_target AS share FROM year_targets WHERE year = ?',
    p.year,
  )
  const providers = await s.all<Record<string, number | string | null>>(
    `SELECT p.id, p.name,
       (SELECT count(*) FROM clients c WHERE c.care_provider_id = p.id AND c.registered_on BETWEEN ? AND ?) AS registered,
       (SELECT count(*) FROM shortlist_candidates sc JOIN shortlists s ON s.id = sc.shortlist_id
          JOIN dwellings d ON d.id = s.dwelling_id JOIN clients c ON c.id = sc.client_id
          WHERE c.care_provider_id = p.id AND ${inPeriod} AND s.presented_at IS NOT NULL) AS presented,
       (SELECT count(*) FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id JOIN clients c ON c.id = a.client_id
          WHERE c.care_provider_id = p.id AND ${inPeriod}) AS allocated,
       coalesce(p.contingent_dwellings, p.contingent_share * ?) * ? AS contingent
     FROM care_providers p ORDER BY p.name`,
    p.start,
    p.end,
    target?.target ?? null,
    p.fraction,
  )
  const waits = await s.all<{ days: number; targetGroup: string; providerId: number }>(
    `SELECT ${daysBetween(s, 'c.registered_on', 'f.first')} AS days,
       c.target_group AS targetGroup, c.care_provider_id AS providerId
     FROM (SELECT client_id, min(offered_on) AS first FROM offers GROUP BY client_id) f
     JOIN clients c ON c.id = f.client_id WHERE f.first BETWEEN ? AND ?`,
    p.start,
    p.end,
  )
  const count = async (query: string, ...params: unknown[]) =>
    (await s.one<{ n: number }>(query, ...params)).n
  const rounds = {
    presented: await count(
      `SELECT count(*) AS n FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id WHERE ${inPeriod} AND s.presented_at IS NOT NULL`,
    ),
    chosen: await count(
      `SELECT count(*) AS n FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id WHERE ${inPeriod} AND s.status = 'gekozen'`,
    ),
    rejected: await count(
      `SELECT count(*) AS n FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id WHERE ${inPeriod} AND s.status = 'afgewezen'`,
    ),
    reasons: await s.all<{ reason: string; n: number }>(
      `SELECT sc.decision_reason AS reason, count(*) AS n FROM shortlist_candidates sc
       JOIN shortlists s ON s.id = sc.shortlist_id JOIN dwellings d ON d.id = s.dwelling_id
       WHERE ${inPeriod} AND sc.decision = 'geen-match' GROUP BY 1`,
    ),
  }
  const allocations = await s.all<{ wijk: string; flow: string; vacancy: number }>(
    `SELECT d.wijk, c.flow, ${daysBetween(s, 'd.submitted_on', 'a.starts_on')} AS vacancy
     FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id JOIN clients c ON c.id = a.client_id
     WHERE ${inPeriod}`,
  )
  const presentedClients = await count(
    `SELECT count(DISTINCT sc.client_id) AS n FROM shortlist_candidates sc JOIN shortlists s ON s.id = sc.shortlist_id
     JOIN dwellings d ON d.id = s.dwelling_id WHERE ${inPeriod} AND s.presented_at IS NOT NULL`,
  )
  return { corporations, providers, waits, rounds, allocations, presentedClients, target }
}

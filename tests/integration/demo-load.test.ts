// Single-store on purpose (SQLite): the demo is loaded into a desk's SQLite file; the team database refuses demo:load (docs/team-mode.md).
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type SqliteStore } from '../../src/main/db/connection'
import { auditEvents, corporations, settings } from '../../src/main/db/schema'
import { DEMO_ACTOR } from '../../src/main/demo/history'
import { createContext } from '../../src/main/services/context'
import { loadDemo } from '../../src/main/services/demo-service'
import type { DemoSummary } from '../../src/shared/api/app'
import { ApiError } from '../../src/shared/api/endpoint'
import { copyDemo } from '../support/shared-files'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from '../support/temp-db'

/** The demo copies (shared-files.ts) are loaded at FIXED_NOW: so is every load here. */
const NOW = FIXED_NOW
const TODAY = '2026-11-23'
/** A load plays three quarters through the engine: seconds, more on a busy test machine. */
const LOAD_TIMEOUT = 60_000

const TABLES = [
  'corporations',
  'care_providers',
  'clients',
  'dwellings',
  'quarters',
  'quarter_quotas',
  'year_targets',
  'settings',
] as const

function counts(store: SqliteStore): Record<(typeof TABLES)[number], number> {
  const n = (table: string) =>
    (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  return Object.fromEntries(TABLES.map((t) => [t, n(t)])) as Record<(typeof TABLES)[number], number>
}

async function refusal(run: () => Promise<unknown>): Promise<ApiError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('loadDemo weigerde niet')
}

describe('loading the demo data', () => {
  const tempDir = useTempDir()
  const open = () => openStore(join(tempDir(), 'demo.db'))

  it(
    'fills an empty database with exactly what the summary reports, with its own audit event last',
    async () => {
      const store = open()
      try {
        const ctx = createContext(store, { now: () => NOW, actor: TEST_ACTOR })
        const summary = await loadDemo(ctx)

        expect(summary.seed).toBe(2019)
        expect(summary.quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
        expect(counts(store)).toEqual({
          corporations: summary.corporations,
          care_providers: summary.careProviders,
          clients: summary.clients,
          dwellings: summary.dwellings,
          quarters: 4,
          quarter_quotas: 4 * summary.corporations,
          year_targets: 2,
          settings: 1,
        })
        const n = (sql: string) => (store.sqlite.prepare(sql).pluck().get() as number) ?? 0
        expect(n('SELECT count(*) FROM allocations')).toBe(summary.allocations)
        expect(n("SELECT count(*) FROM offers WHERE outcome = 'geweigerd'")).toBe(
          summary.declinedOffers,
        )
        expect(
          n(
            "SELECT count(*) FROM clients WHERE status IN ('wachtend', 'voorgedragen', 'aanbieding')",
          ),
        ).toBe(summary.waitingClients)

        // The demo's own event comes last, by the officer who loaded it; the history's by the demo officer.
        const events = store.db.select().from(auditEvents).all()
        const last = events.at(-1)
        expect(last).toMatchObject({
          action: 'demo:load',
          entityType: 'database',
          officer: TEST_ACTOR.officer,
          at: NOW.toISOString(),
        })
        expect(last?.summary).toContain(
          `${summary.clients} cliënten (${summary.waitingClients} nog wachtend)`,
        )
        expect(last?.summary).toContain(`${summary.dwellings} woningen`)
        expect(events.slice(0, -1).every((e) => e.officer === DEMO_ACTOR.officer)).toBe(true)
        expect(events.slice(0, -1).every((e) => e.osUser === DEMO_ACTOR.osUser)).toBe(true)
      } finally {
        store.close()
      }
    },
    LOAD_TIMEOUT,
  )

  it(
    'links every client and dwelling to a stored care provider and corporation',
    async () => {
      const file = join(tempDir(), 'demo.db')
      await copyDemo(file, { seed: 7 })
      const store = openStore(file)
      try {
        const orphans = store.sqlite
          .prepare(
            `SELECT
             (SELECT count(*) FROM clients WHERE care_provider_id NOT IN (SELECT id FROM care_providers)) +
             (SELECT count(*) FROM clients WHERE support_provider_id IS NOT NULL
                AND support_provider_id NOT IN (SELECT id FROM care_providers)) +
             (SELECT count(*) FROM dwellings WHERE corporation_id NOT IN (SELECT id FROM corporations)) AS n`,
          )
          .get() as { n: number }
        expect(orphans.n).toBe(0)
        const perQuarter = store.sqlite
          .prepare(
            'SELECT quarter_key AS q, sum(quota) AS total FROM quarter_quotas GROUP BY quarter_key',
          )
          .all() as { q: string; total: number }[]
        expect(perQuarter.map((r) => r.total).every((t) => t === 96 || t === 97)).toBe(true)
        // SSH is the student-housing corporation: its dwellings are the small ones.
        const ssh = store.sqlite
          .prepare(
            `SELECT DISTINCT d.type FROM dwellings d JOIN corporations c ON c.id = d.corporation_id WHERE c.name = 'SSH'`,
          )
          .all() as { type: string }[]
        expect(ssh.every((r) => ['studio', 'kamer', 'appartement'].includes(r.type))).toBe(true)
      } finally {
        store.close()
      }
    },
    LOAD_TIMEOUT,
  )

  it(
    'refuses a second load with a conflict and leaves the database as it was',
    async () => {
      const file = join(tempDir(), 'demo.db')
      await copyDemo(file)
      const store = openStore(file)
      try {
        const ctx = createContext(store, { now: () => NOW, actor: TEST_ACTOR })
        const before = counts(store)

        const error = await refusal(async () => await loadDemo(ctx, 99))
        expect(error.code).toBe('conflict')
        expect(error.message).toMatch(/lege database/)
        expect(counts(store)).toEqual(before)
      } finally {
        store.close()
      }
    },
    LOAD_TIMEOUT,
  )

  it('rolls everything back when a step of the history fails, the rows before it too', async () => {
    const store = open()
    try {
      // An officer's own settings win over the demo's; unreadable ones break the first engine step.
      store.db.insert(settings).values({ key: 'yearSettings', year: 2026, value: '{' }).run()
      const before = counts(store)
      await expect(
        loadDemo(createContext(store, { now: () => NOW, actor: TEST_ACTOR })),
      ).rejects.toThrow(SyntaxError)
      expect(counts(store)).toEqual(before)
      const n = (table: string) =>
        store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
      expect(['shortlists', 'offers', 'allocations', 'audit_events'].map(n)).toEqual([0, 0, 0, 0])
    } finally {
      store.close()
    }
  })

  it('refuses when a corporation was already registered by hand, adding nothing', async () => {
    const store = open()
    try {
      store.db.insert(corporations).values({ name: 'Mitros', socialStock: 16_000 }).run()
      const before = counts(store)
      const error = await refusal(
        async () => await loadDemo(createContext(store, { now: () => NOW, actor: TEST_ACTOR })),
      )
      expect(error.code).toBe('conflict')
      expect(counts(store)).toEqual(before)
    } finally {
      store.close()
    }
  })
})

/**
 * The earlier quarters' history is made by the real engine on a simulated clock. One load serves
 * all the checks below (it is a few thousand engine steps); a second one checks the seed.
 */
describe('the demo history of the earlier quarters', () => {
  let dir = ''
  let store: SqliteStore
  let summary: DemoSummary
  const all = <T>(sql: string, ...params: unknown[]) =>
    store.sqlite.prepare(sql).all(...params) as T[]
  const one = (sql: string, ...params: unknown[]) =>
    store.sqlite
      .prepare(sql)
      .pluck()
      .get(...params) as number

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vierde-huis-demo-'))
    const file = join(dir, 'history.db')
    summary = await copyDemo(file, { seed: 2019 })
    store = openStore(file)
  }, LOAD_TIMEOUT)
  afterAll(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('lets most dwellings of each earlier quarter, each with one allocation to a housed client', () => {
    const perQuarter = all<{ q: string; submitted: number; let: number; allocated: number }>(
      `SELECT d.quarter_key AS q, count(*) AS submitted,
              sum(d.status = 'verhuurd') AS let, count(a.id) AS allocated
       FROM dwellings d LEFT JOIN allocations a ON a.dwelling_id = d.id
       GROUP BY d.quarter_key ORDER BY d.quarter_key`,
    )
    expect(perQuarter.map((r) => r.q)).toEqual(summary.quarters)
    for (const row of perQuarter.slice(0, 3)) {
      expect(row.let / row.submitted).toBeGreaterThan(0.8)
      expect(row.allocated).toBe(row.let)
      expect(summary.allocationsByQuarter?.[row.q]).toBe(row.let)
    }
    expect(summary.allocations).toBeGreaterThanOrEqual(250)
    expect(summary.allocations).toBeLessThanOrEqual(310)
    // Housed clients and allocations are one to one; nobody got two dwellings.
    expect(one("SELECT count(*) FROM clients WHERE status = 'gehuisvest'")).toBe(
      summary.allocations,
    )
    expect(
      one(
        `SELECT count(*) FROM allocations a JOIN clients c ON c.id = a.client_id
         WHERE c.status <> 'gehuisvest'`,
      ),
    ).toBe(0)
    expect(one('SELECT count(DISTINCT client_id) FROM allocations')).toBe(summary.allocations)
    // A few dwellings were withdrawn by their corporation.
    expect(summary.withdrawnDwellings).toBeGreaterThanOrEqual(1)
    expect(summary.withdrawnDwellings! / (summary.dwellings - 100)).toBeLessThan(0.06)
  })

  it('leaves the current quarter untouched: all submitted, no shortlists', () => {
    expect(
      all<{ status: string }>(
        "SELECT DISTINCT status FROM dwellings WHERE quarter_key = '2026-Q4'",
      ),
    ).toEqual([{ status: 'ingediend' }])
    expect(
      one(
        `SELECT count(*) FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
         WHERE d.quarter_key = '2026-Q4'`,
      ),
    ).toBe(0)
  })

  it('has 10–20% of the presented shortlists rejected as a whole, each with a motivation', () => {
    const presented = one('SELECT count(*) FROM shortlists WHERE presented_at IS NOT NULL')
    expect(presented).toBe(summary.presentedShortlists)
    const rejected = all<{ motivation: string; reasons: string }>(
      `SELECT s.rejection_motivation AS motivation,
              group_concat(DISTINCT c.decision_reason) AS reasons
       FROM shortlists s JOIN shortlist_candidates c ON c.shortlist_id = s.id
       WHERE s.status = 'afgewezen' AND s.rejection_motivation IS NOT NULL GROUP BY s.id`,
    )
    expect(rejected).toHaveLength(summary.rejectedShortlists!)
    expect(rejected.length / presented).toBeGreaterThanOrEqual(0.1)
    expect(rejected.length / presented).toBeLessThanOrEqual(0.2)
    // Realistic and varied: a reason from the list for every candidate, many different motivations.
    expect(rejected.every((r) => r.motivation.length >= 10 && r.reasons)).toBe(true)
    expect(new Set(rejected.map((r) => r.motivation)).size).toBeGreaterThanOrEqual(10)
    // Every rejected round was followed by a new one for the same dwelling.
    expect(
      one(
        `SELECT count(*) FROM shortlists s WHERE s.status = 'afgewezen'
         AND NOT EXISTS (SELECT 1 FROM shortlists n WHERE n.dwelling_id = s.dwelling_id AND n.round = s.round + 1)
         AND (SELECT status FROM dwellings WHERE id = s.dwelling_id) <> 'ingediend'`,
      ),
    ).toBe(0)
  })

  it('has a few declined offers, each followed by another offer or a new round', () => {
    const offers = one('SELECT count(*) FROM offers')
    expect(summary.declinedOffers).toBeGreaterThanOrEqual(3)
    expect(summary.declinedOffers! / offers).toBeLessThan(0.15)
    const declined = all<{ dwellingId: number; id: number }>(
      "SELECT dwelling_id AS dwellingId, id FROM offers WHERE outcome = 'geweigerd'",
    )
    for (const { dwellingId, id } of declined) {
      const later =
        one('SELECT count(*) FROM offers WHERE dwelling_id = ? AND id > ?', dwellingId, id) +
        one(
          "SELECT count(*) FROM shortlists WHERE dwelling_id = ? AND status IN ('concept', 'voorgedragen', 'gekozen')",
          dwellingId,
        )
      expect(later).toBeGreaterThan(0)
    }
  })

  it('dates every step in order: submitted, presented, decided, offered, accepted, lease start, before today', () => {
    const rows = all<{
      submittedOn: string
      availableFrom: string
      presentedAt: string
      decidedAt: string
      offeredOn: string
      respondedOn: string
      startsOn: string
    }>(
      `SELECT d.submitted_on AS submittedOn, d.available_from AS availableFrom,
              s.presented_at AS presentedAt, s.decided_at AS decidedAt,
              o.offered_on AS offeredOn, o.responded_on AS respondedOn, a.starts_on AS startsOn
       FROM allocations a
       JOIN offers o ON o.id = a.offer_id
       JOIN dwellings d ON d.id = a.dwelling_id
       JOIN shortlist_candidates c ON c.id = o.candidate_id
       JOIN shortlists s ON s.id = c.shortlist_id`,
    )
    expect(rows).toHaveLength(summary.allocations!)
    for (const r of rows) {
      expect(r.submittedOn <= r.presentedAt.slice(0, 10)).toBe(true)
      expect(r.presentedAt < r.decidedAt).toBe(true)
      expect(r.decidedAt.slice(0, 10) <= r.offeredOn).toBe(true)
      expect(r.offeredOn <= r.respondedOn).toBe(true)
      expect(r.startsOn > r.offeredOn && r.startsOn > r.respondedOn).toBe(true)
      expect(r.startsOn >= r.availableFrom).toBe(true)
      expect(r.startsOn < TODAY).toBe(true)
    }
    // Lead time from submission to the start of the lease: five to eight weeks, some much longer.
    expect(summary.medianLeadDays).toBeGreaterThanOrEqual(35)
    expect(summary.medianLeadDays).toBeLessThanOrEqual(56)
    const leads = rows.map((r) => (Date.parse(r.startsOn) - Date.parse(r.submittedOn)) / 86_400_000)
    expect(Math.max(...leads)).toBeGreaterThan(90)
    // Nobody was put forward before they registered.
    expect(
      one(
        `SELECT count(*) FROM shortlist_candidates c
         JOIN shortlists s ON s.id = c.shortlist_id JOIN clients k ON k.id = c.client_id
         WHERE k.registered_on > substr(s.presented_at, 1, 10)`,
      ),
    ).toBe(0)
  })

  it('keeps the audit trail in time order, on weekdays, before the load itself', () => {
    const events = all<{ at: string; officer: string }>(
      'SELECT at, officer FROM audit_events ORDER BY id',
    )
    const history = events.slice(0, -1)
    expect(history.length).toBeGreaterThan(1000)
    expect(history.every((e, i) => i === 0 || history[i - 1]!.at <= e.at)).toBe(true)
    expect(history.every((e) => e.at < `${TODAY}T00:00:00.000Z`)).toBe(true)
    expect(history.every((e) => ![0, 6].includes(new Date(e.at).getUTCDay()))).toBe(true)
    expect(events.at(-1)?.at).toBe(NOW.toISOString())
  })

  it('still has ~400 waiting, more of them registered recently, none on two open shortlists', () => {
    expect(summary.waitingClients).toBeGreaterThanOrEqual(350)
    expect(summary.waitingClients).toBeLessThanOrEqual(450)
    const waiting = all<{ registeredOn: string }>(
      `SELECT registered_on AS registeredOn FROM clients
       WHERE status IN ('wachtend', 'voorgedragen', 'aanbieding')`,
    )
    const lastHalfYear = waiting.filter((c) => c.registeredOn >= '2026-05-23').length
    const overAYearAgo = waiting.filter((c) => c.registeredOn < '2025-11-23').length
    expect(lastHalfYear).toBeGreaterThan(1.5 * overAYearAgo)
    expect(
      one(`
        SELECT count(*) FROM (
          SELECT c.client_id FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id
          WHERE s.status IN ('concept', 'voorgedragen') AND c.decision = 'open'
          GROUP BY c.client_id HAVING count(*) > 1)`),
    ).toBe(0)
  })

  it(
    'gives the same history for the same seed',
    async () => {
      const digest = (s: SqliteStore) =>
        createHash('sha256')
          .update(
            JSON.stringify(
              s.sqlite
                .prepare(
                  `SELECT d.address, k.code, o.offered_on, a.starts_on, a.contract_kind
                 FROM allocations a JOIN dwellings d ON d.id = a.dwelling_id
                 JOIN clients k ON k.id = a.client_id JOIN offers o ON o.id = a.offer_id
                 ORDER BY a.id`,
                )
                .raw()
                .all(),
            ),
          )
          .digest('hex')
      const again = openStore(join(dir, 'again.db'))
      try {
        const second = await loadDemo(
          createContext(again, { now: () => NOW, actor: TEST_ACTOR }),
          2019,
        )
        expect(second).toEqual(summary)
        expect(digest(again)).toBe(digest(store))
        const auditTrail = (s: SqliteStore) =>
          s.sqlite
            .prepare(
              'SELECT at, action, entity_id, summary FROM audit_events WHERE id < (SELECT max(id) FROM audit_events) ORDER BY id',
            )
            .raw()
            .all()
        expect(auditTrail(again)).toEqual(auditTrail(store))
      } finally {
        again.close()
      }
    },
    LOAD_TIMEOUT,
  )
})

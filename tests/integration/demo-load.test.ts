import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/main/db/connection'
import { auditEvents, corporations } from '../../src/main/db/schema'
import { createContext } from '../../src/main/services/context'
import { loadDemo } from '../../src/main/services/demo-service'
import { ApiError } from '../../src/shared/api/endpoint'
import { TEST_ACTOR, useTempDir } from '../support/temp-db'

const NOW = new Date('2026-11-23T09:00:00Z')

const TABLES = [
  'corporations',
  'care_providers',
  'clients',
  'dwellings',
  'quarters',
  'quarter_quotas',
  'year_targets',
  'settings',
  'audit_events',
] as const

function counts(store: Store): Record<(typeof TABLES)[number], number> {
  const n = (table: string) =>
    (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  return Object.fromEntries(TABLES.map((t) => [t, n(t)])) as Record<(typeof TABLES)[number], number>
}

function refusal(run: () => unknown): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('loadDemo weigerde niet')
}

describe('loading the demo data', () => {
  const tempDir = useTempDir()
  const open = () => openStore(join(tempDir(), 'demo.db'))

  it('fills an empty database with exactly what the summary reports, with one audit event', () => {
    const store = open()
    try {
      const ctx = createContext(store, { now: () => NOW, actor: TEST_ACTOR })
      const started = performance.now()
      const summary = loadDemo(ctx)
      const elapsed = performance.now() - started

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
        audit_events: 1,
      })
      expect(elapsed).toBeLessThan(2000)

      const event = store.db.select().from(auditEvents).get()
      expect(event).toMatchObject({
        action: 'demo:load',
        entityType: 'database',
        officer: TEST_ACTOR.officer,
        at: NOW.toISOString(),
      })
      expect(event?.summary).toContain(`${summary.clients} wachtende cliënten`)
      expect(event?.summary).toContain(`${summary.dwellings} woningen`)
    } finally {
      store.close()
    }
  })

  it('links every client and dwelling to a stored care provider and corporation', () => {
    const store = open()
    try {
      loadDemo(createContext(store, { now: () => NOW, actor: TEST_ACTOR }), 7)
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
  })

  it('refuses a second load with a conflict and leaves the database as it was', () => {
    const store = open()
    try {
      const ctx = createContext(store, { now: () => NOW, actor: TEST_ACTOR })
      loadDemo(ctx)
      const before = counts(store)

      const error = refusal(() => loadDemo(ctx, 99))
      expect(error.code).toBe('conflict')
      expect(error.message).toMatch(/lege database/)
      expect(counts(store)).toEqual(before)
    } finally {
      store.close()
    }
  })

  it('refuses when a corporation was already registered by hand, adding nothing', () => {
    const store = open()
    try {
      store.db.insert(corporations).values({ name: 'Mitros', socialStock: 16_000 }).run()
      const before = counts(store)
      const error = refusal(() =>
        loadDemo(createContext(store, { now: () => NOW, actor: TEST_ACTOR })),
      )
      expect(error.code).toBe('conflict')
      expect(counts(store)).toEqual(before)
    } finally {
      store.close()
    }
  })
})

import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DwellingMatching, GenerateSummary } from '../../src/shared/api'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createHandlers } from '../../src/main/api/handlers'
import { openStore, type SqliteStore } from '../../src/main/db/connection'
import * as schema from '../../src/main/db/schema'
import { openRuntime } from '../../src/main/runtime'
import { createContext } from '../../src/main/services/context'
import {
  loadClientFacts,
  loadDwellingFacts,
  rankingContext,
} from '../../src/main/services/matching-facts'
import { waitingState } from '../../src/main/services/waiting-state'
import { scoreTotal } from '../../src/main/domain/ranking'
import { copyDemo } from '../support/shared-files'
import TEN_YEARS from '../fixtures/planner-stats-ten-years.json'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from '../support/temp-db'

/** Tables that grow with the years: a hot query must find its rows in them by an index. */
const LARGE = [
  'clients',
  'dwellings',
  'shortlists',
  'shortlist_candidates',
  'offers',
  'allocations',
  'audit_events',
]

/**
 * Gives the file the planner statistics of the ten-year database (`npm run bench:stats`). Every
 * file the app has closed once has statistics (`PRAGMA optimize`), and SQLite plans by them: on the
 * small demo a scan is then often honestly cheaper, so the plans are checked as on ten years
 * (SQLite's documented way to see production plans on a small database: its stat tables).
 */
function withTenYearStatistics(file: string): void {
  const sqlite = new Database(file)
  try {
    sqlite.exec('ANALYZE') // creates the stat tables; their rows are replaced below
    const indexes = sqlite
      .prepare(
        `SELECT tbl_name AS tbl, name AS idx FROM sqlite_schema WHERE type = 'index' AND tbl_name IN (${LARGE.map(() => '?').join(', ')})`,
      )
      .all(...LARGE) as { tbl: string; idx: string }[]
    const known = new Set(TEN_YEARS.map((row) => row.idx))
    // A new index without statistics would be planned on guesses: measure it on ten years first.
    expect(indexes.filter((i) => !known.has(i.idx)).map((i) => i.idx)).toEqual([])
    sqlite.transaction(() => {
      sqlite.exec('DELETE FROM sqlite_stat1')
      if (sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat4'").get())
        sqlite.exec('DELETE FROM sqlite_stat4')
      const insert = sqlite.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)')
      for (const row of TEN_YEARS) insert.run(row.tbl, row.idx, row.stat)
    })()
  } finally {
    // Closed without the store's PRAGMA optimize, which would measure the demo's own sizes again.
    sqlite.close()
  }
}

/** The same store, with every statement the services prepare written down. */
function recording(store: SqliteStore): { store: SqliteStore; statements: Set<string> } {
  const statements = new Set<string>()
  const client = Object.create(store.sqlite) as Database.Database
  client.prepare = ((source: string) => {
    statements.add(source)
    return store.sqlite.prepare(source)
  }) as Database.Database['prepare']
  return { store: { ...store, sqlite: client, db: drizzle({ client, schema }) }, statements }
}

/** SQLite's plan for a statement, its parameters bound to null (the plan does not depend on them). */
function plan(sqlite: Database.Database, source: string): string[] {
  const named = [...new Set([...source.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))]
  const statement = sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`)
  const rows = (
    named.length > 0
      ? statement.all(Object.fromEntries(named.map((name) => [name, null])))
      : statement.all(...Array<null>((source.match(/\?/g) ?? []).length).fill(null))
  ) as { detail: string }[]
  return rows.map((r) => r.detail)
}

describe('the hot paths of matching', () => {
  const tempDir = useTempDir()

  it('find their rows in the large tables by an index, never by a scan', async () => {
    const file = join(tempDir(), 'plans.db')
    await copyDemo(file, { seed: 7 })
    withTenYearStatistics(file)
    const store = openStore(file)
    try {
      const { store: watched, statements } = recording(store)
      const ctx = createContext(watched, { actor: TEST_ACTOR, now: () => FIXED_NOW })
      const routes = createDispatcher(createHandlers(ctx))
      const call = async <T>(channel: string, input: unknown) => {
        const result = await routes.get(channel)!(input)
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
        return result.data as T
      }

      // The batch, one dwelling's pool and screens, and each step of a round.
      await call<GenerateSummary>('shortlists:generate', { quarter: '2026-Q4' })
      const concepts = store.sqlite
        .prepare("SELECT id, dwelling_id AS dwellingId FROM shortlists WHERE status = 'concept'")
        .all() as { id: number; dwellingId: number }[]
      const [first, second] = concepts
      await call('shortlists:board', { quarter: '2026-Q4' })
      await call('shortlists:pool', { dwellingId: first!.dwellingId })
      await call('shortlists:pool', { dwellingId: first!.dwellingId, search: 'K-0000' })
      await call('shortlists:present', { shortlistId: first!.id })
      await call('shortlists:rejectAll', {
        shortlistId: first!.id,
        rejection: { reason: 'woning-past-niet' },
        motivation: 'Te klein voor het gezin',
      })
      const state = await call<DwellingMatching>('shortlists:present', { shortlistId: second!.id })
      await call('shortlists:choose', {
        shortlistId: second!.id,
        clientId: state.rounds[0]!.candidates[0]!.clientId,
      })

      const scans = [...statements]
        .filter((source) => /^\s*(select|update|delete|insert)/i.test(source))
        .flatMap((source) =>
          plan(store.sqlite, source)
            .filter((detail) => {
              const scanned = /^SCAN (\w+)/.exec(detail)?.[1]
              return scanned !== undefined && LARGE.includes(scanned)
            })
            .map((detail) => `${detail}  ←  ${source}`),
        )
      expect(statements.size).toBeGreaterThan(20)
      expect(scans).toEqual([])
    } finally {
      store.close()
    }
  })

  it('keep the waiting list in memory for the pool, brought up to date by each write', async () => {
    const file = join(tempDir(), 'cache.db')
    await copyDemo(file, { seed: 7 })
    const runtime = await openRuntime(file, {
      context: { actor: TEST_ACTOR, now: () => FIXED_NOW },
      startupTasks: false,
    })
    try {
      const call = async <T>(channel: string, input: unknown) => {
        const result = await runtime.routes.get(channel)!(input)
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
        return result.data as T
      }
      const before = await waitingState(runtime.ctx)
      expect(await waitingState(runtime.ctx)).toBe(before)
      const dwellingId = runtime.store.sqlite
        .prepare(
          // A dwelling of the open quarter open to both flows: earlier quarters' leftovers may have
          // nobody eligible at all.
          "SELECT id FROM dwellings WHERE status = 'ingediend' AND quarter_key = '2026-Q4' AND suitable_for = 'beide' ORDER BY id LIMIT 1",
        )
        .pluck()
        .get() as number
      const pool = async () =>
        await call<{ eligible: number; entries: { clientId: number; score: number | null }[] }>(
          'shortlists:pool',
          {
            dwellingId,
          },
        )
      const { eligible, entries } = await pool()
      expect(eligible).toBeGreaterThan(1)
      // The remembered scores are exactly the ones computed from scratch.
      const db = runtime.store.db
      const [dwelling] = await loadDwellingFacts(db, [dwellingId])
      const fresh = await rankingContext(runtime.ctx, db, await loadClientFacts(db))
      for (const entry of entries) {
        const [client] = await loadClientFacts(db, [entry.clientId])
        expect(entry.score).toBe(scoreTotal(client!, dwelling!, fresh))
      }

      // A write through the services: the client put on hold leaves the pool at once.
      const onHold = entries[0]!.clientId
      await call('clients:setStatus', {
        id: onHold,
        status: 'on-hold',
        reason: 'Tijdelijk opgenomen',
      })
      const after = await pool()
      expect(after.eligible).toBe(eligible - 1)
      expect(after.entries.map((e) => e.clientId)).not.toContain(onHold)
      expect(await waitingState(runtime.ctx)).not.toBe(before)

      // A commit by another program on the same file (the CLI beside the app) is seen too.
      const other = openStore(file)
      try {
        other.sqlite.prepare("UPDATE clients SET status = 'wachtend' WHERE id = ?").run(onHold)
      } finally {
        other.close()
      }
      expect((await pool()).eligible).toBe(eligible)

      // A rolled-back write leaves no trace: its notes roll back with it, the kept state stands.
      const cached = await waitingState(runtime.ctx)
      runtime.store.sqlite.exec('BEGIN')
      runtime.store.sqlite.prepare("UPDATE clients SET status = 'on-hold' WHERE id = ?").run(onHold)
      expect((await waitingState(runtime.ctx)).waiting.some((c) => c.id === onHold)).toBe(false)
      runtime.store.sqlite.exec('ROLLBACK')
      expect(await waitingState(runtime.ctx)).toBe(cached)
      expect(cached.waiting.some((c) => c.id === onHold)).toBe(true)
    } finally {
      runtime.close()
    }
  })
})

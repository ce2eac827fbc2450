import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DwellingMatching } from '../../src/shared/api'
import { openRuntime, type Runtime } from '../../src/main/runtime'
import { loadDemo } from '../../src/main/services/demo-service'
import { loadClientFacts, rankingContext } from '../../src/main/services/matching-facts'
import { waitingState } from '../../src/main/services/waiting-state'
import { call } from '../support/call'
import { copyDemo } from '../support/shared-files'
import { sqlOne, sqlRows } from '../support/sql-rows'
import { STORE_KINDS, useRuntimeOn } from '../support/stores'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from '../support/temp-db'

const open = async (file: string) =>
  await openRuntime(file, {
    context: { actor: TEST_ACTOR, now: () => FIXED_NOW },
    startupTasks: false,
    lock: false,
  })

/** Every round and candidate as written, without times: what two runs must agree on. */
async function rounds(runtime: Runtime) {
  return await sqlRows(
    runtime,
    `SELECT s.dwelling_id, s.round, s.status, s.eligible_pool_size,
            c.client_id, c.position, c.score, c.score_parts, c.decided_by_balance
       FROM shortlists s LEFT JOIN shortlist_candidates c ON c.shortlist_id = s.id
      ORDER BY s.dwelling_id, s.round, c.position`,
  )
}

const openOn = async (runtime: Runtime, shortlistId: number) =>
  (
    await sqlRows<{ id: number }>(
      runtime,
      "SELECT client_id AS id FROM shortlist_candidates WHERE shortlist_id = ? AND decision = 'open' ORDER BY position",
      shortlistId,
    )
  ).map((row) => row.id)

/** The kept state must be what reading everything afresh gives. */
async function expectFresh(runtime: Runtime) {
  const { ctx } = runtime
  const kept = await waitingState(ctx)
  const waiting = await loadClientFacts(ctx.store.db)
  expect(kept.waiting).toEqual(waiting)
  const ranking = await rankingContext(ctx, ctx.store.db, waiting)
  expect(kept.ranking.groups).toEqual(ranking.groups)
  expect(kept.ranking.providers).toEqual(ranking.providers)
  expect(kept.ranking.complexPlacements).toEqual(ranking.complexPlacements)
  expect(kept.ranking.wijkLoad).toEqual(ranking.wijkLoad)
}

describe.each(STORE_KINDS)('the waiting state kept between calls (%s)', (kind) => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()

  it('gives a new round the very candidates a fresh read gives, step after step', async () => {
    const dir = tempDir()
    const base = join(dir, 'base.db')
    await copyDemo(base, { seed: 7 })
    const setup = await open(base)
    try {
      await call(setup, 'shortlists:generate', { quarter: '2026-Q4' })
      const concepts = setup.store.sqlite
        .prepare("SELECT id FROM shortlists WHERE status = 'concept' ORDER BY id LIMIT 8")
        .pluck()
        .all() as number[]
      for (const shortlistId of concepts) await call(setup, 'shortlists:present', { shortlistId })
      setup.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      setup.close()
    }
    copyFileSync(base, join(dir, 'kept.db'))
    copyFileSync(base, join(dir, 'afresh.db'))
    // The same base each run (the seeded demo, its batch, eight rounds presented): one template.
    const kept = await runtimeOn(kind, join(dir, 'kept.db'), { template: 'waiting-state-base' })
    const afresh = await runtimeOn(kind, join(dir, 'afresh.db'), {
      template: 'waiting-state-base',
    })
    // Only `kept` ever holds a state outside a transaction; `afresh` reads all in every step.
    await waitingState(kept.ctx)
    const presented = (
      await sqlRows<{ id: number }>(
        kept,
        "SELECT id FROM shortlists WHERE status = 'voorgedragen' ORDER BY id",
      )
    ).map((row) => row.id)
    expect(presented.length).toBeGreaterThanOrEqual(6)
    const both = async <T>(channel: string, input: unknown) => {
      const [a, b] = [await call<T>(kept, channel, input), await call<T>(afresh, channel, input)]
      await expectFresh(kept)
      return [a, b] as const
    }
    const [p0, p1, p2, p3, p4, p5] = presented as [number, number, number, number, number, number]
    const [a] = await both<DwellingMatching>('shortlists:rejectAll', {
      shortlistId: p0,
      rejection: { reason: 'woning-past-niet' },
      motivation: 'Te klein voor het gezin',
    })
    // The next round's best candidate goes on hold: it must leave the following rounds.
    const next = a.rounds[0]!.candidates[0]!.clientId
    await both('clients:setStatus', {
      id: next,
      status: 'on-hold',
      reason: 'Tijdelijk opgenomen',
    })
    await both('shortlists:rejectAll', {
      shortlistId: p1,
      rejection: { reason: 'woning-past-niet' },
      motivation: 'Past niet bij de buurt',
    })
    const [chosen] = await both<DwellingMatching>('shortlists:choose', {
      shortlistId: p2,
      clientId: (await openOn(kept, p2))[0],
    })
    expect(chosen.offers.length).toBe(1)
    for (const shortlistId of [p3, p4]) {
      for (const clientId of await openOn(kept, shortlistId))
        await both('shortlists:rejectCandidate', {
          shortlistId,
          clientId,
          rejection: { reason: 'woning-past-niet', text: null },
        })
    }
    // A rolled-back step leaves the kept state as it was. (On PostgreSQL a step's transaction is
    // the pool's, out of the test's reach; there the state is never kept inside a step at all.)
    if (kept.store.dialect === 'sqlite') {
      kept.store.sqlite.exec('BEGIN')
      await call(kept, 'shortlists:rejectAll', {
        shortlistId: p5,
        rejection: { reason: 'woning-past-niet' },
        motivation: 'Wordt teruggedraaid',
      })
      kept.store.sqlite.exec('ROLLBACK')
      await expectFresh(kept)
    }
    await both('shortlists:rejectAll', {
      shortlistId: p5,
      rejection: { reason: 'woning-past-niet' },
      motivation: 'Nu echt afgewezen',
    })
    expect(await rounds(kept)).toEqual(await rounds(afresh))
    expect(
      (await sqlOne<{ n: number }>(kept, 'SELECT count(*) AS n FROM shortlists WHERE round > 1')).n,
    ).toBeGreaterThanOrEqual(4)
  })
})

/**
 * SQLite only: the notes are the file connection's temporary triggers, and these writes go
 * straight to that connection. On PostgreSQL every write is a step whose change note drops the
 * kept state (waiting-state.ts, teamState; team-waiting-cache.test.ts).
 */
describe('the waiting state kept between calls: the notes of a SQLite connection', () => {
  const tempDir = useTempDir()

  it('notes every write that moves a waiting fact, a group total or an open-list count', async () => {
    const runtime = await open(join(tempDir(), 'notes.db'))
    try {
      await loadDemo(runtime.ctx, 7)
      await call(runtime, 'shortlists:generate', { quarter: '2026-Q4' })
      const { sqlite } = runtime.store
      const ids = (sql: string) => sqlite.prepare(sql).pluck().all() as number[]
      const concepts = ids("SELECT id FROM shortlists WHERE status = 'concept' ORDER BY id LIMIT 6")
      expect(concepts.length).toBe(6)
      const [c0, c1, c2, c3, c4, c5] = concepts as [number, number, number, number, number, number]
      const candidate = (shortlistId: number) =>
        sqlite
          .prepare(
            'SELECT id, client_id FROM shortlist_candidates WHERE shortlist_id = ? ORDER BY position',
          )
          .get(shortlistId) as { id: number; client_id: number }
      const waiting = ids("SELECT id FROM clients WHERE status = 'wachtend' ORDER BY id")
      const free = ids(
        `SELECT id FROM clients WHERE status = 'wachtend' AND id NOT IN
           (SELECT client_id FROM shortlist_candidates) ORDER BY id LIMIT 2`,
      )
      const groups = ids('SELECT DISTINCT target_group FROM clients') as unknown as string[]
      await waitingState(runtime.ctx)
      // Each write goes straight to the connection, beside the services: only the notes see it.
      const writes: [string, unknown[]][] = [
        // Counts of open lists: a decision, a round closed, a round deleted, a candidate moved, added.
        [
          "UPDATE shortlist_candidates SET decision = 'geen-match' WHERE id = ?",
          [candidate(c0).id],
        ],
        ["UPDATE shortlists SET status = 'afgewezen' WHERE id = ?", [c1]],
        ['DELETE FROM shortlists WHERE id = ?', [c2]],
        ['UPDATE shortlist_candidates SET client_id = ? WHERE id = ?', [free[0], candidate(c3).id]],
        [
          "INSERT INTO shortlist_candidates (shortlist_id, client_id, position, score, score_parts) VALUES (?, ?, 9, 0, '[]')",
          [c4, free[1]],
        ],
        ['UPDATE shortlists SET status = ? WHERE id = ?', ['gekozen', c5]],
        // Group totals: a longer wait, another group, a client leaving and one coming back.
        ["UPDATE clients SET registered_on = '2019-01-01' WHERE id = ?", [waiting[0]]],
        ['UPDATE clients SET target_group = ? WHERE id = ?', [groups.at(-1), waiting[1]]],
        ["UPDATE clients SET status = 'on-hold' WHERE id = ?", [waiting[2]]],
        ["UPDATE clients SET status = 'wachtend' WHERE id = ?", [waiting[2]]],
      ]
      for (const [sql, params] of writes) {
        sqlite.prepare(sql).run(...params)
        await expectFresh(runtime)
      }
      // The same inside a transaction that is rolled back: the state caught up, then as before.
      sqlite.exec('BEGIN')
      sqlite.prepare("UPDATE clients SET status = 'on-hold' WHERE id = ?").run(waiting[3])
      expect((await waitingState(runtime.ctx)).waiting.some((c) => c.id === waiting[3])).toBe(false)
      sqlite.exec('ROLLBACK')
      await expectFresh(runtime)
    } finally {
      runtime.close()
    }
  })
})

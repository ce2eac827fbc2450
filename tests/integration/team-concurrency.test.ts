/**
 * Three desks, three processes, one PostgreSQL database (issue 14, docs/team-mode.md §8): on the
 * demo's open quarter they present, choose, reject, reject all and answer offers at once, each desk
 * picking dwellings at random (seeded) and often the same ones as the others, meeting at a barrier
 * before every step so their steps really start together. Afterwards:
 *  - every dwelling, round, candidate, offer and client is in one consistent state (team-load.ts's
 *    INVARIANTS), as it was before the desks started;
 *  - every success has its own audit row, per action as many rows as successes, and its effect is
 *    still there (no lost update);
 *  - every refusal is a conflict in Dutch, never a system error;
 *  - the successful steps replayed one at a time, in the order they committed (the commit timestamp
 *    of each one's audit rows: an audit id tells when a row was written, not when it committed), on
 *    a copy of the database from before, end in the same rows and the same trail — new rounds'
 *    scores included, which holds because every step commits under the placement lock's shared
 *    form (step-queue.ts).
 * TEAM_CONCURRENCY_STEPS (steps per desk) and TEAM_CONCURRENCY_SEED repeat or widen a run.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resourcePath } from '../../src/main/db/connection'
import { openTeamRuntime } from '../../src/main/runtime'
import type { BoardRow } from '../../src/shared/api'
import { testClusterUrl, usePgDatabase, withDatabase } from '../support/pg-database'
import { copyDemo } from '../support/shared-files'
import { copyToPostgres, TEST_CONTEXT } from '../support/stores'
import { seeded } from '../support/team-desk'
import {
  auditSince,
  bundleDesk,
  checkInvariants,
  compareSnapshots,
  countsOf,
  isDutchRefusal,
  lastAuditId,
  lostUpdates,
  matchAudit,
  removeBundle,
  replaySerially,
  runDesks,
  snapshot,
} from '../support/team-load'
import { FIXED_NOW, useTempDir } from '../support/temp-db'

const QUARTER = '2026-Q4'
const DESKS = 3
const STEPS = Number(process.env['TEAM_CONCURRENCY_STEPS'] ?? 25)
const SEED = Number(process.env['TEAM_CONCURRENCY_SEED'] ?? 14)

const started = performance.now()
const mark = (what: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${what}`)

async function onCluster(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testClusterUrl() })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

describe('drie bureaus tegelijk op één PostgreSQL-database', () => {
  const tempDir = useTempDir()
  const freshDatabase = usePgDatabase()
  let bundle = ''
  beforeAll(async () => {
    bundle = await bundleDesk()
  })
  afterAll(() => removeBundle(bundle))

  it('laat elke ronde in één consistente toestand, met een auditregel per stap, gelijk aan een seriële herhaling', async () => {
    // The demo in PostgreSQL, and the quarter's concept rounds made once, as on a usual morning.
    const file = join(tempDir(), 'demo.db')
    await copyDemo(file, { seed: 7 })
    mark('demo')
    const url = await freshDatabase()
    const target = await copyToPostgres(file, url)
    mark('copied into PostgreSQL')
    const setup = await openTeamRuntime(target, { context: TEST_CONTEXT, startupTasks: false })
    let dwellings: number[]
    try {
      const generated = await setup.routes.get('shortlists:generate')!({ quarter: QUARTER })
      expect(generated.ok).toBe(true)
      const board = await setup.routes.get('shortlists:board')!({ quarter: QUARTER })
      if (!board.ok) throw new Error(board.error.message)
      dwellings = (board.data as BoardRow[])
        .filter((row) => row.shortlistId !== null)
        .map((row) => row.dwellingId)
    } finally {
      await setup.close()
    }
    mark(`generated: ${dwellings.length} rounds`)
    expect(dwellings.length).toBeGreaterThan(20)
    // Before anything happens: the invariants hold on the demo (else they are not invariants).
    expect(await checkInvariants(url)).toEqual([])

    // The copy the serial replay starts from: this database as the desks will find it.
    const replayName = `${target.database}_serieel`
    await onCluster(`CREATE DATABASE "${replayName}" TEMPLATE "${target.database}"`)
    const replayUrl = withDatabase(testClusterUrl(), replayName)
    try {
      const auditStart = await lastAuditId(url)
      const rng = seeded(SEED)
      const hot = [...dwellings].sort(() => rng() - 0.5).slice(0, 6)
      const results = await runDesks(
        bundle,
        DESKS,
        SEED,
        {
          url,
          steps: STEPS,
          dwellings,
          hot,
          hotShare: 0.7,
          acceptShare: 0.35,
          reread: true,
          lockstep: true,
          now: FIXED_NOW.toISOString(),
          migrationsFolder: resourcePath('migrations-pg'),
        },
        mkdtempSync(join(tmpdir(), 'vierde-huis-team-')),
      )
      mark('desks done')
      const steps = results.flatMap((r) => r.steps)
      const successes = steps.filter((s) => s.ok)
      const refusals = steps.filter((s) => !s.ok)

      const violations = await checkInvariants(url)
      const trail = await auditSince(url, auditStart)
      const audit = matchAudit(results, trail)
      const lost = await lostUpdates(url, steps)
      const notDutch = refusals.filter((s) => !isDutchRefusal(s))
      const replay = await replaySerially(
        url,
        replayUrl,
        audit.matched,
        FIXED_NOW,
        resourcePath('migrations-pg'),
      )
      mark('replayed')
      const concurrentState = await snapshot(url, auditStart)
      const serialState = await snapshot(replayUrl, auditStart)
      const diffs = compareSnapshots(concurrentState, serialState)

      // What happened, for the report when something breaks (and as a record when nothing does).
      const perChannel: Record<string, { ok: number; refused: number }> = {}
      for (const s of steps) {
        perChannel[s.channel] ??= { ok: 0, refused: 0 }
        perChannel[s.channel]![s.ok ? 'ok' : 'refused']++
      }
      console.log(
        JSON.stringify(
          {
            seed: SEED,
            steps: steps.length,
            perChannel,
            refusalMessages: [...new Set(refusals.map((s) => `${s.code}: ${s.message}`))],
            violations: violations.slice(0, 20),
            violationCount: violations.length,
            withoutAuditRow: audit.matched.filter((m) => m.auditId === null).map((m) => m.step),
            unclaimedAuditRows: audit.unclaimed,
            perAction: audit.perAction,
            lost,
            replayRefused: replay.refused,
            diffs: diffs.slice(0, 30),
            diffCount: diffs.length,
            counts: { concurrent: countsOf(concurrentState), serial: countsOf(serialState) },
          },
          null,
          1,
        ),
      )

      // The run really raced: every kind of step succeeded, and desks were refused on each other's changes.
      for (const channel of [
        'shortlists:present',
        'shortlists:choose',
        'shortlists:rejectCandidate',
        'offers:decline',
      ])
        expect.soft(perChannel[channel]?.ok ?? 0, channel).toBeGreaterThan(0)
      expect.soft(refusals.length, 'geweigerde stappen').toBeGreaterThan(0)

      expect.soft(violations, 'inconsistente toestanden').toEqual([])
      expect.soft(notDutch, 'weigeringen die geen Nederlands conflict zijn').toEqual([])
      expect
        .soft(
          audit.matched.filter((m) => m.auditId === null),
          'stappen zonder auditregel',
        )
        .toEqual([])
      expect.soft(audit.unclaimed, 'auditregels zonder gelukte stap').toEqual([])
      for (const [action, { successes: n, rows }] of Object.entries(audit.perAction))
        expect.soft(rows, action).toBe(n)
      expect.soft(lost, 'verloren wijzigingen').toEqual([])
      expect.soft(replay.steps).toBe(successes.length)
      expect.soft(replay.refused, 'serieel geweigerd').toEqual([])
      expect.soft(countsOf(concurrentState)).toEqual(countsOf(serialState))
      expect.soft(diffs, 'verschillen met de seriële herhaling').toEqual([])
    } finally {
      await onCluster(`DROP DATABASE IF EXISTS "${replayName}" WITH (FORCE)`)
    }
  }, 600_000)
})

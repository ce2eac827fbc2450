/**
 * Two desks on one PostgreSQL database acting on the same round, offer or quarter at once
 * (docs/team-mode.md §4, §5): exactly one step wins, the other is refused with a Dutch message that
 * names what changed, by whom and when, and nothing of the refused step is written. On SQLite the
 * same calls one after the other give the same message (the second sees the new state).
 */
import { join } from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { BATCH_LOCK } from '../../src/main/db/pg-store'
import type { PgTarget } from '../../src/main/db/pg-url'
import { openRuntime, openTeamRuntime, type Runtime } from '../../src/main/runtime'
import { momentWords } from '../../src/main/services/conflicts'
import type { Actor } from '../../src/main/services/context'
import type {
  ApiResult,
  DwellingMatching,
  GenerateSummary,
  ImportReport,
} from '../../src/shared/api'
import { DECLINE_REASON, REJECTION_REASON } from '../../src/shared/domain/vocabulary'
import { fillTemplate, payload } from '../support/excel-files'
import { dwellingRow } from '../support/excel-rows'
import { usePgDatabase } from '../support/pg-database'
import { copyDemo } from '../support/shared-files'
import { copyToPostgres } from '../support/stores'
import { FIXED_NOW, useTempDir } from '../support/temp-db'

const QUARTER = '2026-Q4'
const ANNA: Actor = { officer: 'Anna', osUser: 'anna', desk: 'bureau-1' }
const BRAM: Actor = { officer: 'Bram', osUser: 'bram', desk: 'bureau-2' }
/** How the message writes the moment of the audit rows (the tests' fixed clock, local time). */
const AT = momentWords(FIXED_NOW, FIXED_NOW).words

async function attempt<T>(
  runtime: Runtime,
  channel: string,
  input: unknown,
): Promise<ApiResult<T>> {
  return (await runtime.routes.get(channel)!(input)) as ApiResult<T>
}

async function call<T>(runtime: Runtime, channel: string, input: unknown): Promise<T> {
  const result = await attempt<T>(runtime, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.data
}

interface Desk {
  actor: Actor
  runtime: Runtime
}

/**
 * Both desks make their call at the same moment: exactly one succeeds; the other is refused as a
 * conflict. Answers the winner and the loser's message.
 */
async function race<T>(
  desks: readonly [Desk, Desk],
  calls: readonly [[string, unknown], [string, unknown]],
): Promise<{ winner: Desk; won: T; loser: Desk; message: string }> {
  const results = await Promise.all(
    desks.map((desk, i) => attempt<T>(desk.runtime, calls[i]![0], calls[i]![1])),
  )
  const ok = results.map((r) => r.ok)
  expect(ok.filter(Boolean), JSON.stringify(results.map((r) => !r.ok && r.error))).toHaveLength(1)
  const w = ok.indexOf(true)
  const lost = results[1 - w]!
  if (lost.ok) throw new Error('unreachable')
  expect(lost.error.code).toBe('conflict')
  return {
    winner: desks[w]!,
    won: (results[w] as { ok: true; data: T }).data,
    loser: desks[1 - w]!,
    message: lost.error.message,
  }
}

describe('twee bureaus op één PostgreSQL-database', () => {
  const tempDir = useTempDir()
  const freshDatabase = usePgDatabase()
  const open: Runtime[] = []
  afterEach(async () => {
    for (const runtime of open.splice(0)) await runtime.close()
  })

  async function teamOf(target: PgTarget, actor: Actor): Promise<Desk> {
    const runtime = await openTeamRuntime(target, {
      context: { actor, now: () => FIXED_NOW },
      startupTasks: false,
    })
    open.push(runtime)
    return { actor, runtime }
  }

  async function twoDesks(): Promise<{ desks: [Desk, Desk]; target: PgTarget }> {
    const file = join(tempDir(), 'team.db')
    await copyDemo(file, { seed: 7 })
    const target = await copyToPostgres(file, await freshDatabase())
    return { desks: [await teamOf(target, ANNA), await teamOf(target, BRAM)], target }
  }

  async function one<T>(target: PgTarget, query: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: target.url })
    await client.connect()
    try {
      return (await client.query(query, params)).rows as T[]
    } finally {
      await client.end()
    }
  }

  const auditCount = async (target: PgTarget, action: string, key: string, id: number) =>
    (
      await one<{ n: number }>(
        target,
        `SELECT count(*)::int AS n FROM audit_events
         WHERE action = $1 AND (details::jsonb ->> '${key}') = $2`,
        [action, String(id)],
      )
    )[0]!.n

  it('laat van twee gelijktijdige stappen op één voordracht of aanbieding er precies één door en noemt de ander wie het deed', async () => {
    const { desks, target } = await twoDesks()
    const [anna] = desks
    await call(anna.runtime, 'shortlists:generate', { quarter: QUARTER })
    const rounds = await one<{ id: number; dwelling_id: number }>(
      target,
      `SELECT s.id, s.dwelling_id FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
       WHERE s.status = 'concept' AND d.quarter_key = $1 ORDER BY s.eligible_pool_size DESC, s.id LIMIT 3`,
      [QUARTER],
    )
    expect(rounds).toHaveLength(3)

    // 1. Both present the same concept round.
    for (const round of rounds) {
      const present = await race<DwellingMatching>(desks, [
        ['shortlists:present', { shortlistId: round.id }],
        ['shortlists:present', { shortlistId: round.id }],
      ])
      expect(present.message).toContain(
        `Deze voordracht is zojuist voorgedragen door ${present.winner.actor.officer} (${AT})`,
      )
      expect(await auditCount(target, 'shortlist:present', 'shortlistId', round.id)).toBe(1)
    }

    // 2. One chooses a candidate while the other rejects the whole round.
    const [first, second, third] = rounds as [
      (typeof rounds)[0],
      (typeof rounds)[0],
      (typeof rounds)[0],
    ]
    const candidatesOf = async (shortlistId: number) =>
      (
        await one<{ client_id: number }>(
          target,
          'SELECT client_id FROM shortlist_candidates WHERE shortlist_id = $1 ORDER BY position',
          [shortlistId],
        )
      ).map((r) => r.client_id)
    const rejection = { reason: REJECTION_REASON.keys[0] }
    const [firstClient] = await candidatesOf(first.id)
    const decided = await race<DwellingMatching>(desks, [
      ['shortlists:choose', { shortlistId: first.id, clientId: firstClient }],
      [
        'shortlists:rejectAll',
        { shortlistId: first.id, rejection, motivation: 'Past niet bij dit complex.' },
      ],
    ])
    const chose = decided.winner === desks[0]
    expect(decided.message).toContain(
      chose
        ? `Op deze voordracht is zojuist de keuze van de corporatie vastgelegd door Anna (${AT})`
        : `Deze voordracht is zojuist afgewezen door Bram (${AT})`,
    )
    const [state] = await one<{ status: string; offers: number }>(
      target,
      `SELECT s.status, (SELECT count(*)::int FROM offers o WHERE o.dwelling_id = s.dwelling_id) AS offers
       FROM shortlists s WHERE s.id = $1`,
      [first.id],
    )
    expect(state).toEqual(
      chose ? { status: 'gekozen', offers: 1 } : { status: 'afgewezen', offers: 0 },
    )
    expect(await auditCount(target, 'shortlist:choose', 'shortlistId', first.id)).toBe(
      chose ? 1 : 0,
    )
    expect(await auditCount(target, 'shortlist:rejectAll', 'shortlistId', first.id)).toBe(
      chose ? 0 : 1,
    )

    // 3. Both choose a different candidate on the same round: one offer, never two.
    const [a, b] = await candidatesOf(second.id)
    const both = await race<DwellingMatching>(desks, [
      ['shortlists:choose', { shortlistId: second.id, clientId: a }],
      ['shortlists:choose', { shortlistId: second.id, clientId: b }],
    ])
    expect(both.message).toContain(
      `Op deze voordracht is zojuist de keuze van de corporatie vastgelegd door ${both.winner.actor.officer} (${AT})`,
    )
    const offers = await one<{ id: number; client_id: number }>(
      target,
      'SELECT id, client_id FROM offers WHERE dwelling_id = $1',
      [second.dwelling_id],
    )
    expect(offers).toHaveLength(1)
    expect(offers[0]!.client_id).toBe(both.winner === desks[0] ? a : b)

    // 4. One records the acceptance while the other records a decline of the same offer.
    const offerId = offers[0]!.id
    const answered = await race<DwellingMatching>(desks, [
      ['offers:accept', { offerId, startsOn: '2026-12-01' }],
      ['offers:decline', { offerId, decline: { reason: DECLINE_REASON.keys[0] } }],
    ])
    const accepted = answered.winner === desks[0]
    expect(answered.message).toContain(
      accepted
        ? `Op deze aanbieding is zojuist de acceptatie vastgelegd door Anna (${AT})`
        : `Op deze aanbieding is zojuist de weigering vastgelegd door Bram (${AT})`,
    )
    const [offer] = await one<{ outcome: string; allocations: number }>(
      target,
      `SELECT o.outcome, (SELECT count(*)::int FROM allocations a WHERE a.offer_id = o.id) AS allocations
       FROM offers o WHERE o.id = $1`,
      [offerId],
    )
    expect(offer).toEqual(
      accepted
        ? { outcome: 'geaccepteerd', allocations: 1 }
        : { outcome: 'geweigerd', allocations: 0 },
    )
    expect(
      (await auditCount(target, 'offer:accept', 'offerId', offerId)) +
        (await auditCount(target, 'offer:decline', 'offerId', offerId)),
    ).toBe(1)

    // 5. Both reject the same candidate: once, and the second hears who did.
    const [c] = await candidatesOf(third.id)
    const rejected = await race<DwellingMatching>(desks, [
      ['shortlists:rejectCandidate', { shortlistId: third.id, clientId: c, rejection }],
      ['shortlists:rejectCandidate', { shortlistId: third.id, clientId: c, rejection }],
    ])
    expect(rejected.message).toContain(
      `Op deze voordracht is zojuist een kandidaat afgewezen door ${rejected.winner.actor.officer} (${AT})`,
    )
    expect(await auditCount(target, 'shortlist:rejectCandidate', 'shortlistId', third.id)).toBe(1)

    // Whatever won: no client stands open on two open rounds, and every audit row names its desk.
    const [doubles] = await one<{ n: number }>(
      target,
      `SELECT count(*)::int AS n FROM (
         SELECT c.client_id FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id
         WHERE s.status IN ('concept', 'voorgedragen') AND c.decision = 'open'
         GROUP BY c.client_id HAVING count(*) > 1) AS d`,
    )
    expect(doubles!.n).toBe(0)
    const desksSeen = await one<{ officer: string; desk: string }>(
      target,
      `SELECT DISTINCT officer, desk FROM audit_events WHERE officer IN ('Anna', 'Bram') ORDER BY officer`,
    )
    // Anna made the batch; Bram shows only if he won a race, which is chance (CI once saw Anna win all).
    const deskOf: Record<string, string> = { Anna: 'bureau-1', Bram: 'bureau-2' }
    expect(desksSeen.map((r) => r.officer)).toContain('Anna')
    for (const row of desksSeen) expect(row.desk).toBe(deskOf[row.officer])
  }, 300_000)

  it('laat een statuswijziging van een kandidaat en de keuze van die kandidaat nooit allebei door', async () => {
    const { desks, target } = await twoDesks()
    const [anna] = desks
    await call(anna.runtime, 'shortlists:generate', { quarter: QUARTER })
    await call(anna.runtime, 'shortlists:presentAll', { quarter: QUARTER })
    const picks = await one<{ shortlist_id: number; client_id: number }>(
      target,
      `SELECT DISTINCT ON (c.client_id) c.shortlist_id, c.client_id
       FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id
       JOIN dwellings d ON d.id = s.dwelling_id
       WHERE s.status = 'voorgedragen' AND d.quarter_key = $1 AND c.decision = 'open'
       ORDER BY c.client_id, c.shortlist_id LIMIT 6`,
      [QUARTER],
    )
    expect(picks).toHaveLength(6)
    for (const [i, pick] of picks.entries()) {
      // Alternate who does what, so each step is sometimes first and sometimes second; the last
      // two erase the client on request instead of putting it on hold.
      const chooseAt = i % 2
      const erase = i >= 4
      const calls: [[string, unknown], [string, unknown]] = [
        erase
          ? ['privacy:eraseClient', { clientId: pick.client_id, reason: 'Verzoek van de cliënt' }]
          : ['clients:setStatus', { id: pick.client_id, status: 'on-hold', reason: 'Opgenomen' }],
        ['shortlists:choose', { shortlistId: pick.shortlist_id, clientId: pick.client_id }],
      ]
      const decided = await race<unknown>(desks, chooseAt === 1 ? calls : [calls[1], calls[0]])
      const chose = desks.indexOf(decided.winner) === chooseAt
      const [client] = await one<{ status: string; offers: number }>(
        target,
        `SELECT status, (SELECT count(*)::int FROM offers WHERE client_id = $1 AND outcome = 'open') AS offers
         FROM clients WHERE id = $1`,
        [pick.client_id],
      )
      // Never on hold or erased with an open offer: the choice wins and the other step is
      // refused, or the other step wins and the client is off the round before it can be chosen.
      const lost = erase ? { status: 'ingetrokken', offers: 0 } : { status: 'on-hold', offers: 0 }
      expect(client).toEqual(chose ? { status: 'aanbieding', offers: 1 } : lost)
    }
  }, 120_000)

  it('importeert hetzelfde woningenbestand op twee bureaus tegelijk één keer en zegt het tweede wat er gebeurde', async () => {
    const { desks, target } = await twoDesks()
    const [anna] = desks
    const [mitros] = await one<{ id: number }>(
      target,
      "SELECT id FROM corporations WHERE name = 'Mitros'",
    )
    const template = await call<{ base64: string }>(anna.runtime, 'dwellings:template', {
      corporationId: mitros!.id,
      quarterKey: '2027-Q1',
    })
    const rows = Array.from({ length: 40 }, (_, i) => dwellingRow(i + 1))
    const file = await fillTemplate(template.base64, 'Woningen', rows)
    const input = payload(file, 'woningen-Mitros-2027-Q1.xlsx')
    const results = await Promise.all(
      desks.map((desk) => attempt<ImportReport>(desk.runtime, 'dwellings:import', input)),
    )
    const count = async () =>
      (
        await one<{ n: number }>(
          target,
          "SELECT count(*)::int AS n FROM dwellings WHERE quarter_key = '2027-Q1'",
        )
      )[0]!.n
    expect(await count()).toBe(40)
    const imports = await one<{ n: number }>(
      target,
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'dwellings:import'",
    )
    const won = results.filter((r) => r.ok)
    // Either the second waited and found them all (no change), or it was refused in Dutch.
    for (const result of results) {
      if (result.ok) expect(result.data.committed).toBe(true)
      else
        expect(result.error.message).toBe(
          'Tijdens het importeren zijn dezelfde woningen op een ander bureau vastgelegd. Er is niets opgeslagen; importeer het bestand opnieuw: wat dan al bestaat, telt als ongewijzigd.',
        )
    }
    expect(imports[0]!.n).toBe(won.length)
    // Imported again: all 40 are there, none new.
    const again = await call<ImportReport>(anna.runtime, 'dwellings:import', input)
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 40, committed: true })
    expect(await count()).toBe(40)
  }, 120_000)

  it('maakt de voordrachten van een kwartaal op één bureau tegelijk en weigert het tweede met wie en sinds wanneer', async () => {
    const { desks, target } = await twoDesks()
    const [anna, bram] = desks
    const quarterKey = 20264

    // Another desk holds the quarter's batch (its transaction still open): refused, nothing written.
    const holder = new pg.Client({ connectionString: target.url })
    await holder.connect()
    try {
      await holder.query('BEGIN')
      await holder.query(
        `SELECT set_config('application_name', 'vierde-huis: Anna@bureau-1', true)`,
      )
      await holder.query('SELECT pg_advisory_xact_lock($1::int4, $2::int4)', [
        BATCH_LOCK,
        quarterKey,
      ])
      const refused = await attempt<GenerateSummary>(bram.runtime, 'shortlists:generate', {
        quarter: QUARTER,
      })
      expect(refused.ok).toBe(false)
      if (refused.ok) return
      expect(refused.error.code).toBe('conflict')
      expect(refused.error.message).toMatch(
        /^De voordrachten voor 2026-Q4 worden al gemaakt op een ander bureau \(Anna op bureau-1, sinds (\d\d:\d\d|\d+ \w+ \d{4}, \d\d:\d\d)\)/,
      )
      await holder.query('ROLLBACK')
    } finally {
      await holder.end()
    }
    const none = await one<{ n: number }>(
      target,
      `SELECT count(*)::int AS n FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
       WHERE d.quarter_key = $1`,
      [QUARTER],
    )
    expect(none[0]!.n).toBe(0)

    // Both desks start the batch at once: one makes the quarter's rounds, the other is refused.
    const batch = await race<GenerateSummary>(desks, [
      ['shortlists:generate', { quarter: QUARTER }],
      ['shortlists:generate', { quarter: QUARTER }],
    ])
    expect(batch.won.shortlistsMade).toBeGreaterThan(50)
    expect(batch.message).toContain(
      `De voordrachten voor 2026-Q4 worden al gemaakt op een ander bureau (${batch.winner.actor.officer} op ${batch.winner.actor.desk}, sinds`,
    )
    const [made] = await one<{ rounds: number; generated: number }>(
      target,
      `SELECT (SELECT count(*)::int FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
               WHERE d.quarter_key = $1) AS rounds,
              (SELECT count(*)::int FROM audit_events
               WHERE action = 'shortlists:generate' AND entity_id = $1) AS generated`,
      [QUARTER],
    )
    expect(made).toEqual({ rounds: batch.won.shortlistsMade, generated: 1 })
    expect(anna.runtime.ctx.actor.desk).toBe('bureau-1')
  }, 300_000)
})

describe('dezelfde stappen na elkaar op het SQLite-bestand', () => {
  const tempDir = useTempDir()

  it('geeft de tweede dezelfde melding: wat er veranderde, door wie en wanneer', async () => {
    const file = join(tempDir(), 'desk.db')
    await copyDemo(file, { seed: 7 })
    const runtime = await openRuntime(file, {
      context: { actor: ANNA, now: () => FIXED_NOW },
      startupTasks: false,
    })
    try {
      const as = (actor: Actor) => {
        runtime.ctx.actor = actor
        return runtime
      }
      await call(as(ANNA), 'shortlists:generate', { quarter: QUARTER })
      const { id } = runtime.store.sqlite
        .prepare(
          "SELECT id FROM shortlists WHERE status = 'concept' ORDER BY eligible_pool_size DESC, id LIMIT 1",
        )
        .get() as { id: number }
      await call(as(ANNA), 'shortlists:present', { shortlistId: id })
      const again = await attempt(as(BRAM), 'shortlists:present', { shortlistId: id })
      expect(again).toMatchObject({
        ok: false,
        error: {
          code: 'conflict',
          message: `Deze voordracht is zojuist voorgedragen door Anna (${AT}). Voordragen kan alleen bij een voordracht met status concept; deze is voorgedragen`,
        },
      })
      const clientId = (
        runtime.store.sqlite
          .prepare(
            'SELECT client_id FROM shortlist_candidates WHERE shortlist_id = ? ORDER BY position',
          )
          .get(id) as { client_id: number }
      ).client_id
      await call(as(BRAM), 'shortlists:choose', { shortlistId: id, clientId })
      const late = await attempt(as(ANNA), 'shortlists:rejectAll', {
        shortlistId: id,
        rejection: { reason: REJECTION_REASON.keys[0] },
        motivation: 'Past niet bij dit complex.',
      })
      expect(late.ok || late.error.message).toBe(
        `Op deze voordracht is zojuist de keuze van de corporatie vastgelegd door Bram (${AT}). Afwijzen kan alleen bij een voordracht met status voorgedragen; deze is gekozen`,
      )
      const { offerId } = runtime.store.sqlite
        .prepare(
          'SELECT id AS offerId FROM offers WHERE candidate_id IN (SELECT id FROM shortlist_candidates WHERE shortlist_id = ?)',
        )
        .get(id) as { offerId: number }
      await call(as(ANNA), 'offers:decline', {
        offerId,
        decline: { reason: DECLINE_REASON.keys[0] },
      })
      const twice = await attempt(as(BRAM), 'offers:accept', { offerId, startsOn: '2026-12-01' })
      expect(twice.ok || twice.error.message).toBe(
        `Op deze aanbieding is zojuist de weigering vastgelegd door Anna (${AT}). Op deze aanbieding is al gereageerd`,
      )
      // The presentation of the whole quarter again: nothing left, and who presented last.
      await call(as(ANNA), 'shortlists:presentAll', { quarter: QUARTER })
      const nothing = await attempt(as(BRAM), 'shortlists:presentAll', { quarter: QUARTER })
      expect(nothing.ok || nothing.error.message).toBe(
        `De voordrachten zijn zojuist voorgedragen door Anna (${AT}). Er zijn geen conceptvoordrachten om voor te dragen; maak eerst voordrachten.`,
      )
      const desks = runtime.store.sqlite
        .prepare(
          "SELECT DISTINCT desk FROM audit_events WHERE officer IN ('Anna', 'Bram') ORDER BY desk",
        )
        .all()
      expect(desks).toEqual([{ desk: 'bureau-1' }, { desk: 'bureau-2' }])
    } finally {
      runtime.close()
    }
  }, 120_000)
})

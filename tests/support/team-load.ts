/**
 * Several desks on one PostgreSQL database, and what must hold afterwards: the concurrency test
 * (tests/integration/team-concurrency.test.ts) and `npm run bench -- --team` (scripts/bench-team.ts)
 * share it. The desks are real processes (team-desk.ts), each with its own runtime and pool.
 *
 * - `runDesks`: starts the desks, keeps their barrier when they run in lockstep, collects their steps.
 * - `checkInvariants`: the states a dwelling, its rounds, candidates, offers and clients may be in
 *   together; every row that breaks one is named.
 * - `matchAudit`: every successful step has its own audit row (officer, action, round or offer), and
 *   its effect is still visible at the end — a success without either is a lost update.
 * - `replaySerially`: the successful steps again, one at a time in the order of their audit rows,
 *   on a copy of the database as it was before the desks started; `snapshot` + `compareSnapshots`
 *   then compare the two end states row by row (by natural keys, since ids differ between runs).
 */
import { build } from 'esbuild'
import { fork } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { parseDatabaseUrl } from '../../src/main/db/pg-url'
import { openTeamRuntime, type Runtime } from '../../src/main/runtime'
import type { DeskOptions, DeskResult, DeskStep } from './team-desk'

const root = join(import.meta.dirname, '..', '..')

/**
 * The desk bundled once into plain JavaScript: tsx would compile for seconds in every process.
 * The packages go in too, but for the native ones and HiGHS (which finds its wasm beside itself):
 * resolving a few thousand package files cost each desk about 1.9 s of CPU at start, the
 * one file 0.7 s (five desks start at once on two cores).
 */
export async function bundleDesk(): Promise<string> {
  const outfile = join(root, 'node_modules', '.cache', 'team-load', `desk-${process.pid}.mjs`)
  await build({
    entryPoints: [join(import.meta.dirname, 'team-desk.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3', 'electron', 'pg-native', '@resvg/resvg-js', 'highs'],
    // CommonJS packages inside an ES module still call require.
    banner: {
      js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);",
    },
    outfile,
    logLevel: 'warning',
  })
  return outfile
}

export type DeskPlan = Omit<DeskOptions, 'desk' | 'officer' | 'seed' | 'resultFile'>

export const OFFICERS = ['Anna', 'Bram', 'Chantal', 'Daan', 'Esra', 'Femke', 'Gijs']

/** Starts `desks` desk processes on one database and waits for all of them; their results, in order. */
export async function runDesks(
  bundle: string,
  desks: number,
  seed: number,
  plan: DeskPlan,
  folder: string,
): Promise<DeskResult[]> {
  mkdirSync(folder, { recursive: true })
  const children = Array.from({ length: desks }, (_, desk) => {
    const options: DeskOptions = {
      ...plan,
      desk,
      officer: OFFICERS[desk % OFFICERS.length]!,
      seed: seed * 1000 + desk,
      resultFile: join(folder, `desk-${desk}.json`),
    }
    const child = fork(bundle, [JSON.stringify(options)], {
      cwd: root,
      env: { ...process.env, VIERDE_HUIS_DESK: '1' },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    })
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const ended = new Promise<void>((resolve, reject) => {
      child.on('error', reject)
      child.on('exit', (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`bureau ${desk} stopte met code ${code}: ${stderr.slice(-3000)}`)),
      )
    })
    return { child, options, ended }
  })
  // The barrier: a tick goes when every desk still working has said it is ready for it.
  const working = new Set(children.map((_, desk) => desk))
  const ready = new Map<number, Set<number>>()
  const release = () => {
    for (const [tick, who] of ready) {
      if ([...working].every((desk) => who.has(desk))) {
        ready.delete(tick)
        for (const desk of working) children[desk]!.child.send({ go: tick })
      }
    }
  }
  children.forEach(({ child }, desk) => {
    child.on('message', (message: { ready?: number; done?: boolean }) => {
      if (message.done) working.delete(desk)
      else if (message.ready !== undefined) {
        if (!ready.has(message.ready)) ready.set(message.ready, new Set())
        ready.get(message.ready)!.add(desk)
      }
      release()
    })
    child.on('exit', () => {
      working.delete(desk)
      release()
    })
  })
  const outcomes = await Promise.allSettled(children.map((c) => c.ended))
  const failed = outcomes.find((o) => o.status === 'rejected')
  if (failed) throw (failed as PromiseRejectedResult).reason
  return children.map(
    ({ options }) => JSON.parse(readFileSync(options.resultFile, 'utf8')) as DeskResult,
  )
}

export function removeBundle(bundle: string): void {
  rmSync(bundle, { force: true })
}

// --- what must hold at the end ------------------------------------------------------------------

export interface Violation {
  invariant: string
  row: Record<string, unknown>
}

const OPEN_ROUND = `status IN ('concept', 'voorgedragen')`

/** Each: a rule in words, and a query for the rows that break it. */
export const INVARIANTS: { name: string; sql: string }[] = [
  {
    name: 'een woning heeft hoogstens één openstaande aanbieding',
    sql: `SELECT dwelling_id, count(*)::int AS open_offers FROM offers WHERE outcome = 'open'
          GROUP BY dwelling_id HAVING count(*) > 1`,
  },
  {
    name: 'een cliënt heeft hoogstens één openstaande aanbieding',
    sql: `SELECT client_id, count(*)::int AS open_offers FROM offers WHERE outcome = 'open'
          GROUP BY client_id HAVING count(*) > 1`,
  },
  {
    name: 'een woning heeft hoogstens één open ronde (concept of voorgedragen)',
    sql: `SELECT dwelling_id, count(*)::int AS open_rounds FROM shortlists WHERE ${OPEN_ROUND}
          GROUP BY dwelling_id HAVING count(*) > 1`,
  },
  {
    name: 'de status van de woning past bij haar rondes, aanbiedingen en toewijzing',
    sql: `WITH s AS (
            SELECT d.id AS dwelling_id, d.status,
              (SELECT count(*)::int FROM shortlists r WHERE r.dwelling_id = d.id AND r.${OPEN_ROUND}) AS open_rounds,
              (SELECT count(*)::int FROM offers o WHERE o.dwelling_id = d.id AND o.outcome = 'open') AS open_offers,
              (SELECT count(*)::int FROM allocations a WHERE a.dwelling_id = d.id) AS allocations
            FROM dwellings d)
          SELECT * FROM s WHERE NOT CASE status
            WHEN 'in-voordracht' THEN open_rounds = 1 AND open_offers = 0 AND allocations = 0
            WHEN 'aangeboden' THEN open_rounds = 0 AND open_offers = 1 AND allocations = 0
            WHEN 'verhuurd' THEN open_rounds = 0 AND open_offers = 0 AND allocations = 1
            ELSE open_rounds = 0 AND open_offers = 0 AND allocations = 0 END`,
  },
  {
    name: 'de status van een ronde past bij de beslissingen over haar kandidaten en haar aanbiedingen',
    sql: `WITH r AS (
            SELECT s.id AS shortlist_id, s.dwelling_id, s.round, s.status,
              s.rejection_motivation IS NOT NULL AS rejected_all,
              count(c.id) FILTER (WHERE c.decision = 'open')::int AS open_candidates,
              count(c.id) FILTER (WHERE c.decision = 'gekozen')::int AS chosen,
              count(c.id)::int AS candidates,
              count(o.id) FILTER (WHERE o.outcome = 'open')::int AS open_offers,
              count(o.id) FILTER (WHERE o.outcome = 'geaccepteerd')::int AS accepted_offers,
              count(o.id)::int AS offers
            FROM shortlists s
            LEFT JOIN shortlist_candidates c ON c.shortlist_id = s.id
            LEFT JOIN offers o ON o.candidate_id = c.id
            GROUP BY s.id, s.dwelling_id, s.round, s.status, s.rejection_motivation)
          SELECT * FROM r WHERE NOT CASE status
            WHEN 'concept' THEN open_candidates = candidates AND offers = 0 AND NOT rejected_all
            WHEN 'voorgedragen' THEN open_candidates >= 1 AND open_offers = 0 AND accepted_offers = 0 AND NOT rejected_all
            WHEN 'gekozen' THEN chosen >= 1 AND open_offers + accepted_offers <= 1 AND NOT rejected_all
            WHEN 'afgewezen' THEN open_candidates = 0 AND open_offers = 0 AND accepted_offers = 0
            ELSE open_offers = 0 AND accepted_offers = 0 END`,
  },
  {
    name: 'een aanbieding hoort bij een gekozen kandidaat van een ronde van dezelfde woning',
    sql: `SELECT o.id AS offer_id, o.outcome, c.decision, o.client_id, c.client_id AS candidate_client,
                 o.dwelling_id, s.dwelling_id AS round_dwelling
          FROM offers o JOIN shortlist_candidates c ON c.id = o.candidate_id
          JOIN shortlists s ON s.id = c.shortlist_id
          WHERE c.decision <> 'gekozen' OR c.client_id <> o.client_id OR s.dwelling_id <> o.dwelling_id`,
  },
  {
    name: 'een gekozen kandidaat heeft precies één aanbieding',
    sql: `SELECT c.id AS candidate_id, c.shortlist_id, c.client_id, count(o.id)::int AS offers
          FROM shortlist_candidates c LEFT JOIN offers o ON o.candidate_id = c.id
          WHERE c.decision = 'gekozen' GROUP BY c.id, c.shortlist_id, c.client_id
          HAVING count(o.id) <> 1`,
  },
  {
    name: 'een geaccepteerde aanbieding heeft een toewijzing, een andere niet',
    sql: `SELECT o.id AS offer_id, o.outcome, a.id AS allocation_id
          FROM offers o LEFT JOIN allocations a ON a.offer_id = o.id
          WHERE (o.outcome = 'geaccepteerd') <> (a.id IS NOT NULL)`,
  },
  {
    name: "een cliënt staat op 'aanbieding' precies als hij één openstaande aanbieding heeft",
    sql: `SELECT cl.id AS client_id, cl.status, count(o.id)::int AS open_offers
          FROM clients cl LEFT JOIN offers o ON o.client_id = cl.id AND o.outcome = 'open'
          GROUP BY cl.id, cl.status
          HAVING (cl.status = 'aanbieding') <> (count(o.id) = 1) OR count(o.id) > 1`,
  },
  {
    name: 'een cliënt heeft hoogstens één toewijzing',
    sql: `SELECT client_id, count(*)::int AS allocations FROM allocations
          GROUP BY client_id HAVING count(*) > 1`,
  },
  {
    name: 'een gehuisveste cliënt of een die de aanbieding benut heeft staat op geen open ronde',
    sql: `SELECT c.client_id, cl.status, c.shortlist_id, s.dwelling_id, s.status AS round_status
          FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id
          JOIN clients cl ON cl.id = c.client_id
          WHERE c.decision = 'open' AND s.${OPEN_ROUND}
            AND cl.status IN ('gehuisvest', 'aanbieding-benut')`,
  },
]

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url, application_name: 'vierde-huis (toets)' })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Every row that breaks an invariant, named by the invariant. */
export async function checkInvariants(url: string): Promise<Violation[]> {
  return await withClient(url, async (client) => {
    const found: Violation[] = []
    for (const { name, sql } of INVARIANTS)
      for (const row of (await client.query<Record<string, unknown>>(sql)).rows)
        found.push({ invariant: name, row })
    return found
  })
}

// --- every success recorded, and still there ------------------------------------------------------

/** The audit action a step's own row carries, and the detail that names its round or offer. */
export const STEP_ACTION: Record<string, { action: string; key: 'shortlistId' | 'offerId' }> = {
  'shortlists:present': { action: 'shortlist:present', key: 'shortlistId' },
  'shortlists:choose': { action: 'shortlist:choose', key: 'shortlistId' },
  'shortlists:rejectCandidate': { action: 'shortlist:rejectCandidate', key: 'shortlistId' },
  'shortlists:rejectAll': { action: 'shortlist:rejectAll', key: 'shortlistId' },
  'offers:accept': { action: 'offer:accept', key: 'offerId' },
  'offers:decline': { action: 'offer:decline', key: 'offerId' },
}

export interface AuditRow {
  id: number
  officer: string
  action: string
  entity_type: string
  entity_id: string | null
  summary: string
  details: string | null
  /** The (sub)transaction that wrote the row: a step's own rows share it, a savepoint's do not. */
  xmin: string
  /**
   * When its transaction committed (µs since 1970), where the server tracks commit timestamps
   * (the test cluster does): ids are handed out when a row is written, not when it commits, so
   * only this tells the commit order of two steps whose transactions overlapped. Else null.
   */
  committed_us: number | null
}

export async function auditSince(url: string, afterId: number): Promise<AuditRow[]> {
  return await withClient(
    url,
    async (client) =>
      (
        await client.query<AuditRow>(
          `SELECT id, officer, action, entity_type, entity_id, summary, details, xmin::text AS xmin,
                  CASE WHEN current_setting('track_commit_timestamp')::bool
                    THEN (extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000000)::float8
                  END AS committed_us
           FROM audit_events WHERE id > $1 ORDER BY id`,
          [afterId],
        )
      ).rows,
  )
}

export async function lastAuditId(url: string): Promise<number> {
  return await withClient(
    url,
    async (client) =>
      (
        await client.query<{ id: number }>(
          'SELECT coalesce(max(id), 0)::int AS id FROM audit_events',
        )
      ).rows[0]!.id,
  )
}

export interface AuditMatch {
  /**
   * Successful steps, each with the id of its own audit row (null: none found), of the last audit
   * row its transaction wrote, and when that transaction committed (where the server tracks it).
   */
  matched: {
    step: DeskStep
    auditId: number | null
    lastId: number | null
    committedUs: number | null
  }[]
  /** Step rows (present, choose, …) no desk reported as a success. */
  unclaimed: AuditRow[]
  /** Per action: successes reported by the desks and rows in the trail. */
  perAction: Record<string, { successes: number; rows: number }>
}

/** Pairs every successful step with its own audit row: same officer, action and round or offer. */
export function matchAudit(results: DeskResult[], rows: AuditRow[]): AuditMatch {
  const free = new Map<string, AuditRow[]>()
  const keyOf = (officer: string, action: string, id: unknown) =>
    `${officer}|${action}|${String(id)}`
  const stepActions = new Set(Object.values(STEP_ACTION).map((s) => s.action))
  const perAction: AuditMatch['perAction'] = {}
  for (const { action } of Object.values(STEP_ACTION)) perAction[action] = { successes: 0, rows: 0 }
  for (const row of rows) {
    if (!stepActions.has(row.action)) continue
    perAction[row.action]!.rows++
    const spec = Object.values(STEP_ACTION).find((s) => s.action === row.action)!
    const details = JSON.parse(row.details ?? '{}') as Record<string, unknown>
    const key = keyOf(row.officer, row.action, details[spec.key])
    if (!free.has(key)) free.set(key, [])
    free.get(key)!.push(row)
  }
  const matched: AuditMatch['matched'] = []
  for (const step of results.flatMap((r) => r.steps).filter((s) => s.ok)) {
    const spec = STEP_ACTION[step.channel]!
    perAction[spec.action]!.successes++
    const row = free.get(keyOf(step.officer, spec.action, step.input[spec.key]))?.shift()
    matched.push({
      step,
      auditId: row?.id ?? null,
      lastId: row?.id ?? null,
      committedUs: row?.committed_us ?? null,
    })
  }
  // A desk takes one step at a time, so its rows come in blocks, one per successful step. The rows
  // between two of its steps' own rows belong to the first, except those the second wrote in its
  // own transaction before its own row (an acceptance takes the client off other rounds first).
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const officer of new Set(matched.map((m) => m.step.officer))) {
    const mine = matched
      .filter((m) => m.step.officer === officer && m.auditId !== null)
      .sort((a, b) => a.auditId! - b.auditId!)
    const theirs = rows.filter((r) => r.officer === officer)
    mine.forEach((m, index) => {
      const next = mine[index + 1]
      const nextXmin = next ? byId.get(next.auditId!)!.xmin : null
      for (const r of theirs)
        if (r.id > m.auditId! && (!next || (r.id < next.auditId! && r.xmin !== nextXmin)))
          m.lastId = Math.max(m.lastId!, r.id)
    })
  }
  return { matched, unclaimed: [...free.values()].flat(), perAction }
}

/**
 * Successful steps whose effect is not in the end state: each step's effect is final (a decision
 * on a candidate, an answered offer, a presented or rejected round is never undone by a later
 * step), so a success whose mark is gone was overwritten by another desk — a lost update.
 */
export async function lostUpdates(url: string, steps: DeskStep[]): Promise<DeskStep[]> {
  return await withClient(url, async (client) => {
    const lost: DeskStep[] = []
    const one = async (sql: string, values: unknown[]) =>
      (await client.query<{ ok: boolean }>(sql, values)).rows[0]?.ok === true
    for (const step of steps.filter((s) => s.ok)) {
      const { shortlistId, clientId, offerId } = step.input as Record<string, number>
      let visible: boolean
      switch (step.channel) {
        case 'shortlists:present':
          visible = await one(
            `SELECT presented_at IS NOT NULL AND status <> 'concept' AS ok FROM shortlists WHERE id = $1`,
            [shortlistId],
          )
          break
        case 'shortlists:choose':
          visible = await one(
            `SELECT c.decision = 'gekozen' AND EXISTS (SELECT 1 FROM offers o WHERE o.candidate_id = c.id) AS ok
             FROM shortlist_candidates c WHERE c.shortlist_id = $1 AND c.client_id = $2`,
            [shortlistId, clientId],
          )
          break
        case 'shortlists:rejectCandidate':
          visible = await one(
            `SELECT decision = 'geen-match' AS ok FROM shortlist_candidates
             WHERE shortlist_id = $1 AND client_id = $2`,
            [shortlistId, clientId],
          )
          break
        case 'shortlists:rejectAll':
          visible = await one(
            `SELECT status = 'afgewezen' AND rejection_motivation IS NOT NULL AS ok FROM shortlists WHERE id = $1`,
            [shortlistId],
          )
          break
        case 'offers:accept':
          visible = await one(
            `SELECT o.outcome = 'geaccepteerd' AND EXISTS (SELECT 1 FROM allocations a WHERE a.offer_id = o.id) AS ok
             FROM offers o WHERE o.id = $1`,
            [offerId],
          )
          break
        case 'offers:decline':
          visible = await one(`SELECT outcome = 'geweigerd' AS ok FROM offers WHERE id = $1`, [
            offerId,
          ])
          break
        default:
          throw new Error(`onbekende stap ${step.channel}`)
      }
      if (!visible) lost.push(step)
    }
    return lost
  })
}

/** A refusal the officer can read: a conflict in Dutch, not a system error. */
export function isDutchRefusal(step: DeskStep): boolean {
  return (
    step.code === 'conflict' &&
    typeof step.message === 'string' &&
    /\b(de|het|deze|niet|al|is|een|op|kan|door)\b/i.test(step.message) &&
    !/(error|violat|deadlock|duplicate|serializ|syntax|constraint|Er ging iets mis)/i.test(
      step.message,
    )
  )
}

// --- the serial replay ----------------------------------------------------------------------------

/** Natural keys of the rows a step names: ids differ between the concurrent run and the replay. */
async function naturalKeys(url: string) {
  return await withClient(url, async (client) => {
    const rounds = new Map<number, string>()
    for (const r of (
      await client.query<{ id: number; dwelling_id: number; round: number }>(
        'SELECT id, dwelling_id, round FROM shortlists',
      )
    ).rows)
      rounds.set(r.id, `${r.dwelling_id}/${r.round}`)
    const offers = new Map<number, string>()
    for (const o of (
      await client.query<{ id: number; dwelling_id: number; round: number; client_id: number }>(
        `SELECT o.id, s.dwelling_id, s.round, o.client_id FROM offers o
         JOIN shortlist_candidates c ON c.id = o.candidate_id JOIN shortlists s ON s.id = c.shortlist_id`,
      )
    ).rows)
      offers.set(o.id, `${o.dwelling_id}/${o.round}/${o.client_id}`)
    return { rounds, offers }
  })
}

export interface ReplayOutcome {
  steps: number
  /** Steps that succeeded concurrently but were refused (or failed) when replayed one at a time. */
  refused: { step: DeskStep; auditId: number; message: string }[]
}

/**
 * The successful steps again, in the order of their last audit rows (the order they committed in),
 * one at a time on `replayUrl` (a
 * copy of the database from before the desks started), each by its own officer's runtime. Rounds
 * and offers are found by their natural keys (dwelling/round, dwelling/round/client).
 */
export async function replaySerially(
  concurrentUrl: string,
  replayUrl: string,
  matched: AuditMatch['matched'],
  now: Date,
  migrationsFolder: string,
): Promise<ReplayOutcome> {
  const keys = await naturalKeys(concurrentUrl)
  const ordered = matched
    .filter(
      (m): m is { step: DeskStep; auditId: number; lastId: number; committedUs: number | null } =>
        m.auditId !== null,
    )
    // In commit order where the server tracks it, else by the last audit row each step wrote.
    .sort((a, b) => (a.committedUs ?? 0) - (b.committedUs ?? 0) || a.lastId - b.lastId)
  const runtimes = new Map<string, Runtime>()
  const outcome: ReplayOutcome = { steps: 0, refused: [] }
  try {
    for (const { step, auditId } of ordered) {
      let runtime = runtimes.get(step.officer)
      if (!runtime) {
        runtime = await openTeamRuntime(parseDatabaseUrl(replayUrl), {
          migrationsFolder,
          startupTasks: false,
          context: { actor: { officer: step.officer, osUser: `desk${step.desk}` }, now: () => now },
        })
        runtimes.set(step.officer, runtime)
      }
      const input = { ...step.input }
      await withClient(replayUrl, async (client) => {
        if (typeof input['shortlistId'] === 'number') {
          const [dwellingId, round] = keys.rounds.get(input['shortlistId'])!.split('/').map(Number)
          input['shortlistId'] = (
            await client.query<{ id: number }>(
              'SELECT id FROM shortlists WHERE dwelling_id = $1 AND round = $2',
              [dwellingId, round],
            )
          ).rows[0]?.id
        }
        if (typeof input['offerId'] === 'number') {
          const [dwellingId, round, clientId] = keys.offers
            .get(input['offerId'])!
            .split('/')
            .map(Number)
          input['offerId'] = (
            await client.query<{ id: number }>(
              `SELECT o.id FROM offers o JOIN shortlist_candidates c ON c.id = o.candidate_id
               JOIN shortlists s ON s.id = c.shortlist_id
               WHERE s.dwelling_id = $1 AND s.round = $2 AND o.client_id = $3`,
              [dwellingId, round, clientId],
            )
          ).rows[0]?.id
        }
      })
      outcome.steps++
      const answer = await runtime.routes.get(step.channel)!(input)
      if (!answer.ok) outcome.refused.push({ step, auditId, message: answer.error.message })
    }
  } finally {
    for (const runtime of runtimes.values()) await runtime.close()
  }
  return outcome
}

/** A database's state in natural keys: what a serial replay must reproduce. */
export type Snapshot = Record<string, Map<string, string>>

export async function snapshot(url: string, auditAfter: number): Promise<Snapshot> {
  return await withClient(url, async (client) => {
    const rows = async (sql: string, values: unknown[] = []) => {
      const map = new Map<string, string>()
      for (const row of (await client.query<{ k: string; v: unknown }>(sql, values)).rows) {
        // A key seen twice (two offers for one candidate, say) is itself a difference to show.
        const key = map.has(row.k) ? `${row.k}#${map.size}` : row.k
        map.set(key, JSON.stringify(row.v))
      }
      return map
    }
    const round = `s.dwelling_id || '/' || s.round`
    return {
      dwellings: await rows(
        `SELECT id::text AS k, json_build_array(status, status_since, short_note) AS v FROM dwellings`,
      ),
      clients: await rows(
        `SELECT id::text AS k, json_build_array(status, status_since) AS v FROM clients`,
      ),
      shortlists: await rows(
        `SELECT ${round} AS k, json_build_array(status, eligible_pool_size, presented_at, decided_at,
                rejection_motivation) AS v FROM shortlists s`,
      ),
      shortlist_candidates: await rows(
        `SELECT ${round} || '/' || c.client_id AS k, json_build_array(c.position, c.score,
                c.decision, c.decision_reason, c.decision_text) AS v
         FROM shortlist_candidates c JOIN shortlists s ON s.id = c.shortlist_id`,
      ),
      offers: await rows(
        `SELECT ${round} || '/' || o.client_id AS k, json_build_array(o.outcome, o.offered_on,
                o.responded_on, o.decline_reason) AS v
         FROM offers o JOIN shortlist_candidates c ON c.id = o.candidate_id
         JOIN shortlists s ON s.id = c.shortlist_id ORDER BY o.id`,
      ),
      allocations: await rows(
        `SELECT dwelling_id::text AS k, json_build_array(client_id, contract_kind, starts_on,
                support_provider_id) AS v FROM allocations`,
      ),
      // The trail as a multiset: steps on different dwellings may interleave their rows.
      audit_events: await rows(
        `SELECT officer || '|' || action || '|' || entity_type || '|' || coalesce(entity_id, '') ||
                '|' || summary || '#' || row_number() OVER (PARTITION BY officer, action,
                entity_type, entity_id, summary ORDER BY id) AS k, '1'::json AS v
         FROM audit_events WHERE id > $1`,
        [auditAfter],
      ),
    }
  })
}

export interface SnapshotDiff {
  table: string
  key: string
  concurrent: string | null
  serial: string | null
}

export function compareSnapshots(concurrent: Snapshot, serial: Snapshot): SnapshotDiff[] {
  const diffs: SnapshotDiff[] = []
  for (const table of Object.keys(concurrent)) {
    const a = concurrent[table]!
    const b = serial[table]!
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(key) ?? null
      const y = b.get(key) ?? null
      if (x !== y) diffs.push({ table, key, concurrent: x, serial: y })
    }
  }
  return diffs
}

export function countsOf(snap: Snapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snap).map(([table, rows]) => [table, rows.size]))
}

// --- figures --------------------------------------------------------------------------------------

export const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
}

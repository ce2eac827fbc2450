/**
 * `npm run bench -- --team`: five desks × 1,000 workflow steps on one PostgreSQL database (issue 14).
 *
 * A **step** is one workflow step on a round or an offer, as an officer clicks it: present, choose,
 * reject a candidate, reject all, accept or decline an offer. Each desk takes `--steps` of them;
 * a step is either done (committed with its audit row) or refused (a conflict in Dutch: another
 * desk changed the dwelling first), and the two are counted apart. Reading a screen, reading the
 * board, importing a file and making a quarter's batch are not steps: they are reported apart.
 *
 * Each desk is its own process with its own runtime and pool (tests/support/team-desk.ts), on the
 * demo copied into PostgreSQL with the open quarter's concept rounds made. A desk looks at a
 * dwelling (its screen: shortlists:forDwelling) and takes the step the screen offers. The desks
 * start together and then run at their own pace; a third of their looks go to the same few
 * dwellings, so they meet. When a desk's looks come up empty it reads the board; when the board has
 * nothing left (the demo's quarter holds some 4,000 steps, not 5,000) it opens the next quarter as
 * an office does: it imports its share of the Excel files the corporations and care providers sent
 * for it (bench-team-inbox.ts: the demo generator's dwellings and registrations in the app's own
 * templates) and makes that quarter's batch — one desk makes it, a desk that tries meanwhile is
 * refused by the batch lock and counted.
 *
 * The server: VIERDE_HUIS_DATABASE_URL if set (a fresh database is made on it for the run and
 * dropped after; the user needs CREATEDB), else a throwaway cluster like the tests' own.
 *
 *   npm run bench -- --team [--desks 5] [--steps 1000] [--seed 14]
 *
 * Reported: the phases' times; throughput (steps per second over the wall time of the desks), p50
 * and p95 of a step's time as the desk saw it (the call through the routes, its transaction and the
 * answer's read), refused conflicts, system errors; the office work; and the checks at the end: lost
 * updates (successes without their audit row or whose effect is gone: a step's mark, an import's
 * rows), broken invariants. Any of those non-zero, or a desk short of its steps, fails the run.
 */
import { createHash, randomBytes } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openStore, resourcePath } from '../src/main/db/connection'
import { copyFileToPostgres } from '../src/main/db/copy-to-postgres'
import { configuredDatabaseUrl, parseDatabaseUrl } from '../src/main/db/pg-url'
import { loadAssignmentSolver } from '../src/main/matching/highs-solver'
import { openTeamRuntime, type Runtime } from '../src/main/runtime'
import { createContext } from '../src/main/services/context'
import { loadDemo } from '../src/main/services/demo-service'
import type { BoardRow } from '../src/shared/api'
import startCluster, { TEST_PG_URL_VARIABLE } from '../tests/support/pg-cluster'
import { seeded, type OfficeEvent, type OfficeQuarter } from '../tests/support/team-desk'
import {
  auditSince,
  type AuditRow,
  bundleDesk,
  checkInvariants,
  isDutchRefusal,
  lastAuditId,
  lostUpdates,
  matchAudit,
  quantile,
  removeBundle,
  runDesks,
  withClient,
} from '../tests/support/team-load'
import { BENCH, removeDb } from './bench-file'
import { makeInbox } from './bench-team-inbox'

const QUARTER = '2026-Q4'
/** The demo's "today", as in the tests: the open quarter is 2026-Q4. */
const NOW = new Date('2026-11-23T09:00:00Z')
/** Quarters in the inbox after the open one: more than the desks need, so running dry is news. */
const INBOX_QUARTERS = 4

const log = (line: string) => console.error(line)

/** The demo as the app loads it, built once and kept in .bench/ while its sources are unchanged. */
async function demoFile(): Promise<string> {
  mkdirSync(BENCH, { recursive: true })
  const hash = createHash('sha256')
  hash.update(readFileSync(join('resources', 'migrations', 'meta', '_journal.json')))
  for (const dir of [join('src', 'main', 'demo'), join('src', 'main', 'services')])
    for (const name of readdirSync(dir).sort()) hash.update(readFileSync(join(dir, name)))
  const made = hash.digest('hex').slice(0, 12)
  const file = join(BENCH, `team-demo-${made}.db`)
  for (const old of readdirSync(BENCH).filter(
    (f) => f.startsWith('team-demo-') && !f.includes(made),
  ))
    rmSync(join(BENCH, old), { force: true })
  if (!existsSync(file)) {
    log('Loading the demo once into .bench/ (history through the services)…')
    const building = `${file}.building`
    removeDb(building)
    const store = openStore(building)
    try {
      await loadDemo(createContext(store, { now: () => NOW }))
    } finally {
      store.sqlite.close()
    }
    renameSync(building, file)
  }
  return file
}

/**
 * The inbox's files for the demo in `demo` (its ids are the copy's: copyFileToPostgres keeps them),
 * written once into .bench/ and kept while the demo, the inbox's code and the templates' are
 * unchanged: input data like the demo file, not anything the desks did.
 */
async function inboxFiles(setup: Runtime, demo: string, seed: number): Promise<OfficeQuarter[]> {
  const hash = createHash('sha256').update(demo).update(String(seed))
  hash.update(readFileSync(join('scripts', 'bench-team-inbox.ts')))
  for (const name of readdirSync(join('src', 'main', 'excel')).sort())
    hash.update(readFileSync(join('src', 'main', 'excel', name)))
  const made = hash.digest('hex').slice(0, 12)
  const folder = join(BENCH, `team-inbox-${made}`)
  for (const old of readdirSync(BENCH).filter(
    (f) => f.startsWith('team-inbox-') && !f.includes(made),
  ))
    rmSync(join(BENCH, old), { recursive: true, force: true })
  const manifest = join(folder, 'inbox.json')
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as OfficeQuarter[]
  log("Writing the inbox once into .bench/ (the next quarters' Excel files)…")
  const building = `${folder}.building`
  rmSync(building, { recursive: true, force: true })
  mkdirSync(building, { recursive: true })
  const inbox = await makeInbox(setup, {
    open: QUARTER,
    count: INBOX_QUARTERS,
    seed,
    today: NOW.toISOString().slice(0, 10),
    folder: building,
  })
  const moved = inbox.map((q) => ({
    ...q,
    files: q.files.map((f) => ({ ...f, path: join(folder, basename(f.path)) })),
  }))
  writeFileSync(join(building, 'inbox.json'), JSON.stringify(moved))
  renameSync(building, folder)
  return moved
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A time for the report; none measured (no imports, say) is a dash, not NaN. */
const ms = (value: number) =>
  !Number.isFinite(value)
    ? '—'
    : value >= 1000
      ? `${(value / 1000).toFixed(2)} s`
      : `${value.toFixed(value < 10 ? 1 : 0)} ms`

export async function benchTeam(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      team: { type: 'boolean' },
      desks: { type: 'string', default: '5' },
      steps: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '14' },
    },
    strict: true,
  })
  const desks = Number(values.desks)
  const steps = Number(values.steps)
  const seed = Number(values.seed)
  const phases: [string, number][] = []
  let phaseStarted = performance.now()
  /** Ends the phase under way: its wall time goes in the report and on the console. */
  const phase = (what: string) => {
    const now = performance.now()
    phases.push([what, now - phaseStarted])
    log(`  ${what}: ${ms(now - phaseStarted)}`)
    phaseStarted = now
  }
  await loadAssignmentSolver()

  const given = configuredDatabaseUrl()
  let stopCluster: (() => void) | null = null
  let serverUrl: string
  if (given) {
    serverUrl = given.url
    log(`Server: ${given.display} (VIERDE_HUIS_DATABASE_URL); a fresh database is made for the run`)
  } else {
    log('Starting a throwaway PostgreSQL cluster…')
    stopCluster = await startCluster()
    serverUrl = process.env[TEST_PG_URL_VARIABLE]!
    phase('throwaway cluster started')
  }
  const name = `vierde_huis_bench_${randomBytes(4).toString('hex')}`
  const at = new URL(serverUrl)
  at.pathname = `/${name}`
  const url = at.toString()
  const bundle = await bundleDesk()
  const folder = mkdtempSync(join(tmpdir(), 'vierde-huis-bench-team-'))
  try {
    const file = await demoFile()
    phase('desk bundled, demo file ready (built once, then kept in .bench/)')
    await onServer(serverUrl, `CREATE DATABASE "${name}"`)
    const target = parseDatabaseUrl(url)
    await copyFileToPostgres(file, target)
    phase('demo copied into PostgreSQL (copyFileToPostgres)')
    const setup = await openTeamRuntime(target, {
      startupTasks: false,
      context: { actor: { officer: 'Opzet', osUser: 'bench' }, now: () => NOW },
    })
    let dwellings: number[]
    let inbox: OfficeQuarter[]
    try {
      const made = await setup.routes.get('shortlists:generate')!({ quarter: QUARTER })
      if (!made.ok) throw new Error(made.error.message)
      const board = await setup.routes.get('shortlists:board')!({ quarter: QUARTER })
      if (!board.ok) throw new Error(board.error.message)
      dwellings = (board.data as BoardRow[])
        .filter((row) => row.shortlistId !== null)
        .map((row) => row.dwellingId)
      phase(`${dwellings.length} concept rounds of ${QUARTER} made (the batch)`)
      // The run's own mail folder: the desks take files from it by moving them.
      const mail = join(folder, 'post')
      mkdirSync(mail)
      inbox = (await inboxFiles(setup, file, seed)).map((q) => ({
        ...q,
        files: q.files.map((f) => {
          const path = join(mail, basename(f.path))
          copyFileSync(f.path, path)
          return { ...f, path }
        }),
      }))
    } finally {
      await setup.close()
    }
    const inboxRows = (kind: string) =>
      inbox
        .flatMap((q) => q.files)
        .filter((f) => f.kind === kind)
        .reduce((n, f) => n + f.rows, 0)
    phase(
      `inbox written: ${inbox.map((q) => q.quarter).join(', ')} (${inboxRows('dwellings')} dwellings, ${inboxRows('clients')} registrations, ${inbox.flatMap((q) => q.files).length} xlsx files)`,
    )
    const auditStart = await lastAuditId(url)
    const rng = seeded(seed)
    const hot = [...dwellings].sort(() => rng() - 0.5).slice(0, 10)
    log(`Running ${desks} desks × ${steps} workflow steps…`)
    const started = performance.now()
    const results = await runDesks(
      bundle,
      desks,
      seed,
      {
        url,
        steps,
        dwellings,
        hot,
        hotShare: 0.3,
        acceptShare: 0.05,
        reread: false,
        lockstep: false,
        now: NOW.toISOString(),
        migrationsFolder: resourcePath('migrations-pg'),
        office: { open: QUARTER, next: inbox },
      },
      folder,
    )
    const processesMs = performance.now() - started
    const wallMs = Math.max(...results.map((r) => r.wallMs))
    phase('desks: processes started, worked, stopped')
    const all = results.flatMap((r) => r.steps)
    const work = results.flatMap((r) => r.office)
    const times = all.map((s) => s.ms)
    const ok = all.filter((s) => s.ok)
    const refused = all.filter((s) => s.code === 'conflict')
    const notDutch = all.filter((s) => !s.ok && !isDutchRefusal(s))
    const trail = await auditSince(url, auditStart)
    const audit = matchAudit(results, trail)
    const withoutRow = audit.matched.filter((m) => m.auditId === null).length
    const lost = await lostUpdates(url, all)
    const officeLost = await officeChecks(url, work, trail)
    const violations = await checkInvariants(url)
    phase('checks (audit rows, lost updates, invariants)')

    const of = (channel: string) => work.filter((e) => e.channel === channel)
    const sum = (events: typeof work) => events.reduce((n, e) => n + e.count, 0)
    const batches = of('shortlists:generate')
    const batchesDone = batches.filter((e) => e.ok)
    const imports = [...of('dwellings:import'), ...of('clients:import')]
    const boards = of('shortlists:board')
    const officeFailures = work.filter(
      (e) => !e.ok && !(e.channel === 'shortlists:generate' && e.code === 'conflict'),
    )
    const short = results.filter((r) => r.steps.length < steps)
    const opened = [...new Set(imports.map((e) => e.quarter))]

    const rows: [string, string][] = [
      ['desks (processes, each its own pool)', `${desks}`],
      [
        'workflow steps taken',
        `${all.length} of ${desks * steps} (${ok.length} done, ${refused.length} refused)`,
      ],
      [
        'idle looks (nothing to do on the dwellings looked at)',
        `${results.reduce((n, r) => n + r.idle, 0)}`,
      ],
      [
        'desk start (process to ready: modules, solver, pool) / stop',
        `max ${ms(Math.max(...results.map((r) => r.startMs)))} (modules ${ms(Math.max(...results.map((r) => r.startParts.modules)))}, solver ${ms(Math.max(...results.map((r) => r.startParts.solver)))}, runtime ${ms(Math.max(...results.map((r) => r.startParts.runtime)))}) / max ${ms(Math.max(...results.map((r) => r.stopMs)))}`,
      ],
      ['wall time of the desks (from the common start)', ms(wallMs)],
      [
        'throughput',
        `${((all.length / wallMs) * 1000).toFixed(1)} steps/s (${((ok.length / wallMs) * 1000).toFixed(1)} done/s)`,
      ],
      [
        'step time p50 / p95 / max',
        `${ms(quantile(times, 0.5))} / ${ms(quantile(times, 0.95))} / ${ms(Math.max(...times))}`,
      ],
      [
        'screen read (forDwelling) mean',
        ms(results.reduce((n, r) => n + r.readMs, 0) / results.reduce((n, r) => n + r.reads, 0)),
      ],
      [
        'refused conflicts (Dutch message)',
        `${refused.length - notDutch.filter((s) => s.code === 'conflict').length}`,
      ],
      ['other failures (system errors, non-Dutch)', `${notDutch.length + officeFailures.length}`],
      ['successes without their audit row', `${withoutRow + officeLost.withoutRow.length}`],
      ['audit rows no desk reported', `${audit.unclaimed.length}`],
      ['lost updates (success whose effect is gone)', `${lost.length + officeLost.gone.length}`],
      ['broken invariants (rows)', `${violations.length}`],
      ['office work (not steps):', ''],
      [
        '  quarters opened from the inbox',
        opened.length ? `${opened.join(', ')} (of ${inbox.length})` : 'none',
      ],
      [
        '  imports (xlsx)',
        `${imports.filter((e) => e.ok).length}: ${sum(of('dwellings:import'))} dwellings, ${sum(of('clients:import'))} clients; p95 ${ms(
          quantile(
            imports.map((e) => e.ms),
            0.95,
          ),
        )}`,
      ],
      [
        '  batches made (shortlists:generate)',
        `${batchesDone.length}, ${sum(batchesDone)} rounds (${batchesDone.filter((e) => e.count === 0).length} with nothing left to make); max ${ms(Math.max(0, ...batchesDone.map((e) => e.ms)))}`,
      ],
      [
        '  batches refused by the batch lock (tried again a second later)',
        `${batches.filter((e) => e.code === 'conflict').length} refusals, ${new Set(batches.filter((e) => e.code === 'conflict').map((e) => `${e.desk}|${e.quarter}`)).size} desks × quarter refused at least once`,
      ],
      [
        '  board reads',
        `${boards.length}, mean ${ms(boards.reduce((n, e) => n + e.ms, 0) / Math.max(1, boards.length))}`,
      ],
      ['desks short of their steps (out of work)', `${short.length}`],
    ]
    for (const [channel, n] of Object.entries(
      all.reduce<Record<string, [number, number, number[]]>>((acc, s) => {
        acc[s.channel] ??= [0, 0, []]
        acc[s.channel]![s.ok ? 0 : 1]++
        acc[s.channel]![2].push(s.ms)
        return acc
      }, {}),
    ))
      rows.push([`  ${channel}`, `${n[0]} done, ${n[1]} refused, p95 ${ms(quantile(n[2], 0.95))}`])

    console.log(
      `\nTeam mode: ${desks} desks × ${steps} steps on one PostgreSQL (${given ? given.display : 'throwaway cluster'}), demo, quarter ${QUARTER} and the inbox's next`,
    )
    console.log(
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(
          ' ',
        )} at the end; desk processes ${ms(processesMs)} in all; run ${new Date().toISOString().slice(0, 16)}Z\n`,
    )
    console.log(
      `Phases (wall): ${phases.map(([what, t]) => `${what.replace(/ \(.*\)$/, '')} ${ms(t)}`).join('; ')}\n`,
    )
    const width = Math.max(...rows.map(([what]) => what.length))
    for (const [what, measured] of rows) console.log(`${what.padEnd(width)}  ${measured}`)
    const kinds = [
      ...new Set([
        ...notDutch.map((s) => `${s.code}: ${s.message}`),
        ...officeFailures.map((e) => `${e.channel} ${e.code}: ${e.message}`),
      ]),
    ].slice(0, 5)
    if (kinds.length) console.log(`\nOther failures:\n  ${kinds.join('\n  ')}`)
    const lockMessage = batches.find((e) => e.code === 'conflict')?.message
    if (lockMessage) console.log(`\nA batch refused by the lock: "${lockMessage}"`)
    if (violations.length)
      console.log(
        `\nBroken invariants:\n  ${[...new Set(violations.map((v) => v.invariant))]
          .map((i) => `${i}: ${violations.filter((v) => v.invariant === i).length}`)
          .join('\n  ')}`,
      )
    if (lost.length)
      console.log(
        `\nLost updates (first 5):\n  ${lost
          .slice(0, 5)
          .map((s) => `${s.officer} ${s.channel} ${JSON.stringify(s.input)}`)
          .join('\n  ')}`,
      )
    for (const line of [...officeLost.withoutRow, ...officeLost.gone].slice(0, 5))
      console.log(`Office work not in the end state: ${line}`)
    if (
      lost.length +
        withoutRow +
        violations.length +
        officeLost.withoutRow.length +
        officeLost.gone.length +
        notDutch.length +
        officeFailures.length +
        short.length >
      0
    )
      process.exitCode = 1
  } finally {
    removeBundle(bundle)
    rmSync(folder, { recursive: true, force: true })
    await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {})
    stopCluster?.()
  }
}

/**
 * The office work's own checks: every successful import and batch has its audit row (same officer,
 * action and quarter), and every dwelling and client an import reported created is in the database.
 */
async function officeChecks(
  url: string,
  work: OfficeEvent[],
  trail: AuditRow[],
): Promise<{ withoutRow: string[]; gone: string[] }> {
  const withoutRow: string[] = []
  const rows = new Map<string, number>()
  for (const row of trail) {
    const key = `${row.officer}|${row.action}`
    rows.set(key, (rows.get(key) ?? 0) + 1)
  }
  const done = work.filter((e) => e.ok && e.channel !== 'shortlists:board')
  for (const [key, n] of Object.entries(
    done.reduce<Record<string, number>>((acc, e) => {
      const key = `${e.officer}|${e.channel}`
      acc[key] = (acc[key] ?? 0) + 1
      return acc
    }, {}),
  ))
    if ((rows.get(key) ?? 0) < n)
      withoutRow.push(`${key}: ${n} done, ${rows.get(key) ?? 0} audit rows`)
  const gone: string[] = []
  await withClient(url, async (client) => {
    for (const quarter of new Set(done.map((e) => e.quarter))) {
      const created = (channel: string) =>
        done
          .filter((e) => e.quarter === quarter && e.channel === channel)
          .reduce((n, e) => n + e.count, 0)
      const dwellings = (
        await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM dwellings WHERE quarter_key = $1',
          [quarter],
        )
      ).rows[0]!.n
      if (dwellings !== created('dwellings:import'))
        gone.push(
          `${quarter}: ${created('dwellings:import')} dwellings imported, ${dwellings} there`,
        )
      const clients = (
        await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM clients WHERE code LIKE $1',
          [`K-${quarter.replace('-', '')}-%`],
        )
      ).rows[0]!.n
      if (clients !== created('clients:import'))
        gone.push(`${quarter}: ${created('clients:import')} clients imported, ${clients} there`)
    }
  })
  return { withoutRow, gone }
}

/**
 * `npm run bench -- --team`: five desks × 1,000 workflow steps on one PostgreSQL database (issue 14).
 *
 * Each desk is its own process with its own runtime and pool (tests/support/team-desk.ts), on the
 * demo copied into PostgreSQL with the open quarter's concept rounds made. A desk looks at a
 * dwelling (its screen: shortlists:forDwelling) and takes the step the screen offers: present,
 * choose, reject, reject all, accept or decline. The desks start together and then run at their
 * own pace; a third of their looks go to the same few dwellings, so they meet.
 *
 * The server: VIERDE_HUIS_DATABASE_URL if set (a fresh database is made on it for the run and
 * dropped after; the user needs CREATEDB), else a throwaway cluster like the tests' own.
 *
 *   npm run bench -- --team [--desks 5] [--steps 1000] [--seed 14]
 *
 * Reported: throughput (workflow steps per second over the wall time of the desks), p50/p95 of a
 * step's time as the desk saw it (the call through the routes, its transaction and the answer's
 * read), refused conflicts, system errors, lost updates (successes without their audit row or
 * whose effect is gone at the end) and broken invariants.
 */
import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openStore, resourcePath } from '../src/main/db/connection'
import { copyFileToPostgres } from '../src/main/db/copy-to-postgres'
import { configuredDatabaseUrl, parseDatabaseUrl } from '../src/main/db/pg-url'
import { loadAssignmentSolver } from '../src/main/matching/highs-solver'
import { openTeamRuntime } from '../src/main/runtime'
import { createContext } from '../src/main/services/context'
import { loadDemo } from '../src/main/services/demo-service'
import type { BoardRow } from '../src/shared/api'
import startCluster, { TEST_PG_URL_VARIABLE } from '../tests/support/pg-cluster'
import { seeded } from '../tests/support/team-desk'
import {
  auditSince,
  bundleDesk,
  checkInvariants,
  isDutchRefusal,
  lastAuditId,
  lostUpdates,
  matchAudit,
  quantile,
  removeBundle,
  runDesks,
} from '../tests/support/team-load'
import { BENCH, removeDb } from './bench-file'

const QUARTER = '2026-Q4'
/** The demo's "today", as in the tests: the open quarter is 2026-Q4. */
const NOW = new Date('2026-11-23T09:00:00Z')

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

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

const ms = (value: number) =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`

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
  }
  const name = `vierde_huis_bench_${randomBytes(4).toString('hex')}`
  const at = new URL(serverUrl)
  at.pathname = `/${name}`
  const url = at.toString()
  const bundle = await bundleDesk()
  const folder = mkdtempSync(join(tmpdir(), 'vierde-huis-bench-team-'))
  try {
    const file = await demoFile()
    await onServer(serverUrl, `CREATE DATABASE "${name}"`)
    const setupStarted = performance.now()
    const target = parseDatabaseUrl(url)
    await copyFileToPostgres(file, target)
    const setup = await openTeamRuntime(target, {
      startupTasks: false,
      context: { actor: { officer: 'Opzet', osUser: 'bench' }, now: () => NOW },
    })
    let dwellings: number[]
    try {
      const made = await setup.routes.get('shortlists:generate')!({ quarter: QUARTER })
      if (!made.ok) throw new Error(made.error.message)
      const board = await setup.routes.get('shortlists:board')!({ quarter: QUARTER })
      if (!board.ok) throw new Error(board.error.message)
      dwellings = (board.data as BoardRow[])
        .filter((row) => row.shortlistId !== null)
        .map((row) => row.dwellingId)
    } finally {
      await setup.close()
    }
    log(
      `  demo copied in and ${dwellings.length} rounds of ${QUARTER} made in ${ms(performance.now() - setupStarted)}`,
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
      },
      folder,
    )
    const processesMs = performance.now() - started
    const all = results.flatMap((r) => r.steps)
    const wallMs = Math.max(...results.map((r) => r.wallMs))
    const times = all.map((s) => s.ms)
    const ok = all.filter((s) => s.ok)
    const refused = all.filter((s) => s.code === 'conflict')
    const notDutch = all.filter((s) => !s.ok && !isDutchRefusal(s))
    const audit = matchAudit(results, await auditSince(url, auditStart))
    const withoutRow = audit.matched.filter((m) => m.auditId === null).length
    const lost = await lostUpdates(url, all)
    const violations = await checkInvariants(url)

    const rows: [string, string][] = [
      ['desks (processes, each its own pool)', `${desks}`],
      ['workflow steps taken', `${all.length} (${ok.length} done, ${refused.length} refused)`],
      [
        'idle looks (nothing to do on the dwellings looked at)',
        `${results.reduce((n, r) => n + r.idle, 0)}`,
      ],
      ['wall time of the desks', ms(wallMs)],
      ['throughput', `${((all.length / wallMs) * 1000).toFixed(1)} steps/s`],
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
      ['other failures (system errors, non-Dutch)', `${notDutch.length}`],
      ['successes without their audit row', `${withoutRow}`],
      ['audit rows no desk reported', `${audit.unclaimed.length}`],
      ['lost updates (success whose effect is gone)', `${lost.length}`],
      ['broken invariants (rows)', `${violations.length}`],
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
      `\nTeam mode: ${desks} desks × ${steps} steps on one PostgreSQL (${given ? given.display : 'throwaway cluster'}), demo, quarter ${QUARTER}`,
    )
    console.log(
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(
          ' ',
        )} at the end; processes ${ms(processesMs)} in all; run ${new Date().toISOString().slice(0, 16)}Z\n`,
    )
    const width = Math.max(...rows.map(([what]) => what.length))
    for (const [what, measured] of rows) console.log(`${what.padEnd(width)}  ${measured}`)
    const kinds = [...new Set(notDutch.map((s) => `${s.code}: ${s.message}`))].slice(0, 5)
    if (kinds.length) console.log(`\nOther failures:\n  ${kinds.join('\n  ')}`)
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
    if (lost.length + withoutRow + violations.length > 0) process.exitCode = 1
  } finally {
    removeBundle(bundle)
    rmSync(folder, { recursive: true, force: true })
    await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {})
    stopCluster?.()
  }
}

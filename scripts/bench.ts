/**
 * What the officer waits for, measured end to end through the service layer on a database of ten
 * years (built once, cached in .bench/), each figure beside its target.
 *
 *   npm run bench              the ten-year database (≈50,000 clients, ≈20,000 dwellings)
 *   npm run bench -- --quick   the demo database, loaded fresh (under a minute)
 *   npm run bench -- --team    five desks × 1,000 workflow steps on one PostgreSQL (bench-team.ts)
 *
 * Work that writes runs inside a transaction that is rolled back, or on a copy of the cached file,
 * so every run starts from the same data.
 */
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { cpus, loadavg, totalmem } from 'node:os'
import { BENCH, BENCH_TODAY, removeDb, tenYearsFile } from './bench-file'
import { and, eq } from 'drizzle-orm'
import { openStore, type SqliteStore } from '../src/main/db/connection'
import { dwellings } from '../src/main/db/schema'
import { makeBackup, makeBackupInSteps } from '../src/main/db/backups'
import { checkIntegrity } from '../src/main/db/integrity'
import { buildShortlists } from '../src/main/domain/shortlist-batch'
import { assignmentSolver, loadAssignmentSolver } from '../src/main/matching/highs-solver'
import { openRuntime, type Runtime } from '../src/main/runtime'
import { createContext } from '../src/main/services/context'
import { runStartupTasks } from '../src/main/services/startup-service'
import { loadDemo } from '../src/main/services/demo-service'
import {
  eligibilityContext,
  loadClientFacts,
  loadDwellingFacts,
  rankingContext,
} from '../src/main/services/matching-facts'
import { getSettings } from '../src/main/services/planning-service'
import { generateForQuarter } from '../src/main/services/shortlists-service'
import { DWELLING_COLUMNS } from '../src/main/excel/dwelling-columns'
import { addQuarters, quarterKey, quarterOf } from '../src/shared/domain/quarter'
import { localIsoDate } from '../src/shared/domain/dates'

const QUICK = process.argv.includes('--quick')
const TODAY = BENCH_TODAY
const DAY = localIsoDate(TODAY)
const OPEN_QUARTER = quarterKey(quarterOf(TODAY))
const LAST_QUARTER = quarterKey(addQuarters(quarterOf(TODAY), -1))
const RUNS = QUICK ? 3 : 5

// --- timing helpers -------------------------------------------------------------------------------

function time<T>(work: () => T): { ms: number; result: T } {
  const started = performance.now()
  const result = work()
  return { ms: performance.now() - started, result }
}

async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now()
  const result = await work()
  return { ms: performance.now() - started, result }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
}
const median = (values: number[]) => quantile(values, 0.5)

/**
 * CPU time this process spent since `since`: on a machine shared with other work the wall clock
 * also counts the time the process waited for a core, which this does not.
 */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}
const onCpu = (values: number[]) => `p50 ${ms(median(values))}, p95 ${ms(quantile(values, 0.95))}`

const n = (value: number) => value.toLocaleString('en-US')
const ms = (value: number) =>
  value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`

interface Line {
  what: string
  measured: string
  target?: string
  ok?: boolean
}
const lines: Line[] = []
function report(what: string, measured: string, target?: string, ok?: boolean) {
  lines.push({ what, measured, ...(target ? { target } : {}), ...(ok === undefined ? {} : { ok }) })
  console.error(`  ${what}: ${measured}`)
}

// --- the database ---------------------------------------------------------------------------------

function copyDb(from: string, to: string) {
  removeDb(to)
  copyFileSync(from, to)
}

/** The demo as the app loads it (its history through the real services), timed: it is a wait too. */
async function demo(): Promise<string> {
  const file = join(BENCH, 'demo.db')
  removeDb(file)
  const store = openStore(file)
  try {
    const loaded = await timeAsync(
      async () => await loadDemo(createContext(store, { now: () => TODAY })),
    )
    report(
      'load the demo (history through the services)',
      ms(loaded.ms),
      '≤ 20 s',
      loaded.ms <= 20_000,
    )
  } finally {
    store.close()
  }
  return file
}

async function open(file: string): Promise<Runtime<SqliteStore>> {
  return await openRuntime(file, {
    context: { now: () => TODAY },
    startupTasks: false,
    lock: false,
  })
}

function call(runtime: Runtime<SqliteStore>, channel: string, input: unknown) {
  return runtime.routes.get(channel)!(input).then((result) => {
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
    return result.data
  })
}

/** Runs `work` in a transaction that is always rolled back: the data stays as it was. */
async function rolledBack<T>(runtime: Runtime<SqliteStore>, work: () => Promise<T>): Promise<T> {
  runtime.store.sqlite.exec('BEGIN')
  try {
    return await work()
  } finally {
    runtime.store.sqlite.exec('ROLLBACK')
  }
}

const count = (runtime: Runtime<SqliteStore>, sql: string) =>
  runtime.store.sqlite.prepare(sql).pluck().get() as number

// --- the measurements -----------------------------------------------------------------------------

async function appStart(base: string) {
  const file = join(BENCH, 'start.db')
  copyDb(base, file)
  const opened = await timeAsync(() =>
    openRuntime(file, { context: { now: () => TODAY }, startupTasks: false, lock: true }),
  )
  const runtime = opened.result
  try {
    const first = await timeAsync(() =>
      Promise.all([
        call(runtime, 'app:info', undefined),
        call(runtime, 'quarters:list', undefined),
        call(runtime, 'clients:list', { status: 'wachtend' }),
      ]),
    )
    const total = opened.ms + first.ms
    report('app start: open, lock, integrity, migrations', ms(opened.ms))
    report('app start: first screen data (Overzicht)', ms(first.ms))
    report('app start, total', ms(total))
    const integrity = time(() => checkIntegrity(runtime.store.sqlite))
    report('  the integrity check alone (part of the open)', ms(integrity.ms))
    rmSync(join(BENCH, 'backups'), { recursive: true, force: true })
    const tasks = await timeAsync(() => runStartupTasks(runtime.ctx))
    report('first start of a day: daily backup and anonymisation', ms(tasks.ms))
    // As the app does it: the copy in steps while the officer works; what the start still waits for.
    rmSync(join(BENCH, 'backups'), { recursive: true, force: true })
    const started = performance.now()
    const background = await timeAsync(() =>
      runStartupTasks(runtime.ctx, { backupInBackground: true }),
    )
    await background.result.done
    report('  the same with the copy in the background (the app): the wait', ms(background.ms))
    report('  … and the background copy done', ms(performance.now() - started))
  } finally {
    const closed = time(() => runtime.close())
    report('app close (with PRAGMA optimize)', ms(closed.ms))
  }
}

async function backupCost(runtime: Runtime<SqliteStore>) {
  const dir = join(BENCH, 'backups')
  rmSync(dir, { recursive: true, force: true })
  const size = statSync(runtime.store.file).size
  const made = time(() =>
    makeBackup(runtime.store.sqlite, runtime.store.file, dir, 'handmatig', TODAY),
  )
  report(`backup (VACUUM INTO) of the ${(size / 2 ** 20).toFixed(0)} MB file`, ms(made.ms))
  const online = await timeAsync(() =>
    makeBackupInSteps(runtime.store.sqlite, runtime.store.file, dir, 'voor-import', TODAY),
  )
  report('  the same by the online backup (the copy before an import)', ms(online.ms))
  rmSync(dir, { recursive: true, force: true })
}

/** The batch for the open quarter through the service, its parts, and the bare scan beside it. */
async function batch(runtime: Runtime<SqliteStore>) {
  const { ctx } = runtime
  const totals: number[] = []
  let summary: Awaited<ReturnType<typeof generateForQuarter>> | null = null
  for (let i = 0; i < RUNS; i++) {
    const run = await rolledBack(
      runtime,
      async () => await timeAsync(async () => await generateForQuarter(ctx, OPEN_QUARTER)),
    )
    totals.push(run.ms)
    summary = run.result
  }
  const db = ctx.store.db
  const facts = await timeAsync(async () => {
    const open = db
      .select({ id: dwellings.id })
      .from(dwellings)
      .where(and(eq(dwellings.quarterKey, OPEN_QUARTER), eq(dwellings.status, 'ingediend')))
      .all()
      .map((d) => d.id)
    const waiting = await loadClientFacts(db)
    return {
      dwellings: await loadDwellingFacts(db, open),
      waiting,
      eligibility: await eligibilityContext(ctx, db, open),
      ranking: await rankingContext(ctx, db, waiting),
    }
  })
  const { waiting, eligibility, ranking } = facts.result
  const open = facts.result.dwellings
  const size = (await getSettings(ctx, TODAY.getFullYear())).values.shortlistSize
  const engine: number[] = []
  const scan: number[] = []
  for (let i = 0; i < RUNS; i++) {
    engine.push(
      time(() => buildShortlists(open, waiting, eligibility, ranking, size, assignmentSolver())).ms,
    )
    scan.push(time(() => bareScan(open, waiting)).ms)
  }
  const total = median(totals)
  const bare = median(scan)
  report(
    `quarter batch ${OPEN_QUARTER}, ${n(waiting.length)} × ${n(open.length)} → ${summary?.shortlistsMade ?? 0} shortlists (median of ${RUNS})`,
    ms(total),
    '≤ 1.5 s',
    total <= 1500,
  )
  report('  reading facts and contexts', ms(facts.ms))
  report('  engine in memory (buildShortlists)', ms(median(engine)))
  report(`  bare scan of the same ${n(waiting.length * open.length)} pairs`, ms(bare))
  report('  batch ÷ bare scan', `${(total / bare).toFixed(1)}×`, '≤ 20×', total / bare <= 20)
}

/** The floor for any engine that looks at every pair: the rent and room test, nothing else. */
function bareScan(
  dwellings: readonly { netRent: number; rooms: number }[],
  clients: readonly { maxRent: number; minRooms: number }[],
): number {
  let fits = 0
  for (const d of dwellings)
    for (const c of clients) if (d.netRent <= c.maxRent && d.rooms >= c.minRooms) fits++
  return fits
}

/** One dwelling's pool as the Voordrachten screen asks for it, and a new round after "reject all". */
async function oneDwelling(runtime: Runtime<SqliteStore>) {
  const ids = runtime.store.sqlite
    .prepare(
      "SELECT id FROM dwellings WHERE quarter_key = ? AND status = 'ingediend' ORDER BY id LIMIT 200",
    )
    .pluck()
    .all(OPEN_QUARTER) as number[]
  const first = await timeAsync(
    async () => await call(runtime, 'shortlists:pool', { dwellingId: ids[0] }),
  )
  const times: number[] = []
  const cpu: number[] = []
  for (const dwellingId of ids) {
    const used = process.cpuUsage()
    times.push(
      (await timeAsync(async () => await call(runtime, 'shortlists:pool', { dwellingId }))).ms,
    )
    cpu.push(cpuMs(used))
  }
  const p95 = quantile(times, 0.95)
  report(
    `one dwelling's pool, ${ids.length} dwellings (shortlists:pool)`,
    `p50 ${ms(median(times))}, p95 ${ms(p95)}`,
    'p95 ≤ 20 ms',
    p95 <= 20,
  )
  report('  the same in CPU time of this process', onCpu(cpu))
  report('  the first call', ms(first.ms))

  const presented = runtime.store.sqlite
    .prepare("SELECT id FROM shortlists WHERE status = 'voorgedragen' ORDER BY id LIMIT 50")
    .pluck()
    .all() as number[]
  const rounds: number[] = []
  const roundsCpu: number[] = []
  for (const shortlistId of presented) {
    const used = process.cpuUsage()
    const round = await rolledBack(
      runtime,
      async () =>
        await timeAsync(
          async () =>
            await call(runtime, 'shortlists:rejectAll', {
              shortlistId,
              rejection: { reason: 'woning-past-niet' },
              motivation: 'Benchmark: de corporatie wijst de ronde af',
            }),
        ),
    )
    rounds.push(round.ms)
    roundsCpu.push(cpuMs(used))
  }
  if (rounds.length > 0) {
    const p95r = quantile(rounds, 0.95)
    report(
      `new round after reject-all, ${rounds.length} shortlists (shortlists:rejectAll)`,
      `p50 ${ms(median(rounds))}, p95 ${ms(p95r)}`,
      'p95 ≤ 20 ms',
      p95r <= 20,
    )
    report('  the same in CPU time of this process (rollback included)', onCpu(roundsCpu))
  }
}

function quarterReport(base: string) {
  const file = join(BENCH, 'report.db')
  copyDb(base, file)
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join('scripts', 'bench-report.ts'), file, LAST_QUARTER, DAY],
    { encoding: 'utf8' },
  )
  const {
    ms: took,
    peakMb,
    beforeMb,
  } = JSON.parse(out.trim().split('\n').at(-1)!) as {
    ms: number
    peakMb: number
    beforeMb: number
  }
  removeDb(file)
  report(
    `quarter report ${LAST_QUARTER} (reports:quarter, own process)`,
    ms(took),
    '≤ 2 s',
    took <= 2000,
  )
  report(
    '  peak memory of that process',
    `${peakMb.toFixed(0)} MB (${beforeMb.toFixed(0)} MB before the report)`,
    '≤ 300 MB',
    peakMb <= 300,
  )
}

/**
 * The Vooruitblik (issue 13): 200 runs × 8 quarters of the current course on the demo data, in its
 * own process (scripts/bench-simulation.ts, worker threads). The verdict goes by the wall clock, what
 * the manager waits for; `--quick` plays 20 runs and extrapolates from their pace. The processor
 * time the workers' own threads spent is shown beside it, but it leaves out the engine's collector
 * and compiler threads (a third again, measured in round 9), so it is not the verdict.
 */
function forecast() {
  const runs = QUICK ? 20 : 200
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join('scripts', 'bench-simulation.ts'), String(runs)],
    { encoding: 'utf8' },
  )
  const cpu = Number(/processortijd\s+([\d.]+) s per run/.exec(out)?.[1])
  const load = Number(/belasting bij start ([\d.]+)/.exec(out)?.[1])
  const [, how, seconds] = /200 × 8\s+(gemeten|geschat) (\d+) s/.exec(out) ?? []
  const wall = Number(seconds)
  report(
    `Vooruitblik 200 × 8 quarters, wall clock (${how === 'gemeten' ? 'measured' : `estimated from ${runs} runs`})`,
    `${wall} s (load ${load.toFixed(1)} at the start; workers' own threads ${cpu.toFixed(2)} s processor time a run)`,
    '≤ 30 s',
    wall <= 30,
  )
}

const LABEL_TYPE = 'Appartement'

function dwellingRows(count: number, from = 0): ExcelJS.CellValue[][] {
  const headers = DWELLING_COLUMNS.map((c) => c.header)
  const row = (i: number): Record<string, ExcelJS.CellValue> => ({
    Adres: `Benchmarkstraat ${i + 1}`,
    Postcode: '3531 CJ',
    Wijk: 'West',
    Buurt: 'Lombok',
    Complex: null,
    Type: LABEL_TYPE,
    Zelfstandig: 'ja',
    'Aantal kamers': 1 + (i % 4),
    Verdieping: i % 5,
    Lift: i % 2 ? 'ja' : 'nee',
    Rolstoeltoegankelijk: 'nee',
    Prikkelarm: 'nee',
    'Kale huur': 480 + (i % 250),
    Servicekosten: 25,
    'Beschikbaar vanaf': new Date(Date.UTC(2026, 11, 15)),
    'Geschikt voor': 'Uitstroom',
    'Omklap mogelijk': 'nee',
    Opmerkingen: null,
  })
  return Array.from({ length: count }, (_, i) => headers.map((h) => row(from + i)[h] ?? null))
}

async function workbookOf(rows: ExcelJS.CellValue[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Woningen')
  sheet.addRow(DWELLING_COLUMNS.map((c) => c.header))
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
}

async function imports(base: string) {
  const file = join(BENCH, 'import.db')
  copyDb(base, file)
  const runtime = await open(file)
  try {
    const corporationId = count(runtime, 'SELECT min(id) FROM corporations')
    const payload = (base64: string) => ({
      fileName: 'woningen.xlsx',
      base64,
      corporationId,
      quarterKey: OPEN_QUARTER,
    })
    const thousand = await workbookOf(dwellingRows(1000))
    const imported = await timeAsync(
      async () => await call(runtime, 'dwellings:import', payload(thousand)),
    )
    report(
      'import of 1,000 dwellings (dwellings:import, backup included)',
      ms(imported.ms),
      '≤ 1.5 s',
      imported.ms <= 1500,
    )
    await backupCost(runtime)
    // Right after a backup (as after the daily one at the first start of the day) nothing was
    // written since, so the import needs no copy of its own.
    makeBackup(runtime.store.sqlite, runtime.store.file, join(BENCH, 'backups'), 'dagelijks', TODAY)
    const next = await workbookOf(dwellingRows(1000, 1000))
    const current = await timeAsync(
      async () => await call(runtime, 'dwellings:import', payload(next)),
    )
    rmSync(join(BENCH, 'backups'), { recursive: true, force: true })
    report(
      '  the same right after a backup (no copy needed)',
      ms(current.ms),
      '≤ 1.5 s',
      current.ms <= 1500,
    )

    // Moved here from the Excel tests: oversized files are refused without reading them all.
    const tooMany = await workbookOf(dwellingRows(6000))
    const refused = await timeAsync(
      async () => await runtime.routes.get('dwellings:import')!(payload(tooMany)),
    )
    report('a 6,000-row file refused (limit 5,000)', ms(refused.ms), '≤ 10 s', refused.ms <= 10_000)
    const huge = new ExcelJS.Workbook()
    const cells = huge.addWorksheet('Woningen')
    for (let i = 1; i <= 25_000; i++) cells.getCell(i, 1).value = i
    const hugeFile = Buffer.from(await huge.xlsx.writeBuffer()).toString('base64')
    const stopped = await timeAsync(
      async () => await runtime.routes.get('dwellings:import')!(payload(hugeFile)),
    )
    report('a 25,000-row sheet refused early', ms(stopped.ms), '≤ 10 s', stopped.ms <= 10_000)
  } finally {
    runtime.close()
    removeDb(file)
  }
}

/** The batch at other sizes: the waiting list and the open dwellings grown or shrunk, rolled back. */
async function growth(runtime: Runtime<SqliteStore>) {
  const { sqlite } = runtime.store
  const waiting0 = count(runtime, "SELECT count(*) FROM clients WHERE status = 'wachtend'")
  const open0 = count(
    runtime,
    `SELECT count(*) FROM dwellings WHERE quarter_key = '${OPEN_QUARTER}' AND status = 'ingediend'`,
  )
  const sizes: [number, number][] = QUICK
    ? [
        [Math.round(waiting0 / 4), open0],
        [waiting0, open0],
        [waiting0, Math.round(open0 / 4)],
        [waiting0, open0 * 4],
      ]
    : [
        [1_000, 500],
        [5_000, 500],
        [20_000, 500],
        [5_000, 100],
        [5_000, 2_000],
        // The matching-engine issue asks how the exact batch grows at four times both.
        [20_000, 2_000],
      ]
  const columns = (sqlite.pragma('table_info(dwellings)') as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'id')
  const copied = columns.map((c) =>
    c === 'quarter_key'
      ? `'${OPEN_QUARTER}'`
      : c === 'status'
        ? "'ingediend'"
        : c === 'address'
          ? "address || ' (kopie ' || id || ')'"
          : c,
  )
  for (const [waiting, open] of sizes) {
    const runs: { ms: number; w: number; d: number }[] = []
    for (let i = 0; i < (QUICK ? 1 : 3); i++) {
      runs.push(
        await rolledBack(runtime, async () => {
          if (waiting < waiting0)
            sqlite.exec(
              `UPDATE clients SET status = 'on-hold' WHERE id IN (SELECT id FROM clients WHERE status = 'wachtend' ORDER BY id LIMIT ${waiting0 - waiting})`,
            )
          if (waiting > waiting0)
            sqlite.exec(
              `UPDATE clients SET status = 'wachtend' WHERE id IN (SELECT id FROM clients WHERE status = 'ingetrokken' ORDER BY id DESC LIMIT ${waiting - waiting0})`,
            )
          if (open < open0)
            sqlite.exec(
              `UPDATE dwellings SET status = 'ingetrokken' WHERE id IN (SELECT id FROM dwellings WHERE quarter_key = '${OPEN_QUARTER}' AND status = 'ingediend' ORDER BY id LIMIT ${open0 - open})`,
            )
          if (open > open0)
            sqlite.exec(
              `INSERT INTO dwellings (${columns.join(', ')}) SELECT ${copied.join(', ')} FROM dwellings WHERE quarter_key <> '${OPEN_QUARTER}' ORDER BY id DESC LIMIT ${open - open0}`,
            )
          // The demo has fewer earlier clients and dwellings to draw on: report what was reached.
          const w = count(runtime, "SELECT count(*) FROM clients WHERE status = 'wachtend'")
          const d = count(
            runtime,
            `SELECT count(*) FROM dwellings WHERE quarter_key = '${OPEN_QUARTER}' AND status = 'ingediend'`,
          )
          return {
            ms: (await timeAsync(async () => await generateForQuarter(runtime.ctx, OPEN_QUARTER)))
              .ms,
            w,
            d,
          }
        }),
      )
    }
    const took = median(runs.map((r) => r.ms))
    const { w, d } = runs[0]!
    report(
      `  growth: ${n(w)} waiting × ${n(d)} dwellings`,
      `${ms(took)} (${((took * 1000) / (w * d)).toFixed(2)} µs a pair)`,
    )
  }
}

/** One committed batch on a copy: what the officer really waits for, the commit included. */
async function committedBatch(base: string) {
  const file = join(BENCH, 'commit.db')
  copyDb(base, file)
  const runtime = await open(file)
  try {
    const run = await timeAsync(async () => await generateForQuarter(runtime.ctx, OPEN_QUARTER))
    report('quarter batch, committed once (on a copy)', ms(run.ms), '≤ 1.5 s', run.ms <= 1500)
  } finally {
    runtime.close()
    removeDb(file)
  }
}

function machine(): string {
  const cpu = cpus()
  // The load average says how much of the machine the figures had: on a shared one, a lot less.
  const load = loadavg()[0]!.toFixed(1)
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average ${load} at the end`
}

// --- main -------------------------------------------------------------------------------------------

async function main() {
  mkdirSync(BENCH, { recursive: true })
  const base = QUICK ? await demo() : await tenYearsFile()
  const runtime = await open(base)
  const sizes = {
    clients: count(runtime, 'SELECT count(*) FROM clients'),
    waiting: count(runtime, "SELECT count(*) FROM clients WHERE status = 'wachtend'"),
    dwellings: count(runtime, 'SELECT count(*) FROM dwellings'),
    shortlists: count(runtime, 'SELECT count(*) FROM shortlists'),
    audit: count(runtime, 'SELECT count(*) FROM audit_events'),
    mb: statSync(base).size / 2 ** 20,
  }
  runtime.close()

  await appStart(base)
  // The rest works on a copy opened once, without the lock, so a rolled-back run leaves no trace.
  const work = join(BENCH, 'work.db')
  copyDb(base, work)
  const live = await open(work)
  try {
    await batch(live)
    await oneDwelling(live)
    await growth(live)
  } finally {
    live.close()
    removeDb(work)
  }
  await committedBatch(base)
  quarterReport(base)
  await imports(base)
  forecast()

  const title =
    `${QUICK ? 'Demo' : 'Ten-year'} database: ${n(sizes.clients)} clients (${n(sizes.waiting)} waiting), ` +
    `${n(sizes.dwellings)} dwellings, ${n(sizes.shortlists)} shortlists, ${n(sizes.audit)} audit rows, ` +
    `${sizes.mb.toFixed(0)} MB`
  console.log(`\n${title}`)
  console.log(`${machine()}; data as of ${DAY}; run ${new Date().toISOString().slice(0, 16)}Z\n`)
  const width = Math.max(...lines.map((l) => l.what.length))
  const measuredWidth = Math.max(...lines.map((l) => l.measured.length))
  for (const line of lines) {
    const verdict = line.ok === undefined ? '' : line.ok ? '  ok' : '  OVER'
    console.log(
      `${line.what.padEnd(width)}  ${line.measured.padStart(measuredWidth)}  ${line.target ?? ''}${verdict}`,
    )
  }
}

if (process.argv.includes('--team')) {
  const { benchTeam } = await import('./bench-team')
  await benchTeam(process.argv.slice(2))
} else {
  // The batch solves its assignment with HiGHS, which loads asynchronously once, as in the app.
  await loadAssignmentSolver()
  await main()
}

/**
 * The store the e2e suite runs on: the desk's SQLite file (default) or, with
 * VIERDE_HUIS_E2E_STORE=postgres, team mode's PostgreSQL, a fresh database per test on a throwaway
 * cluster that Playwright's globalSetup starts once per run (tests/support/e2e-global-setup.ts).
 * Nothing here imports vitest: Playwright runs it.
 */
import Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { ApiResult } from '../../src/shared/api'
import {
  copyIntoPostgres,
  readSqliteSnapshot,
  type SqliteSnapshot,
} from '../../src/main/db/copy-to-postgres'
import type { PgStore } from '../../src/main/db/pg-store'
import { openRuntime, type Runtime } from '../../src/main/runtime'
import type { Actor } from '../../src/main/services/context'
import { TEST_PG_URL_VARIABLE } from './pg-cluster'

export const E2E_STORE_VARIABLE = 'VIERDE_HUIS_E2E_STORE'
export type E2eStore = 'sqlite' | 'postgres'

/** Which store this run drives the app on; anything but "postgres" is SQLite. */
export function e2eStore(env: NodeJS.ProcessEnv = process.env): E2eStore {
  const value = env[E2E_STORE_VARIABLE]?.trim().toLowerCase()
  if (!value || value === 'sqlite') return 'sqlite'
  if (value === 'postgres' || value === 'postgresql') return 'postgres'
  throw new Error(`${E2E_STORE_VARIABLE}=${value}: kies sqlite of postgres`)
}

function clusterUrl(): string {
  const url = process.env[TEST_PG_URL_VARIABLE]
  if (!url) throw new Error(`${TEST_PG_URL_VARIABLE} ontbreekt: draaide e2e-global-setup.ts?`)
  return url
}

async function onCluster(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: clusterUrl() })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A fresh, empty database on the run's cluster; its URL (same user and password). */
export async function createE2eDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vierde_huis_e2e_${randomBytes(6).toString('hex')}`
  await onCluster(`CREATE DATABASE "${name}"`)
  const url = new URL(clusterUrl())
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    // FORCE: a pool a failed test left open must not keep its database alive.
    drop: () => onCluster(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  }
}

/**
 * The demo on PostgreSQL. The demo's history runs on SQLite only (demo/history.ts prepares its
 * reads on the raw connection), so under team mode an organisation fills PostgreSQL by copying a
 * desk's file in (`migrate-to-postgres`). The e2e fixture does the same behind `demo:load`: the
 * demo is loaded by the app's own `demo:load` into a SQLite file (same officer, same clock, same
 * seed), and that file is copied into the test's empty PostgreSQL database with migrate-to-
 * postgres's own code; the answer is the SQLite load's summary, so the page shows the same toast.
 * A database that already holds anything gets the service's own refusal. Loaded files are kept
 * per seed, officer and day for the worker's lifetime: the copy is the only per-test cost.
 */
export function routeDemoThroughSqlite(runtime: Runtime<PgStore>): void {
  const refuse = runtime.routes.get('demo:load')!
  runtime.routes.set('demo:load', async (raw) => {
    const { rows } = await runtime.store.pool.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM corporations) + (SELECT count(*) FROM care_providers)
            + (SELECT count(*) FROM clients) + (SELECT count(*) FROM dwellings) AS n`,
    )
    if (rows[0]!.n > 0) return await refuse(raw)
    const loaded = await sqliteDemo(runtime, raw)
    if (!loaded.result.ok) return loaded.result
    const sqlite = new Database(loaded.file, { readonly: true })
    let snapshot
    try {
      snapshot = readSqliteSnapshot(sqlite)
    } finally {
      sqlite.close()
    }
    await copyIntoPostgres(await keepWhatIsThere(runtime.store, snapshot), runtime.store.pgDb)
    return loaded.result
  })
}

/**
 * loadDemo lets year targets, quarters and settings already in the database win over the demo's
 * (a started team database holds a setting or two). The copy only fills empty tables, so those
 * rows are taken out and put into the snapshot instead, the database's own winning on equal keys.
 * Any other table that holds rows is an error: loadDemo would have refused or mixed them.
 */
const OFFICER_WINS: Record<string, (row: Record<string, unknown>) => string> = {
  year_targets: (row) => String(row.year),
  quarters: (row) => String(row.key),
  settings: (row) => `${String(row.key)}|${String(row.year)}`,
}

async function keepWhatIsThere(store: PgStore, snapshot: SqliteSnapshot): Promise<SqliteSnapshot> {
  const merged: SqliteSnapshot = []
  for (const { pair, rows } of snapshot) {
    const there = (await store.pgDb.select().from(pair.pg)) as Record<string, unknown>[]
    const keyOf = OFFICER_WINS[pair.name]
    if (there.length === 0) merged.push({ pair, rows })
    else if (!keyOf) throw new Error(`demo:load in e2e: tabel ${pair.name} is niet leeg`)
    else {
      const taken = new Set(there.map(keyOf))
      merged.push({ pair, rows: [...there, ...rows.filter((row) => !taken.has(keyOf(row)))] })
      await store.pool.query(`DELETE FROM "${pair.name}"`)
    }
  }
  return merged
}

interface LoadedDemo {
  file: string
  result: ApiResult<unknown>
}

const demoFiles = new Map<string, Promise<LoadedDemo>>()
let demoFolder: string | null = null

function sqliteDemo(runtime: Runtime, raw: unknown): Promise<LoadedDemo> {
  return demoFile(runtime.ctx.actor, runtime.ctx.now, raw)
}

/**
 * The demo as `demo:load` with `raw` makes it for this officer today, in a SQLite file: made once
 * per worker, then reused. The fixture warms it before the first test (warmDemo), so no test's
 * 30-second wait for the "Demogegevens geladen" toast includes the demo's history.
 */
export function demoFile(actor: Actor, now: () => Date, raw: unknown = {}): Promise<LoadedDemo> {
  const key = JSON.stringify([raw, actor, now().toISOString().slice(0, 10)])
  let loaded = demoFiles.get(key)
  if (!loaded) {
    if (!demoFolder) {
      const folder = mkdtempSync(join(tmpdir(), 'vierde-huis-e2e-demo-'))
      demoFolder = folder
      process.on('exit', () => rmSync(folder, { recursive: true, force: true }))
    }
    const file = join(demoFolder, `demo-${demoFiles.size}.db`)
    loaded = (async () => {
      const desk = await openRuntime(file, {
        context: { actor, now },
        startupTasks: false,
        lock: false,
      })
      try {
        return { file, result: await desk.routes.get('demo:load')!(raw) }
      } finally {
        desk.close()
      }
    })()
    demoFiles.set(key, loaded)
  }
  return loaded
}

/**
 * The rows of a raw query on the test's store, written once with `?` placeholders: SQLite runs it
 * on the raw connection, PostgreSQL on the pool (`?` becomes `$1`, `$2`, …). For tests that read
 * or set up the database beside the app; the app's own code goes through drizzle and dialect.ts.
 */
export async function sqlRows<T = Record<string, unknown>>(
  runtime: Runtime,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const { store } = runtime
  if (store.dialect === 'sqlite') {
    const statement = store.sqlite.prepare(text)
    if (statement.reader) return statement.all(...params) as T[]
    statement.run(...params)
    return []
  }
  let n = 0
  const result = await store.pool.query(
    text.replace(/\?/g, () => `$${++n}`),
    params,
  )
  return result.rows as T[]
}

/** The first column of the first row (undefined without rows). */
export async function sqlValue<T>(
  runtime: Runtime,
  text: string,
  params: unknown[] = [],
): Promise<T> {
  const [row] = await sqlRows<Record<string, unknown>>(runtime, text, params)
  return (row ? Object.values(row)[0] : undefined) as T
}

/**
 * Row counts and a hash of every row of every table of the app's schema: equal digests mean the
 * store holds exactly the same data. Rows are hashed in a fixed order (sorted), on either store.
 */
export async function storeDigest(runtime: Runtime): Promise<Record<string, string>> {
  const tables =
    runtime.store.dialect === 'sqlite'
      ? await sqlRows<{ name: string }>(
          runtime,
          "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
        )
      : await sqlRows<{ name: string }>(
          runtime,
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
        )
  const digest: Record<string, string> = {}
  for (const { name } of tables) {
    const rows = (await sqlRows(runtime, `SELECT * FROM "${name}"`)).map((row) =>
      JSON.stringify(row),
    )
    rows.sort()
    digest[name] = `${rows.length}:${createHash('sha1').update(rows.join('\n')).digest('hex')}`
  }
  return digest
}

/** Skips the current test on PostgreSQL, printing why: only for SQLite's own file mechanics. */
export function sqliteOnlyReason(what: string): string {
  return `alleen SQLite: ${what} (in teamgebruik maakt de beheerder van de PostgreSQL-server de reservekopieën)`
}

/**
 * Where a screenshot goes: as given on SQLite; on PostgreSQL under test-results/postgres/, so the
 * second run neither overwrites the first run's pictures nor the ones committed in docs/.
 */
export function shot(path: string): string {
  if (e2eStore() !== 'postgres') return path
  return join('test-results', 'postgres', path.replace(/^test-results\//, ''))
}

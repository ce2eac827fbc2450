/**
 * The two stores the app runs on, for tests that must hold on both: the desk's SQLite file and the
 * team's PostgreSQL. A PostgreSQL store under test is filled the way an organisation fills it: the
 * same SQLite file copied in by `migrate-to-postgres`'s own code (copy-to-postgres.ts).
 */
import pg from 'pg'
import { afterEach } from 'vitest'
import { copyFileToPostgres } from '../../src/main/db/copy-to-postgres'
import { parseDatabaseUrl, type PgTarget } from '../../src/main/db/pg-url'
import { openRuntime, openTeamRuntime, type Runtime } from '../../src/main/runtime'
import type { Actor } from '../../src/main/services/context'
import { testClusterUrl, usePgDatabase, withDatabase } from './pg-database'
import { FIXED_NOW, TEST_ACTOR } from './temp-db'

export const STORE_KINDS = ['sqlite', 'postgres'] as const
export type StoreKind = (typeof STORE_KINDS)[number]

/** Copies a SQLite file into a fresh database on the test cluster, as migrate-to-postgres does. */
export async function copyToPostgres(file: string, url: string): Promise<PgTarget> {
  const target = parseDatabaseUrl(url)
  await copyFileToPostgres(file, target)
  return target
}

export const TEST_CONTEXT = { actor: TEST_ACTOR, now: () => FIXED_NOW }

async function onCluster<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testClusterUrl() })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * A database on the test cluster holding the PostgreSQL copy of `file`, made once per run and
 * name: a test that starts from the same shared file (the demo, the export scenario's base) then
 * gets its fresh database with `CREATE DATABASE … TEMPLATE`, a file copy inside the server,
 * instead of copying the file in row by row again. The first worker builds it under an advisory
 * lock; the others wait for it.
 */
async function templateDatabase(name: string, file: string): Promise<string> {
  const template = `vierde_huis_tpl_${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`
  return await onCluster(async (client) => {
    await client.query('SELECT pg_advisory_lock(14, hashtext($1))', [template])
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])
      if (found.rowCount === 0) {
        const building = `${template}_bouw`
        await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`)
        await client.query(`CREATE DATABASE "${building}"`)
        await copyToPostgres(file, withDatabase(testClusterUrl(), building))
        await client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`)
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(14, hashtext($1))', [template])
    }
    return template
  })
}

/**
 * Opens the app (routes, services) on `file` as it is, or on a PostgreSQL copy of it; closes what
 * it opened after each test (the PostgreSQL database is dropped by usePgDatabase). `template`
 * names the shared file `file` is an unchanged copy of, so its PostgreSQL copy is made once per run.
 * `actor`: who acts in the app (TEST_ACTOR unless given).
 */
export interface RuntimeOn {
  (kind: StoreKind, file: string, options?: { template?: string; actor?: Actor }): Promise<Runtime>
  /** The same store opened again after `runtime` was closed: the app's next start on it. */
  reopen(runtime: Runtime, options?: { startupTasks?: boolean }): Promise<Runtime>
  /** A new, empty store: a new SQLite file at `file`, or a new database the app migrates itself. */
  empty(kind: StoreKind, file: string): Promise<Runtime>
}

export function useRuntimeOn(): RuntimeOn {
  const freshDatabase = usePgDatabase()
  const open: Runtime[] = []
  const places = new WeakMap<Runtime, string | PgTarget>()
  afterEachClose(open)
  const openOn = async (place: string | PgTarget, startupTasks: boolean, actor = TEST_ACTOR) => {
    const options = { context: { ...TEST_CONTEXT, actor }, startupTasks }
    const runtime =
      typeof place === 'string'
        ? await openRuntime(place, options)
        : await openTeamRuntime(place, options)
    // Closing twice (the test, then afterEach) is closing once: a pool cannot end twice.
    const close = runtime.close.bind(runtime)
    let closed: Promise<void> | null = null
    runtime.close = () => (closed ??= Promise.resolve(close()))
    places.set(runtime, place)
    open.push(runtime)
    return runtime
  }
  const runtimeOn = async (
    kind: StoreKind,
    file: string,
    { template, actor }: { template?: string; actor?: Actor } = {},
  ) => {
    if (kind === 'sqlite') return await openOn(file, false, actor)
    const target = template
      ? parseDatabaseUrl(await freshDatabase(await templateDatabase(template, file)))
      : await copyToPostgres(file, await freshDatabase())
    return await openOn(target, false, actor)
  }
  return Object.assign(runtimeOn, {
    reopen: async (runtime: Runtime, { startupTasks = false } = {}) => {
      open.splice(open.indexOf(runtime), 1)
      return await openOn(places.get(runtime)!, startupTasks)
    },
    empty: async (kind: StoreKind, file: string) =>
      await openOn(kind === 'sqlite' ? file : parseDatabaseUrl(await freshDatabase()), false),
  })
}

function afterEachClose(open: Runtime[]): void {
  afterEach(async () => {
    for (const runtime of open.splice(0)) await runtime.close()
  })
}

/**
 * The two stores the app runs on, for tests that must hold on both: the desk's SQLite file and the
 * team's PostgreSQL. A PostgreSQL store under test is filled the way an organisation fills it: the
 * same SQLite file copied in by `migrate-to-postgres`'s own code (copy-to-postgres.ts).
 */
import Database from 'better-sqlite3'
import { afterEach } from 'vitest'
import { copyIntoPostgres, readSqliteSnapshot } from '../../src/main/db/copy-to-postgres'
import { openPgStore } from '../../src/main/db/pg-store'
import { parseDatabaseUrl, type PgTarget } from '../../src/main/db/pg-url'
import { openRuntime, openTeamRuntime, type Runtime } from '../../src/main/runtime'
import { usePgDatabase } from './pg-database'
import { FIXED_NOW, TEST_ACTOR } from './temp-db'

export const STORE_KINDS = ['sqlite', 'postgres'] as const
export type StoreKind = (typeof STORE_KINDS)[number]

/** Copies a SQLite file into a fresh database on the test cluster, as migrate-to-postgres does. */
export async function copyToPostgres(file: string, url: string): Promise<PgTarget> {
  const sqlite = new Database(file, { readonly: true })
  let snapshot
  try {
    snapshot = readSqliteSnapshot(sqlite)
  } finally {
    sqlite.close()
  }
  const target = parseDatabaseUrl(url)
  const store = await openPgStore(target)
  try {
    await copyIntoPostgres(snapshot, store.pgDb)
  } finally {
    await store.close()
  }
  return target
}

export const TEST_CONTEXT = { actor: TEST_ACTOR, now: () => FIXED_NOW }

/**
 * Opens the app (routes, services) on `file` as it is, or on a PostgreSQL copy of it; closes what
 * it opened after each test (the PostgreSQL database is dropped by usePgDatabase).
 */
export function useRuntimeOn(): (kind: StoreKind, file: string) => Promise<Runtime> {
  const freshDatabase = usePgDatabase()
  const open: Runtime[] = []
  afterEachClose(open)
  return async (kind, file) => {
    const runtime =
      kind === 'sqlite'
        ? await openRuntime(file, { context: TEST_CONTEXT, startupTasks: false })
        : await openTeamRuntime(await copyToPostgres(file, await freshDatabase()), {
            context: TEST_CONTEXT,
            startupTasks: false,
          })
    open.push(runtime)
    return runtime
  }
}

function afterEachClose(open: Runtime[]): void {
  afterEach(async () => {
    for (const runtime of open.splice(0)) await runtime.close()
  })
}

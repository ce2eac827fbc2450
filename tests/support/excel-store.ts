import type { SqliteStore } from '../../src/main/db/connection'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { careProviders, corporations } from '../../src/main/db/schema'
import { openRuntime, type Runtime } from '../../src/main/runtime'
import type { ServiceContext } from '../../src/main/services/context'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from './temp-db'

export interface ExcelStore {
  runtime: Runtime<SqliteStore>
  ctx: ServiceContext
  dir: string
  dbFile: string
  mitros: number
  portaal: number
  lister: number
  kwintes: number
}

/**
 * A real SQLite store with the real migrations, two corporations and two care providers,
 * inserted directly so the tests depend on nothing but the schema.
 */
export function useExcelStore(): () => Promise<ExcelStore> {
  const tempDir = useTempDir()
  const open: Runtime<SqliteStore>[] = []
  afterEach(() => {
    for (const runtime of open.splice(0)) runtime.close()
  })
  return async () => {
    const dir = tempDir()
    const dbFile = join(dir, 'test.db')
    const runtime = await openRuntime(dbFile, {
      context: { actor: TEST_ACTOR, now: () => FIXED_NOW },
    })
    open.push(runtime)
    const { db } = runtime.store
    const corporation = (name: string, socialStock: number) =>
      db.insert(corporations).values({ name, socialStock }).returning({ id: corporations.id }).get()
        .id
    const provider = (name: string) =>
      db.insert(careProviders).values({ name }).returning({ id: careProviders.id }).get().id
    return {
      runtime,
      ctx: runtime.ctx,
      dir,
      dbFile,
      mitros: corporation('Mitros', 12_000),
      portaal: corporation('Portaal', 9_000),
      lister: provider('Lister'),
      kwintes: provider('Kwintes'),
    }
  }
}

const TABLES = ['dwellings', 'clients', 'quarters', 'audit_events'] as const

/** Row counts and a hash of every row of the tables an import may touch: equal means nothing changed. */
export function fingerprint(runtime: Runtime<SqliteStore>): Record<string, string> {
  const result: Record<string, string> = {}
  for (const table of TABLES) {
    const rows = runtime.store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()
    result[table] =
      `${rows.length}:${createHash('sha1').update(JSON.stringify(rows)).digest('hex')}`
  }
  return result
}

export function count(runtime: Runtime<SqliteStore>, table: (typeof TABLES)[number]): number {
  return (runtime.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number })
    .n
}

import type { SqliteStore, Store } from '../../src/main/db/connection'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { careProviders, corporations } from '../../src/main/db/schema'
import { openRuntime, type Runtime } from '../../src/main/runtime'
import type { ServiceContext } from '../../src/main/services/context'
import { sqlRows, type HasStore } from './sql-rows'
import { useRuntimeOn, type StoreKind } from './stores'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from './temp-db'

export interface ExcelStore<S extends Store = SqliteStore> {
  runtime: Runtime<S>
  ctx: ServiceContext<S>
  dir: string
  dbFile: string
  mitros: number
  portaal: number
  lister: number
  kwintes: number
}

/** Without a kind: the desk's SQLite file, as most Excel tests need it; with one: that store. */
export interface ExcelStoreOpener {
  (): Promise<ExcelStore>
  (kind: StoreKind): Promise<ExcelStore<Store>>
}

/**
 * A real store with the real migrations, two corporations and two care providers, inserted
 * directly so the tests depend on nothing but the schema. The PostgreSQL store is that SQLite
 * file copied in (stores.ts), as an organisation fills it.
 */
export function useExcelStore(): ExcelStoreOpener {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()
  const open: Runtime<SqliteStore>[] = []
  afterEach(() => {
    for (const runtime of open.splice(0)) runtime.close()
  })
  const opener = async (kind: StoreKind = 'sqlite'): Promise<ExcelStore<Store>> => {
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
    const ids = {
      mitros: corporation('Mitros', 12_000),
      portaal: corporation('Portaal', 9_000),
      lister: provider('Lister'),
      kwintes: provider('Kwintes'),
    }
    if (kind === 'sqlite') return { runtime, ctx: runtime.ctx, dir, dbFile, ...ids }
    open.splice(open.indexOf(runtime), 1)
    runtime.close()
    const team = await runtimeOn(kind, dbFile, { template: 'excel-store' })
    return { runtime: team, ctx: team.ctx, dir, dbFile, ...ids }
  }
  return opener as ExcelStoreOpener
}

const TABLES = ['dwellings', 'clients', 'quarters', 'audit_events'] as const

/**
 * Row counts and a hash of every row of the tables an import may touch: equal means nothing
 * changed. The rows in a canonical order, so neither store's physical order matters.
 */
export async function fingerprint(holder: HasStore): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  for (const table of TABLES) {
    const lines = (await sqlRows(holder, `SELECT * FROM ${table}`))
      .map((row) => JSON.stringify(row))
      .sort()
    result[table] = `${lines.length}:${createHash('sha1').update(lines.join('\n')).digest('hex')}`
  }
  return result
}

export async function count(holder: HasStore, table: (typeof TABLES)[number]): Promise<number> {
  return (await sqlRows<{ n: number }>(holder, `SELECT count(*) AS n FROM ${table}`))[0]!.n
}

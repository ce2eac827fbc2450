import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { copyIntoPostgres, readSqliteSnapshot } from '../../src/main/db/copy-to-postgres'
import { openStore } from '../../src/main/db/connection'
import { openPgStore } from '../../src/main/db/pg-store'
import { parseDatabaseUrl } from '../../src/main/db/pg-url'
import { corporations, exportLog, wijkFigures } from '../../src/main/db/schema'
import { createContext } from '../../src/main/services/context'
import { loadDemo } from '../../src/main/services/demo-service'
import { usePgDatabase } from '../support/pg-database'
import { FIXED_NOW, TEST_ACTOR, useTempDir } from '../support/temp-db'

/** The CLI as support staff run it: a separate Node process, its exit code and its two streams. */
function cli(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/main/cli/index.ts', ...args],
    { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8' },
  )
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

function sqliteCounts(file: string): Record<string, number> {
  const sqlite = new Database(file, { readonly: true })
  try {
    const tables = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name",
      )
      .pluck()
      .all() as string[]
    return Object.fromEntries(
      tables.map((t) => [t, sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
    )
  } finally {
    sqlite.close()
  }
}

async function pgCounts(url: string, tables: string[]): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const counts: Record<string, number> = {}
    for (const t of tables) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)
      counts[t] = rows[0]!.n
    }
    return counts
  } finally {
    await client.end()
  }
}

describe('npm run cli -- migrate-to-postgres', { timeout: 180_000 }, () => {
  const tempDir = useTempDir()
  const freshDatabase = usePgDatabase()

  it('copies the demo database with equal counts and digests per table, and leaves the file as it was', async () => {
    const file = join(tempDir(), 'demo.db')
    const store = openStore(file)
    await loadDemo(createContext(store, { now: () => FIXED_NOW, actor: TEST_ACTOR }))
    // The two tables the demo leaves empty, so every table carries rows (and a real that needs 53 bits).
    store.db
      .insert(wijkFigures)
      .values({
        wijk: 'zuid',
        socialStock: 1234,
        socialShare: 0.1 + 0.2,
        placements: 3,
        source: 'beheer',
      })
      .run()
    store.db
      .insert(exportLog)
      .values({
        at: '2026-11-23T09:00:00.000Z',
        officer: 'Anna',
        osUser: 'anna',
        kind: 'shortlists',
        recipient: 'Mitros',
        fileName: 'voordracht-Mitros-2026-Q4.xlsx',
      })
      .run()
    store.close()
    const before = sha256(file)
    const url = await freshDatabase()

    const run = cli('migrate-to-postgres', '--db', file, '--url', url)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)

    const expected = sqliteCounts(file)
    const tables = Object.keys(expected)
    expect(Object.values(expected).every((n) => n > 0)).toBe(true)
    const lines = run.stdout.trim().split('\n')
    for (const table of tables) {
      const line = lines.find((l) => l.startsWith(`${table} `))
      expect(line, table).toMatch(/ gelijk$/)
      const [, sqliteRows, pgRows, sqliteDigest, pgDigest] = line!.split(/\s+/)
      expect(sqliteRows).toBe(pgRows)
      expect(Number(sqliteRows!.replace('.', ''))).toBe(expected[table])
      expect(sqliteDigest).toMatch(/^[0-9a-f]{16}$/)
      expect(pgDigest).toBe(sqliteDigest)
    }
    expect(run.stdout).not.toContain('VERSCHIL')
    expect(run.stdout).toContain(`${tables.length} tabellen,`)
    expect(run.stdout).toContain('aantallen en controlegetallen zijn gelijk')
    expect(await pgCounts(url, tables)).toEqual(expected)
    expect(sha256(file)).toBe(before)

    // The sequences continue after the copied ids; a flag and a real arrive as they were.
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const inserted = await client.query<{ id: number }>(
        "INSERT INTO audit_events (at, officer, os_user, action, entity_type, summary) VALUES ('2026-12-01T00:00:00.000Z', 'Anna', 'anna', 'test', 'test', 'na de kopie') RETURNING id",
      )
      expect(inserted.rows[0]!.id).toBe(expected.audit_events! + 1)
      const figure = await client.query('SELECT social_share FROM wijk_figures')
      expect(figure.rows).toEqual([{ social_share: 0.1 + 0.2 }])
      const active = await client.query('SELECT DISTINCT active FROM corporations')
      expect(active.rows).toEqual([{ active: true }])
    } finally {
      await client.end()
    }

    // A second run finds the target filled and refuses, changing nothing.
    const again = cli('migrate-to-postgres', '--db', file, '--url', url)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('Fout: De PostgreSQL-database is niet leeg: corporations (')
    expect(await pgCounts(url, ['audit_events'])).toEqual({
      audit_events: expected.audit_events! + 1,
    })
    expect(sha256(file)).toBe(before)
  })

  it('copies nothing at all when one row cannot be copied', async () => {
    const file = join(tempDir(), 'vreemd.db')
    const store = openStore(file)
    store.db
      .insert(corporations)
      .values([
        { name: 'Bo-Ex', socialStock: 3000 },
        { name: 'Mitros', socialStock: 15000 },
      ])
      .run()
    // SQLite stores what it is given; PostgreSQL's integer column will not take it.
    store.sqlite
      .prepare("UPDATE corporations SET social_stock = 'veel' WHERE name = 'Mitros'")
      .run()
    store.close()
    const target = parseDatabaseUrl(await freshDatabase())
    const pgStore = await openPgStore(target)
    const sqlite = new Database(file, { readonly: true })
    try {
      await expect(copyIntoPostgres(readSqliteSnapshot(sqlite), pgStore.pgDb)).rejects.toThrow(
        'Kopiëren van tabel corporations mislukte: error: invalid input syntax for type integer: "veel"',
      )
      expect(await pgCounts(target.url, ['corporations', 'database_identity'])).toEqual({
        corporations: 0,
        database_identity: 0,
      })
    } finally {
      sqlite.close()
      await pgStore.close()
    }
  })

  it('refuses a file of an older version, and says to open it with the app first', async () => {
    const file = join(tempDir(), 'oud.db')
    const store = openStore(file)
    store.sqlite
      .prepare(
        'DELETE FROM __drizzle_migrations WHERE rowid = (SELECT max(rowid) FROM __drizzle_migrations)',
      )
      .run()
    store.close()
    const run = cli('migrate-to-postgres', '--db', file, '--url', await freshDatabase())
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /^Fout: Het SQLite-bestand heeft een oudere opbouw \((\d+) van \d+ migraties\)\. Open het eerst één keer met deze versie van de app/,
    )
  })
})

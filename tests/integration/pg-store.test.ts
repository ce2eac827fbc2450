import { spawnSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resourcePath } from '../../src/main/db/connection'
import { openPgStore, testPgConnection } from '../../src/main/db/pg-store'
import { configuredDatabaseUrl, DatabaseUrlError, parseDatabaseUrl } from '../../src/main/db/pg-url'
import { testClusterUrl, usePgDatabase, withDatabase } from '../support/pg-database'
import { useTempDir } from '../support/temp-db'

const ROOT = join(import.meta.dirname, '..', '..')

const MIGRATIONS = (
  JSON.parse(
    readFileSync(join(resourcePath('migrations-pg'), 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] }
).entries.length

/** A port on 127.0.0.1 that nothing listens on (taken and released again). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function withPassword(url: string, password: string): string {
  const parsed = new URL(url)
  parsed.password = password
  return parsed.toString()
}

describe('the database URL', () => {
  it('accepts a postgres URL and keeps the password out of what it shows', () => {
    const target = parseDatabaseUrl('postgres://anna:geheim@db.vierdehuis.local:5433/matching')
    expect(target).toMatchObject({
      host: 'db.vierdehuis.local',
      port: 5433,
      database: 'matching',
      user: 'anna',
      display: 'postgres://anna:***@db.vierdehuis.local:5433/matching',
    })
    expect(parseDatabaseUrl('postgresql://anna@db/matching?sslmode=require')).toMatchObject({
      port: 5432,
      url: 'postgresql://anna@db/matching?sslmode=require',
    })
  })

  it.each([
    ['db.local/matching', 'is geen geldige database-URL'],
    ['mysql://anna@db/matching', 'moet met postgres:// beginnen, niet met mysql://'],
    ['postgres://anna@db.local:5432/', 'ontbreekt de naam van de database'],
    ['postgres://db.local/matching', 'ontbreekt de gebruiker'],
  ])('refuses %s in Dutch', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(DatabaseUrlError)
    expect(() => parseDatabaseUrl(url)).toThrow(message)
  })

  it('reads VIERDE_HUIS_DATABASE_URL, and means SQLite when it is unset', () => {
    expect(configuredDatabaseUrl({})).toBeNull()
    expect(configuredDatabaseUrl({ VIERDE_HUIS_DATABASE_URL: ' ' })).toBeNull()
    expect(
      configuredDatabaseUrl({ VIERDE_HUIS_DATABASE_URL: 'postgres://a:b@h/d' })?.database,
    ).toBe('d')
    expect(() =>
      configuredDatabaseUrl({ VIERDE_HUIS_DATABASE_URL: 'postgres://a:wachtwoord@h/' }),
    ).toThrow('VIERDE_HUIS_DATABASE_URL: In de database-URL ontbreekt de naam van de database')
  })
})

describe('testing the connection (Beheer → Database)', () => {
  const freshDatabase = usePgDatabase()

  it('reports the server, the database and the user when all is well', async () => {
    const report = await testPgConnection(parseDatabaseUrl(await freshDatabase()))
    expect(report.ok).toBe(true)
    expect(report.message).toMatch(/^Verbonden met PostgreSQL 1\d\.\d+ op 127\.0\.0\.1:\d+/)
  })

  it('says that the password is wrong', async () => {
    const target = parseDatabaseUrl(withPassword(await freshDatabase(), 'fout'))
    expect(await testPgConnection(target)).toEqual({
      ok: false,
      message: `Het wachtwoord van gebruiker "vierdehuis" klopt niet (server 127.0.0.1:${target.port}).`,
    })
  })

  it('says that nothing answers on that port', async () => {
    const port = await closedPort()
    const target = parseDatabaseUrl(`postgres://vierdehuis:x@127.0.0.1:${port}/matching`)
    expect((await testPgConnection(target)).message).toBe(
      `De PostgreSQL-server op 127.0.0.1:${port} weigert de verbinding. Draait de server, en klopt de poort?`,
    )
  })

  it('says that the database does not exist', async () => {
    const target = parseDatabaseUrl(withDatabase(testClusterUrl(), 'bestaat_niet'))
    expect((await testPgConnection(target)).message).toContain(
      'Database "bestaat_niet" bestaat niet op 127.0.0.1:',
    )
  })
})

describe('migrating at start', () => {
  const freshDatabase = usePgDatabase()
  const tempDir = useTempDir()

  it('ships the migrations drizzle-kit makes of pg-schema.ts, none missing', () => {
    const out = join(tempDir(), 'migrations-pg')
    cpSync(resourcePath('migrations-pg'), out, { recursive: true })
    // drizzle-kit reads --out relative to the working directory.
    const generate = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'drizzle-kit', 'bin.cjs'),
        'generate',
        ...['--dialect', 'postgresql', '--schema', './src/main/db/pg-schema.ts'],
        ...['--out', relative(ROOT, out)],
      ],
      { cwd: ROOT, encoding: 'utf8' },
    )
    expect(generate.stderr).toBe('')
    expect(generate.stdout).toContain('No schema changes, nothing to migrate')
    expect(readdirSync(out).filter((f) => f.endsWith('.sql'))).toHaveLength(MIGRATIONS)
  })

  it('migrates once when two desks start together on a fresh database, and both open', async () => {
    const target = parseDatabaseUrl(await freshDatabase())
    const desks = await Promise.all([openPgStore(target), openPgStore(target)])
    try {
      expect(desks.map((d) => d.migrationsApplied).sort()).toEqual([0, MIGRATIONS])
      const { rows } = await desks[0].pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
      )
      expect(rows[0]!.n).toBe(MIGRATIONS)
      // Both can use the schema: one writes, the other reads it back.
      await desks[0].pool.query(
        "INSERT INTO corporations (name, social_stock) VALUES ('Mitros', 1)",
      )
      const read = await desks[1].pool.query<{ name: string; created_at: string }>(
        'SELECT name, export_detail, created_at FROM corporations',
      )
      // The defaults as SQLite writes them: the moment in the same ISO form (strftime's %fZ).
      expect(read.rows).toEqual([
        {
          name: 'Mitros',
          export_detail: 'beperkt',
          created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        },
      ])
    } finally {
      await Promise.all(desks.map((d) => d.close()))
    }
  })

  it('applies nothing when a desk starts again', async () => {
    const target = parseDatabaseUrl(await freshDatabase())
    await (await openPgStore(target)).close()
    const again = await openPgStore(target)
    await again.close()
    expect(again.migrationsApplied).toBe(0)
  })

  it('refuses to open with a wrong password, in Dutch', async () => {
    const target = parseDatabaseUrl(withPassword(await freshDatabase(), 'fout'))
    await expect(openPgStore(target)).rejects.toThrow(
      'Het wachtwoord van gebruiker "vierdehuis" klopt niet',
    )
  })
})

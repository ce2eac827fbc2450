/**
 * The CLI and the host choose their store as the app does (store-choice.ts): `--db <bestand>`, or
 * the team's PostgreSQL through VIERDE_HUIS_DATABASE_URL; both given, or neither, is refused in
 * Dutch. Run against the real test cluster, the host as its own process as `npm run serve` runs it.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_URL_VARIABLE } from '../../src/main/db/pg-url'
import { DEMO_TEAM_REFUSAL } from '../../src/main/services/demo-service'
import { cli, spawnCli } from '../support/cli'
import { usePgDatabase } from '../support/pg-database'
import { copyDemo } from '../support/shared-files'
import { copyToPostgres } from '../support/stores'
import { useTempDir } from '../support/temp-db'

const ROOT = join(import.meta.dirname, '..', '..')
const QUARTER = '2026-Q4'

/** Sets the variable for this test only (the CLI runs in this process and reads process.env). */
function useDatabaseVariable(): (url: string | undefined) => void {
  const before = process.env[DATABASE_URL_VARIABLE]
  afterEach(() => {
    if (before === undefined) delete process.env[DATABASE_URL_VARIABLE]
    else process.env[DATABASE_URL_VARIABLE] = before
  })
  return (url) => {
    if (url === undefined) delete process.env[DATABASE_URL_VARIABLE]
    else process.env[DATABASE_URL_VARIABLE] = url
  }
}

async function countOn(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!
      .n
  } finally {
    await client.end()
  }
}

describe('the CLI on the team database', () => {
  const tempDir = useTempDir()
  const freshDatabase = usePgDatabase()
  const setVariable = useDatabaseVariable()

  it('runs a command against PostgreSQL through the variable, as its own process too', async () => {
    const file = join(tempDir(), 'bureau.db')
    await copyDemo(file)
    const url = await freshDatabase()
    await copyToPostgres(file, url)
    const before = await countOn(url, 'shortlists')
    setVariable(url)

    const run = await cli('shortlists', '--quarter', QUARTER)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout) as Record<string, unknown>
    expect(summary).toBeTypeOf('object')
    const made = (await countOn(url, 'shortlists')) - before
    expect(made).toBeGreaterThan(0)

    // The same as support staff run it: a separate Node process that only has the variable.
    const spawned = spawnCli('shortlists', '--quarter', QUARTER)
    expect(spawned.stderr).toBe('')
    expect(spawned.code).toBe(0)
    expect(() => JSON.parse(spawned.stdout) as unknown).not.toThrow()
    // The demo is built once per run; on a busy two-core machine that alone can take a minute.
  }, 240_000)

  it('refuses --db together with the variable, and neither of them, in Dutch', async () => {
    const file = join(tempDir(), 'bureau.db')
    setVariable('postgres://team:geheim@db.example:5432/matching')
    const both = await cli('shortlists', '--db', file, '--quarter', QUARTER)
    expect(both.code).toBe(1)
    expect(both.stderr).toContain(
      `Fout: Geef --db <bestand> óf ${DATABASE_URL_VARIABLE} op, niet allebei`,
    )
    expect(both.stderr).toContain('postgres://team:***@db.example:5432/matching')
    expect(both.stderr).not.toContain('geheim')
    const migrate = await cli('migrate-to-postgres', '--db', file, '--url', 'postgres://a@b/c')
    expect(migrate.code).toBe(1)
    expect(migrate.stderr).toContain('niet allebei')

    setVariable(undefined)
    const neither = await cli('report', '--quarter', QUARTER, '--out', join(tempDir(), 'r.xlsx'))
    expect(neither.code).toBe(1)
    expect(neither.stderr).toContain(
      `Fout: Geef het databasebestand op met --db <bestand>, of zet voor teamgebruik ${DATABASE_URL_VARIABLE}=`,
    )
  })

  it('refuses the file-only commands in team mode with what to do instead', async () => {
    const url = await freshDatabase()
    setVariable(url)
    const target = new URL(url)
    const withoutPassword = `postgres://${target.username}@${target.host}${target.pathname}`
    const backup = await cli('backup', '--out', join(tempDir(), 'kopie.db'))
    expect(backup.code).toBe(1)
    expect(backup.stderr).toContain(
      'In teamgebruik maakt de beheerder van de PostgreSQL-server de reservekopieën',
    )
    expect(backup.stderr).toContain(
      `pg_dump --format=custom --file=vierde-huis.dump ${withoutPassword}`,
    )
    expect(backup.stderr).not.toContain(target.password)
    for (const args of [['backups'], ['restore', '--latest']]) {
      const refused = await cli(...args)
      expect(refused.code, args[0]).toBe(1)
      expect(refused.stderr, args[0]).toContain('In teamgebruik maakt de beheerder')
    }
    const demo = await cli('demo')
    expect(demo.code).toBe(1)
    expect(demo.stderr).toBe(`Fout: ${DEMO_TEAM_REFUSAL}\n`)
    // Refused before connecting: not even the schema was made.
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const tables = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public'")
    await client.end()
    expect(tables.rowCount).toBe(0)
  })
})

interface Served {
  code: number | null
  stdout: string
  stderr: string
  /** The host's URL once it says it runs; undefined when it exited first. */
  url?: string
  stop(): Promise<number | null>
}

/** `npm run serve` without the build: serve.ts as its own process, until it runs or exits. */
function serve(args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/serve.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const served: Served = {
    code: null,
    stdout: '',
    stderr: '',
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill('SIGTERM')
      }),
  }
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      served.stdout += chunk.toString('utf8')
      const running = /draait op (http:\/\/127\.0\.0\.1:\d+\/)/.exec(served.stdout)
      if (running) {
        served.url = running[1]
        resolve(served)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (served.stderr += chunk.toString('utf8')))
    child.once('exit', (code) => {
      served.code = code
      resolve(served)
    })
  })
}

async function post<T>(base: string, channel: string): Promise<T> {
  const response = await fetch(`${base}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  })
  const body = (await response.json()) as { ok: boolean; data: T }
  expect(body.ok).toBe(true)
  return body.data
}

describe('the host (npm run serve) on the team database', () => {
  const tempDir = useTempDir()
  const freshDatabase = usePgDatabase()
  const started: Served[] = []
  afterEach(async () => {
    for (const host of started.splice(0)) await host.stop()
  })

  const withoutVariable = () => {
    const env = { ...process.env }
    delete env[DATABASE_URL_VARIABLE]
    return env
  }

  it('starts on PostgreSQL when only the variable is given, migrating the empty database', async () => {
    const url = await freshDatabase()
    const host = await serve(['--port', '0'], {
      ...withoutVariable(),
      [DATABASE_URL_VARIABLE]: url,
    })
    started.push(host)
    expect(host.stderr).toBe('')
    expect(host.url).toBeDefined()
    const target = new URL(url)
    expect(host.stdout).toContain(
      `(teamdatabase: postgres://${target.username}:***@${target.host}${target.pathname})`,
    )
    expect(host.stdout).not.toContain(target.password)
    const info = await post<{ store: string; isEmpty: boolean }>(host.url!, 'app:info')
    expect(info).toMatchObject({ store: 'postgres', isEmpty: true })
    const database = await post<{ serverVersion: string }>(host.url!, 'database:info')
    expect(database.serverVersion).toMatch(/^PostgreSQL 1\d/)
    // The schema is there: the host migrated the empty database at start.
    expect(await countOn(url, 'corporations')).toBe(0)
    expect(await host.stop()).toBe(0)
  })

  it('refuses --db together with the variable, and neither, with one Dutch line', async () => {
    const both = await serve(['--db', join(tempDir(), 'x.db'), '--port', '0'], {
      ...withoutVariable(),
      [DATABASE_URL_VARIABLE]: 'postgres://team:geheim@db.example/matching',
    })
    expect(both.url).toBeUndefined()
    expect(both.code).toBe(1)
    expect(both.stderr).toMatch(
      /^Fout: Geef --db <bestand> óf VIERDE_HUIS_DATABASE_URL op, niet allebei/,
    )
    expect(both.stderr).not.toContain('geheim')

    const neither = await serve(['--port', '0'], withoutVariable())
    expect(neither.code).toBe(1)
    expect(neither.stderr).toMatch(/^Fout: Geef het databasebestand op met --db <bestand>/)
  })
})

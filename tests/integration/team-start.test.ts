/**
 * Team mode's start and Beheer (docs/team-mode.md §1, §7), on both stores: Beheer → Database (the
 * store in use, testing a URL, saving it for the next start only after a successful test, never
 * showing or logging the password), Beheer → Reservekopieën's team-mode answer and refusals, the
 * demo refused in the team's database, and each desk's connections named on the server.
 */
import { existsSync, readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/db/connection'
import { applicationName } from '../../src/main/db/pg-store'
import { parseDatabaseUrl } from '../../src/main/db/pg-url'
import { auditEvents } from '../../src/main/db/schema'
import { deskSettingFile, HOST_DESK_SETTING_TEXT } from '../../src/main/desk-database'
import type { Runtime } from '../../src/main/runtime'
import { TEAM_BACKUP_REFUSAL } from '../../src/main/services/backup-service'
import { DEMO_TEAM_REFUSAL } from '../../src/main/services/demo-service'
import { chooseAppStore } from '../../src/main/store-choice'
import type { AppInfo, BackupList, ConnectionTest, DatabaseInfo } from '../../src/shared/api'
import { usePgDatabase } from '../support/pg-database'
import { STORE_KINDS, useRuntimeOn } from '../support/stores'
import { useTempDir } from '../support/temp-db'

async function answer(runtime: Runtime, channel: string, input: unknown = {}) {
  return await runtime.routes.get(channel)!(input)
}

async function call<T>(runtime: Runtime, channel: string, input: unknown = {}): Promise<T> {
  const result = await answer(runtime, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.data as T
}

async function refusal(runtime: Runtime, channel: string, input: unknown = {}) {
  const result = await answer(runtime, channel, input)
  if (result.ok) throw new Error(`${channel} werd niet geweigerd`)
  return result.error
}

function withPassword(url: string, password: string): string {
  const parsed = new URL(url)
  parsed.password = password
  return parsed.toString()
}

describe.each(STORE_KINDS)('team mode at start and in Beheer, on %s', (kind) => {
  const tempDir = useTempDir()
  const openOn = useRuntimeOn()
  const freshDatabase = usePgDatabase()

  async function open(): Promise<Runtime> {
    const file = join(tempDir(), 'bureau.db')
    openStore(file).close()
    return await openOn(kind, file)
  }

  it('shows the store in use without a password, and its version', async () => {
    const runtime = await open()
    const info = await call<DatabaseInfo>(runtime, 'database:info')
    expect(info.store).toBe(kind)
    if (kind === 'sqlite') {
      expect(info.location).toMatch(/bureau\.db$/)
      expect(info.serverVersion).toMatch(/^SQLite 3\.\d+/)
    } else {
      const { store } = runtime
      if (store.dialect !== 'postgres') throw new Error('geen PostgreSQL')
      const password = new URL(store.target.url).password
      expect(password.length).toBeGreaterThan(0)
      expect(info.location).toBe(store.target.display)
      expect(info.location).toContain(':***@')
      expect(JSON.stringify(info)).not.toContain(password)
      expect(info.serverVersion).toMatch(/^PostgreSQL 1\d\.\d+$/)
    }
    // Opened without a desk setting (the host, the CLI): nothing is saved here, and it says why.
    expect(info).toMatchObject({ canSave: false, where: HOST_DESK_SETTING_TEXT, savedUrl: null })
    const app = await call<AppInfo>(runtime, 'app:info')
    expect(app.store).toBe(kind)
    expect(app.databaseFile).toBe(info.location)
  })

  it('tests a URL: connected with the version, or what is wrong in Dutch', async () => {
    const runtime = await open()
    const url = await freshDatabase()
    const good = await call<ConnectionTest>(runtime, 'database:test', { url })
    expect(good.ok).toBe(true)
    expect(good.message).toMatch(/^Verbonden met PostgreSQL 1\d\.\d+ op 127\.0\.0\.1:\d+/)
    expect(good.serverVersion).toMatch(/^1\d\.\d+$/)

    const wrong = await call<ConnectionTest>(runtime, 'database:test', {
      url: withPassword(url, 'fout-wachtwoord'),
    })
    expect(wrong).toMatchObject({ ok: false, serverVersion: null })
    expect(wrong.message).toMatch(/^Het wachtwoord van gebruiker "vierdehuis" klopt niet/)
    expect(wrong.message).not.toContain('fout-wachtwoord')

    const malformed = await call<ConnectionTest>(runtime, 'database:test', {
      url: 'mysql://anna:geheim@db/matching',
    })
    expect(malformed.ok).toBe(false)
    expect(malformed.message).toContain('moet met postgres:// beginnen')
    const empty = await refusal(runtime, 'database:test', { url: '  ' })
    expect(empty.code).toBe('invalid-input')
  })

  it('refuses to save where nothing is kept (host, CLI)', async () => {
    const runtime = await open()
    const error = await refusal(runtime, 'database:save', { url: await freshDatabase() })
    expect(error).toMatchObject({ code: 'conflict', message: HOST_DESK_SETTING_TEXT })
  })

  it('saves a URL for the next start only after it connects, and never shows or logs the password', async () => {
    const runtime = await open()
    const settingFile = join(tempDir(), 'database.json')
    runtime.ctx.deskDatabase = deskSettingFile(settingFile)
    const url = await freshDatabase()
    const password = new URL(url).password

    const refused = await refusal(runtime, 'database:save', {
      url: withPassword(url, 'fout-wachtwoord'),
    })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toMatch(/^Niet opgeslagen\. Het wachtwoord van gebruiker/)
    expect(existsSync(settingFile)).toBe(false)

    const saved = await call<DatabaseInfo>(runtime, 'database:save', { url })
    const target = parseDatabaseUrl(url)
    expect(saved).toMatchObject({ canSave: true, where: settingFile, savedUrl: target.display })
    // Another database than the one in use (on PostgreSQL too): the next start differs.
    expect(saved.nextStart).toBe(`PostgreSQL ${target.display}`)
    expect(JSON.stringify(saved)).not.toContain(password)
    expect(existsSync(settingFile)).toBe(true)
    // The next start of the app opens what was saved.
    const next = chooseAppStore({}, join(tempDir(), 'bureau.db'), deskSettingFile(settingFile))
    expect(next).toMatchObject({ kind: 'postgres', source: 'desk', target: { url } })
    // The variable still wins over a saved URL, and VIERDE_HUIS_DB with it is refused.
    const other = 'postgres://team:x@db.example/matching'
    expect(
      chooseAppStore({ VIERDE_HUIS_DATABASE_URL: other }, 'x.db', deskSettingFile(settingFile)),
    ).toMatchObject({ kind: 'postgres', source: 'variable', target: { url: other } })
    expect(() =>
      chooseAppStore(
        { VIERDE_HUIS_DATABASE_URL: other, VIERDE_HUIS_DB: '/tmp/x.db' },
        'x.db',
        deskSettingFile(settingFile),
      ),
    ).toThrow(/niet allebei/)

    const forgotten = await call<DatabaseInfo>(runtime, 'database:forget')
    expect(forgotten.savedUrl).toBeNull()
    expect(forgotten.nextStart).toBe(
      kind === 'postgres' ? 'het databasebestand van dit bureau' : null,
    )
    expect(existsSync(settingFile)).toBe(false)
    expect(chooseAppStore({}, '/tmp/bureau.db', deskSettingFile(settingFile))).toEqual({
      kind: 'sqlite',
      file: '/tmp/bureau.db',
    })

    const trail = await runtime.store.db.select().from(auditEvents)
    const choices = trail.filter((e) => e.action.startsWith('database:'))
    expect(choices.map((e) => e.action)).toEqual(['database:choose', 'database:forget'])
    expect(choices[0]!.summary).toBe(
      `Bureau ${hostname()} gebruikt vanaf de volgende start de teamdatabase ${target.display}`,
    )
    expect(JSON.stringify(trail)).not.toContain(password)
    expect(JSON.stringify(trail)).not.toContain('fout-wachtwoord')
  })

  it('keeps the saved URL in a file only this user reads', async () => {
    const settingFile = join(tempDir(), 'database.json')
    const setting = deskSettingFile(settingFile, {
      encrypt: (text) => Buffer.from(text).toString('base64'),
      decrypt: (stored) => Buffer.from(stored, 'base64').toString(),
    })
    setting.write('postgres://anna:geheim@db/matching')
    expect(readFileSync(settingFile, 'utf8')).not.toContain('geheim')
    expect(setting.read()).toBe('postgres://anna:geheim@db/matching')
    if (process.platform !== 'win32') {
      const { statSync } = await import('node:fs')
      expect(statSync(settingFile).mode & 0o777).toBe(0o600)
    }
  })

  it('answers Reservekopieën in team mode with pg_dump, and refuses the file actions', async () => {
    const runtime = await open()
    const list = await call<BackupList>(runtime, 'backups:list')
    if (kind === 'sqlite') {
      expect(list.team).toBeNull()
      expect(list.folder).toMatch(/backups$/)
      return
    }
    if (runtime.store.dialect !== 'postgres') throw new Error('geen PostgreSQL')
    const { target } = runtime.store
    const withoutPassword = `postgres://${target.user}@${target.host}:${target.port}/${target.database}`
    expect(list).toMatchObject({ folder: '', backups: [], warning: null })
    expect(list.team!.message).toMatch(new RegExp(`^${TEAM_BACKUP_REFUSAL}\\.`))
    expect(list.team!.dumpCommand).toBe(
      `pg_dump --format=custom --file=vierde-huis.dump ${withoutPassword}`,
    )
    expect(list.team!.restoreCommand).toContain(`--dbname=${withoutPassword}`)
    expect(JSON.stringify(list)).not.toContain(new URL(target.url).password)

    for (const [channel, input] of [
      ['backups:make', {}],
      ['backups:restore', { file: 'vierde-huis-2026-11-23.db' }],
      ['backups:setFolder', { folder: '/tmp' }],
      ['backups:saveRetention', { retentionDays: 30 }],
    ] as const) {
      const error = await refusal(runtime, channel, input)
      expect(error.code, channel).toBe('conflict')
      expect(error.message, channel).toMatch(new RegExp(`^${TEAM_BACKUP_REFUSAL};`))
    }
  })

  it('loads the demo only into a desk’s own file', async () => {
    const runtime = await open()
    if (kind === 'sqlite') return // demo-load.test.ts loads it; here only the refusal matters
    const error = await refusal(runtime, 'demo:load', {})
    expect(error).toMatchObject({ code: 'conflict', message: DEMO_TEAM_REFUSAL })
    expect((await call<AppInfo>(runtime, 'app:info')).isEmpty).toBe(true)
  })

  it('names the desk’s connections on the server after the officer', async () => {
    const runtime = await open()
    if (runtime.store.dialect !== 'postgres') return
    const { pool } = runtime.store
    const named = async () =>
      (await pool.query<{ name: string }>("SELECT current_setting('application_name') AS name"))
        .rows[0]!.name
    expect(await named()).toBe(applicationName('Test Medewerker'))
    expect(applicationName('Test Medewerker')).toBe(`vierde-huis: Test Medewerker@${hostname()}`)
    await call(runtime, 'app:setOfficer', { name: 'Anneke Ölçer' })
    // Every connection the pool hands out from now on carries the new name.
    for (let i = 0; i < 3; i++) expect(await named()).toBe(applicationName('Anneke Ölçer'))
    const others = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
      [`vierde-huis: Anneke Olcer@${hostname()}`.slice(0, 63)],
    )
    expect(others.rows[0]!.n).toBeGreaterThan(0)
  })
})

describe('the name a desk gives its connections', () => {
  it('is vierde-huis: <officer>@<desk>, in what PostgreSQL keeps', () => {
    expect(applicationName('Anna', 'BUREAU-12')).toBe('vierde-huis: Anna@BUREAU-12')
    expect(applicationName('Anneke Ölçer', 'bureau')).toBe('vierde-huis: Anneke Olcer@bureau')
    expect(applicationName('', 'bureau')).toBe('vierde-huis: onbekend@bureau')
    expect(applicationName('x'.repeat(100), 'bureau')).toHaveLength(63)
  })
})

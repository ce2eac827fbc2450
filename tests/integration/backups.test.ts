// Single-store on purpose (SQLite): the desk's backups and restores are copies of its SQLite file; a team's PostgreSQL is backed up by the server (docs/team-mode.md).
import Database from 'better-sqlite3'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { BACKUP_FOLDER_KEY, listBackups, rotateBackups } from '../../src/main/db/backups'
import { resourcePath, type SqliteStore } from '../../src/main/db/connection'
import { corporations } from '../../src/main/db/schema'
import { audited } from '../../src/main/services/audited'
import { openRuntime, type Runtime } from '../../src/main/runtime'
import type { BackupList, BackupRow, RestoreResult } from '../../src/shared/api'
import { damageDatabase } from '../support/damage'
import { tableDigest } from '../support/db-digest'
import { dwellingsTemplate, importDwellings } from '../../src/main/services/import-service'
import { fillTemplate, payload } from '../support/excel-files'
import { dwellingRow } from '../support/excel-rows'
import { TEST_ACTOR, useTempDir } from '../support/temp-db'
import { call } from '../support/call'
import { backupFolder, makeManualBackup } from '../../src/main/services/backup-service'
import { lastGoodBackup } from '../../src/main/recovery'
import { cli, spawnCli } from '../support/cli'

const at = (iso: string) => ({ context: { actor: TEST_ACTOR, now: () => new Date(iso) } })

const names = (runtime: Runtime<SqliteStore>) =>
  runtime.store.sqlite.prepare('SELECT name FROM corporations ORDER BY name').pluck().all()

describe('backups', { timeout: 60_000 }, () => {
  const tempDir = useTempDir()

  async function existingDb() {
    const dir = tempDir()
    const file = join(dir, 'vierde-huis.db')
    const first = await openRuntime(file, { startupTasks: false })
    first.store.db.insert(corporations).values({ name: 'Mitros', socialStock: 12_000 }).run()
    first.close()
    return { dir, file }
  }

  it('makes one daily backup at the first start of a day, none at the second, a new one the next day', async () => {
    const { dir, file } = await existingDb()
    const morning = await openRuntime(file, at('2026-11-23T07:30:00Z'))
    expect(morning.startup?.dailyBackup).toBe('vierde-huis-dagelijks-2026-11-23T07-30-00.db')
    morning.close()
    const afternoon = await openRuntime(file, at('2026-11-23T13:00:00Z'))
    expect(afternoon.startup?.dailyBackup).toBeNull()
    afternoon.close()
    const tomorrow = await openRuntime(file, at('2026-11-24T08:00:00Z'))
    expect(tomorrow.startup?.dailyBackup).toMatch(/dagelijks-2026-11-24/)
    tomorrow.close()
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(2)
  })

  it('makes no daily backup of a database it has just created: there is nothing in it yet', async () => {
    const dir = tempDir()
    const runtime = await openRuntime(join(dir, 'nieuw.db'), at('2026-11-23T07:30:00Z'))
    expect(runtime.startup).toMatchObject({ dailyBackup: null, warnings: [] })
    runtime.close()
    expect(existsSync(join(dir, 'backups'))).toBe(false)
  })

  it('starts anyway when the backup folder cannot be reached, with a warning', async () => {
    const { dir, file } = await existingDb()
    writeFileSync(join(dir, 'backups'), 'een bestand waar een map hoort')
    const runtime = await openRuntime(file, at('2026-11-23T07:30:00Z'))
    expect(runtime.startup?.dailyBackup).toBeNull()
    expect(runtime.startup?.warnings[0]).toMatch(/^Dagelijkse reservekopie: /)
    runtime.close()
  })

  it('in the app makes the daily backup in the background: whole when it appears, with what was written meanwhile', async () => {
    const { dir, file } = await existingDb()
    const runtime = await openRuntime(file, {
      ...at('2026-11-23T07:30:00Z'),
      backupInBackground: true,
    })
    // The start returns before the copy: the officer can work, and nothing looks like a backup yet.
    expect(runtime.startup?.dailyBackup).toBeNull()
    expect(listBackups(join(dir, 'backups'), file)).toHaveLength(0)
    runtime.store.db.insert(corporations).values({ name: 'Portaal', socialStock: 9_000 }).run()
    const report = await runtime.startup!.done!
    expect(report).toMatchObject({
      dailyBackup: 'vierde-huis-dagelijks-2026-11-23T07-30-00.db',
      warnings: [],
    })
    const [daily] = listBackups(join(dir, 'backups'), file)
    expect(daily?.recordedAt).toBe('2026-11-23T07:30:00Z')
    expect(readdirSync(join(dir, 'backups'))).toEqual([daily!.name])
    const copy = new Database(daily!.path, { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.prepare('SELECT name FROM corporations ORDER BY name').pluck().all()).toEqual(
        names(runtime),
      )
    } finally {
      copy.close()
    }
    runtime.close()
  })

  it('copies in the background only what is committed, while a step is open on the connection', async () => {
    const { dir, file } = await existingDb()
    const runtime = await openRuntime(file, {
      ...at('2026-11-23T07:30:00Z'),
      backupInBackground: true,
    })
    const committed = names(runtime)
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const step = audited(
      runtime.ctx,
      { action: 'test:step', entityType: 'test', summary: 'Een stap die even openstaat' },
      async (tx) => {
        await tx.insert(corporations).values({ name: 'Portaal', socialStock: 9_000 })
        await gate
      },
    )
    // The copy works in steps while the step holds its transaction open on the same connection.
    await sleep(300)
    release()
    await step
    const report = await runtime.startup!.done!
    expect(report).toMatchObject({ warnings: [] })
    const [daily] = listBackups(join(dir, 'backups'), file)
    const copy = new Database(daily!.path, { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
      // The committed state: nothing of the step that was open while it copied.
      expect(copy.prepare('SELECT name FROM corporations ORDER BY name').pluck().all()).toEqual(
        committed,
      )
    } finally {
      copy.close()
    }
    expect(names(runtime)).toEqual([...committed, 'Portaal'])
    runtime.close()
  })

  it('leaves no file that looks like a backup when the app closes during the background copy', async () => {
    const { dir, file } = await existingDb()
    const runtime = await openRuntime(file, {
      ...at('2026-11-23T07:30:00Z'),
      backupInBackground: true,
    })
    runtime.close()
    const report = await runtime.startup!.done!
    expect(report.dailyBackup).toBeNull()
    expect(report.warnings[0]).toMatch(/^Dagelijkse reservekopie: /)
    expect(listBackups(join(dir, 'backups'), file)).toHaveLength(0)
    expect(readdirSync(join(dir, 'backups')).filter((name) => !name.endsWith('.part'))).toEqual([])
  })

  it('keeps 14 daily and 8 weekly generations, the 10 newest import backups, and nothing older than the retention', () => {
    const dir = join(tempDir(), 'backups')
    mkdirSync(dir)
    const file = join(dir, '..', 'vierde-huis.db')
    const touch = (kind: string, date: Date) =>
      writeFileSync(
        join(dir, `vierde-huis-${kind}-${date.toISOString().slice(0, 19).replace(/:/g, '-')}.db`),
        '',
      )
    const day = (n: number) => new Date(Date.UTC(2026, 10, 23 - n, 7))
    for (let n = 0; n < 70; n++) touch('dagelijks', day(n))
    for (let n = 0; n < 15; n++) touch('voor-import', new Date(Date.UTC(2026, 10, 23, 8, n)))
    touch('handmatig', day(30))
    touch('handmatig', day(200))
    touch('voor-terugzetten', day(89))
    touch('voor-terugzetten', day(91))
    touch('voor-migratie', day(300))
    writeFileSync(join(dir, 'andere-db-dagelijks-2020-01-01T00-00-00.db'), '')

    rotateBackups(dir, file, { retentionDays: 90, now: new Date(Date.UTC(2026, 10, 23, 9)) })

    const left = listBackups(dir, file)
    const daily = left.filter((f) => f.kind === 'dagelijks').map((f) => f.madeAt.slice(0, 10))
    const last14 = Array.from({ length: 14 }, (_, n) => day(n).toISOString().slice(0, 10))
    // 23 Nov 2026 is a Monday: the weeks before the last 14 days end on these Sundays.
    const weekly = ['2026-11-08', '2026-11-01', '2026-10-25', '2026-10-18', '2026-10-11']
    expect(daily).toEqual([...last14, ...weekly])
    expect(left.filter((f) => f.kind === 'voor-import')).toHaveLength(10)
    // Made by hand, before a restore or an update: kept, but not past the 90 days of the retention.
    expect(left.filter((f) => !['dagelijks', 'voor-import'].includes(f.kind))).toEqual([
      expect.objectContaining({ kind: 'handmatig', madeAt: '2026-10-24T07:00:00Z' }),
      expect.objectContaining({ kind: 'voor-terugzetten', madeAt: '2026-08-26T07:00:00Z' }),
    ])
    expect(existsSync(join(dir, 'andere-db-dagelijks-2020-01-01T00-00-00.db'))).toBe(true)
  })

  it('makes a backup by hand into the chosen folder, lists it and records who made it', async () => {
    const { dir, file } = await existingDb()
    const runtime = await openRuntime(file, { ...at('2026-11-23T09:00:00Z'), startupTasks: false })
    const share = join(dir, 'netwerkschijf', 'reservekopieen')
    mkdirSync(share, { recursive: true })
    const set = await call<BackupList>(runtime, 'backups:setFolder', { folder: share })
    expect(set.folder).toBe(share)
    const made = await call<BackupRow>(runtime, 'backups:make')
    expect(made).toMatchObject({ kind: 'handmatig', madeAt: '2026-11-23T09:00:00Z' })
    const list = await call<BackupList>(runtime, 'backups:list')
    expect(list).toMatchObject({
      folder: share,
      defaultFolder: join(dir, 'backups'),
      warning: null,
    })
    expect(list.backups.map((b) => b.name)).toEqual([made.name])
    const events = runtime.store.sqlite
      .prepare("SELECT officer, action FROM audit_events WHERE action LIKE 'backup:%' ORDER BY id")
      .all()
    expect(events).toEqual([
      { officer: TEST_ACTOR.officer, action: 'backup:setFolder' },
      { officer: TEST_ACTOR.officer, action: 'backup:make' },
    ])
    runtime.close()
  })

  it('refuses a folder it cannot write in, and a relative path', async () => {
    const { dir, file } = await existingDb()
    const runtime = await openRuntime(file, { startupTasks: false })
    writeFileSync(join(dir, 'bestand'), '')
    const refused = await runtime.routes.get('backups:setFolder')!({
      folder: join(dir, 'bestand', 'map'),
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const relative = await runtime.routes.get('backups:setFolder')!({ folder: 'backups' })
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    runtime.close()
  })

  it('restores a checked backup in place of the live database, keeping the current one first', async () => {
    const { file } = await existingDb()
    const runtime = await openRuntime(file, { ...at('2026-11-23T09:00:00Z'), startupTasks: false })
    const backup = await call<BackupRow>(runtime, 'backups:make')
    runtime.store.db.insert(corporations).values({ name: 'Portaal', socialStock: 9_000 }).run()
    const storeBefore = runtime.store

    const result = await call<RestoreResult>(runtime, 'backups:restore', { file: backup.name })

    expect(result.restored).toBe(backup.name)
    expect(runtime.store).not.toBe(storeBefore)
    expect(names(runtime)).toEqual(['Mitros'])
    // Still working through the same routes, still the only writer.
    expect(await call<{ name: string }[]>(runtime, 'corporations:list')).toHaveLength(1)
    await expect(openRuntime(file, { startupTasks: false })).rejects.toThrow(/al geopend/)
    const audit = runtime.store.sqlite
      .prepare("SELECT officer, summary FROM audit_events WHERE action = 'backup:restore'")
      .get() as { officer: string; summary: string }
    expect(audit.officer).toBe(TEST_ACTOR.officer)
    expect(audit.summary).toContain(result.safetyBackup)

    const safety = listBackups(join(file, '..', 'backups'), file).find(
      (b) => b.name === result.safetyBackup,
    )!
    const kept = new Database(safety.path, { readonly: true })
    expect(kept.prepare('SELECT name FROM corporations ORDER BY name').pluck().all()).toEqual([
      'Mitros',
      'Portaal',
    ])
    kept.close()
    runtime.close()
  })

  it('refuses a damaged, foreign or newer backup and an unknown name, changing nothing', async () => {
    const { dir, file } = await existingDb()
    const runtime = await openRuntime(file, { ...at('2026-11-23T09:00:00Z'), startupTasks: false })
    for (let i = 0; i < 1500; i++) {
      runtime.store.db
        .insert(corporations)
        .values({ name: `Corporatie ${i}`, socialStock: i })
        .run()
    }
    const good = await call<BackupRow>(runtime, 'backups:make')
    const folder = join(dir, 'backups')
    const named = (stamp: string) => join(folder, `vierde-huis-handmatig-2026-11-2${stamp}.db`)

    copyFileSync(join(folder, good.name), named('0T10-00-00'))
    damageDatabase(named('0T10-00-00'))
    const foreign = new Database(named('1T10-00-00'))
    foreign.exec('CREATE TABLE iets (id integer)')
    foreign.close()
    copyFileSync(join(folder, good.name), named('2T10-00-00'))
    const newer = new Database(named('2T10-00-00'))
    newer
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('x', 9e15)
    newer.close()

    const before = tableDigest(runtime.store.sqlite)
    const attempt = async (name: string) =>
      await runtime.routes.get('backups:restore')!({ file: name })
    expect(await attempt('vierde-huis-handmatig-2026-11-20T10-00-00.db')).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/beschadigd/) },
    })
    expect(await attempt('vierde-huis-handmatig-2026-11-21T10-00-00.db')).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/geen reservekopie van deze app/) },
    })
    expect(await attempt('vierde-huis-handmatig-2026-11-22T10-00-00.db')).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/nieuwere versie/) },
    })
    expect(await attempt('bestaat-niet.db')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(await attempt('../vierde-huis.db')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(tableDigest(runtime.store.sqlite)).toEqual(before)
    expect(listBackups(folder, file).some((b) => b.kind === 'voor-terugzetten')).toBe(false)
    runtime.close()
  })

  it('puts the backup before a migration in the chosen folder too', async () => {
    const dir = tempDir()
    // An "old release" knows one migration less; the current one then has one to apply.
    const old = join(dir, 'migraties-oud')
    cpSync(resourcePath('migrations'), old, { recursive: true })
    const journalFile = join(old, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] }
    journal.entries.pop()
    writeFileSync(journalFile, JSON.stringify(journal))
    const oldFile = join(dir, 'oud.db')
    const before = await openRuntime(oldFile, { migrationsFolder: old, startupTasks: false })
    const share = join(dir, 'share')
    mkdirSync(share)
    // Set as the old release set it: today's services would also write today's audit columns
    // (`desk`), which the old schema lacks.
    before.store.sqlite
      .prepare('INSERT INTO settings (key, year, value) VALUES (?, 0, ?)')
      .run(BACKUP_FOLDER_KEY, JSON.stringify(share))
    before.close()

    const upgraded = await openRuntime(oldFile, { startupTasks: false })
    expect(upgraded.store.migrationBackup).toMatch(/share[\\/]oud-voor-migratie-/)
    upgraded.close()
  })

  it('backs up the database as it was before every import that writes', async () => {
    const { file } = await existingDb()
    const runtime = await openRuntime(file, { ...at('2026-11-23T09:00:00Z'), startupTasks: false })
    const template = await dwellingsTemplate(runtime.ctx, {
      corporationId: 1,
      quarterKey: '2026-Q4',
    })
    const filled = await fillTemplate(template.base64, 'Woningen', [dwellingRow(1), dwellingRow(2)])
    const imports = () =>
      listBackups(join(file, '..', 'backups'), file).filter((b) => b.kind === 'voor-import')

    await importDwellings(runtime.ctx, payload(filled, 'x.xlsx', { dryRun: true }))
    expect(imports()).toHaveLength(0)
    await importDwellings(runtime.ctx, payload(filled))
    expect(imports()).toHaveLength(1)
    const before = new Database(imports()[0]!.path, { readonly: true })
    expect(before.prepare('SELECT count(*) FROM dwellings').pluck().get()).toBe(0)
    before.close()
    runtime.close()
  })

  it('copies before an import only when the newest backup is older than the last write', async () => {
    const { file } = await existingDb()
    // The first start of the day makes the daily backup; nothing is written after it.
    const runtime = await openRuntime(file, at('2026-11-23T09:00:00Z'))
    expect(runtime.startup?.dailyBackup).toMatch(/dagelijks/)
    const template = await dwellingsTemplate(runtime.ctx, {
      corporationId: 1,
      quarterKey: '2026-Q4',
    })
    const folder = join(file, '..', 'backups')
    const dwellingsIn = (kind: string) =>
      listBackups(folder, file)
        .filter((b) => b.kind === kind)
        .map((b) => {
          const copy = new Database(b.path, { readonly: true })
          try {
            return copy.prepare('SELECT count(*) FROM dwellings').pluck().get()
          } finally {
            copy.close()
          }
        })

    const first = await fillTemplate(template.base64, 'Woningen', [dwellingRow(1), dwellingRow(2)])
    await importDwellings(runtime.ctx, payload(first))
    // The daily backup holds the database as it was just before: no second copy of it.
    expect(dwellingsIn('voor-import')).toEqual([])
    expect(dwellingsIn('dagelijks')).toEqual([0])

    // The import wrote since: the next one copies again, with the two dwellings in it.
    const second = await fillTemplate(template.base64, 'Woningen', [dwellingRow(3)])
    await importDwellings(runtime.ctx, payload(second))
    expect(dwellingsIn('voor-import')).toEqual([2])
    runtime.close()
  })
})

describe('only this database’s own backups are restored', { timeout: 60_000 }, () => {
  const tempDir = useTempDir()

  /** A database with one corporation and a manual backup of it made at `iso`. */
  async function withBackup(dir: string, iso: string, corporation = 'Mitros') {
    const file = join(dir, 'vierde-huis.db')
    const runtime = await openRuntime(file, { ...at(iso), startupTasks: false })
    runtime.store.db.insert(corporations).values({ name: corporation, socialStock: 1 }).run()
    const backup = await makeManualBackup(runtime.ctx)
    return { file, runtime, backup }
  }

  it('refuses another database’s backup put in the folder under a newer name, and never picks it as latest', async () => {
    const ours = await withBackup(tempDir(), '2026-11-20T09:00:00Z')
    const theirs = await withBackup(tempDir(), '2026-11-22T09:00:00Z', 'Vreemd')
    theirs.runtime.close()
    const folder = join(ours.file, '..', 'backups')
    const planted = 'vierde-huis-handmatig-2026-11-23T10-00-00.db'
    copyFileSync(join(theirs.file, '..', 'backups', theirs.backup.name), join(folder, planted))

    const before = tableDigest(ours.runtime.store.sqlite)
    const refused = await ours.runtime.routes.get('backups:restore')!({ file: planted })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/hoort bij een andere database/) },
    })
    expect(tableDigest(ours.runtime.store.sqlite)).toEqual(before)
    ours.runtime.close()

    // The newest-looking file is foreign: "latest" is our own backup, also from the command line.
    expect(lastGoodBackup(ours.file)).toBe(join(folder, ours.backup.name))
    const direct = spawnCli('restore', '--db', ours.file, '--from', join(folder, planted))
    expect(direct.code).toBe(1)
    expect(direct.stderr).toMatch(/wordt niet teruggezet: Deze reservekopie hoort bij een andere/)
    expect((await cli('restore', '--db', ours.file, '--latest')).stdout).toContain(ours.backup.name)
  })

  it('judges "latest" by the moment recorded inside each copy, not by a file name dated 2099', async () => {
    const { file, runtime, backup: older } = await withBackup(tempDir(), '2026-11-20T09:00:00Z')
    runtime.ctx.now = () => new Date('2026-11-22T09:00:00Z')
    runtime.store.db.insert(corporations).values({ name: 'Portaal', socialStock: 2 }).run()
    const newer = await makeManualBackup(runtime.ctx)
    runtime.close()
    const folder = join(file, '..', 'backups')
    const renamed = 'vierde-huis-dagelijks-2099-01-01T00-00-00.db'
    copyFileSync(join(folder, older.name), join(folder, renamed))

    const listed = listBackups(folder, file)
    expect(listed.map((b) => [b.name, b.madeAt])).toEqual([
      [newer.name, '2026-11-22T09:00:00Z'],
      [older.name, '2026-11-20T09:00:00Z'],
      [renamed, '2026-11-20T09:00:00Z'],
    ])
    expect(lastGoodBackup(file)).toBe(join(folder, newer.name))
  })

  it('refuses a backup without an identity (an older release’s, or any SQLite file)', async () => {
    const { file, runtime } = await withBackup(tempDir(), '2026-11-20T09:00:00Z')
    const folder = join(file, '..', 'backups')
    const bare = join(folder, 'vierde-huis-handmatig-2026-11-21T09-00-00.db')
    copyFileSync(listBackups(folder, file)[0]!.path, bare)
    const copy = new Database(bare)
    copy.exec('DELETE FROM database_identity')
    copy.close()
    expect(await runtime.routes.get('backups:restore')!({ file: basename(bare) })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/draagt geen identiteit/) },
    })
    runtime.close()
  })

  it('keeps backups by hand and before a restore no longer than the retention setting', async () => {
    const { file, runtime } = await withBackup(tempDir(), '2026-06-01T09:00:00Z')
    const set = await call<BackupList>(runtime, 'backups:saveRetention', { retentionDays: 30 })
    expect(set.retentionDays).toBe(30)
    const withSetting = await call<BackupRow>(runtime, 'backups:make')
    runtime.ctx.now = () => new Date('2026-06-20T09:00:00Z')
    const restored = await call<RestoreResult>(runtime, 'backups:restore', {
      file: withSetting.name,
    })
    runtime.ctx.now = () => new Date('2026-07-15T09:00:00Z')
    const last = await call<BackupRow>(runtime, 'backups:make')
    // Both copies of 1 June are past 30 days on 15 July; the one from before the restore is not.
    expect((await call<BackupList>(runtime, 'backups:list')).backups.map((b) => b.name)).toEqual([
      last.name,
      restored.safetyBackup,
    ])
    expect(await runtime.routes.get('backups:saveRetention')!({ retentionDays: 3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    runtime.close()
    expect(listBackups(join(file, '..', 'backups'), file)).toHaveLength(2)
  })
})

describe('the backup folder', { timeout: 60_000 }, () => {
  const tempDir = useTempDir()

  it('is never a system folder, a path with a line break, or a folder that does not exist, and is never created', async () => {
    const dir = tempDir()
    const runtime = await openRuntime(join(dir, 'vierde-huis.db'), { startupTasks: false })
    const before = tableDigest(runtime.store.sqlite)
    symlinkSync('/etc', join(dir, 'naar-etc'))
    writeFileSync(join(dir, 'een-bestand'), '')
    const refusals: [string, RegExp][] = [
      ['/etc', /systeemmap/],
      ['/', /systeemmap/],
      ['/usr/local/share', /systeemmap/],
      ['/proc/self', /systeemmap/],
      [join(dir, 'naar-etc'), /systeemmap/],
      [`${dir}/kopie\n/etc`, /regeleinde of een ander onzichtbaar teken/],
      [`${dir}/kop\u202eie`, /onzichtbaar teken/],
      [join(dir, 'bestaat-niet'), /bestaat niet/],
      [join(dir, 'een-bestand'), /geen map/],
      ['reservekopieen', /volledige pad/],
    ]
    for (const [folder, message] of refusals) {
      const answer = await runtime.routes.get('backups:setFolder')!({ folder })
      expect(answer, folder).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringMatching(message) },
      })
    }
    expect(existsSync(join(dir, 'bestaat-niet'))).toBe(false)
    expect(readdirSync(dir).sort()).toEqual(
      [
        'een-bestand',
        'naar-etc',
        'vierde-huis.db',
        'vierde-huis.db-shm',
        'vierde-huis.db-wal',
        'vierde-huis.db.lock',
      ].sort(),
    )
    expect(tableDigest(runtime.store.sqlite)).toEqual(before)
    runtime.close()
  })

  it('ignores a system folder stored before these checks existed, for the default', async () => {
    const dir = tempDir()
    const file = join(dir, 'vierde-huis.db')
    const runtime = await openRuntime(file, { startupTasks: false })
    runtime.store.sqlite
      .prepare("INSERT INTO settings (key, year, value) VALUES ('backupFolder', 0, ?)")
      .run(JSON.stringify('/etc'))
    expect(backupFolder(runtime.ctx)).toBe(join(dir, 'backups'))
    runtime.close()
  })
})

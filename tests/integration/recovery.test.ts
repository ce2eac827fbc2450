// Single-store on purpose (SQLite): a damaged SQLite file at start-up and the backups it is restored from.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { listBackups } from '../../src/main/db/backups'
import { DatabaseDamagedError } from '../../src/main/db/integrity'
import { lockFileOf } from '../../src/main/db/lock'
import { corporations } from '../../src/main/db/schema'
import { openWithRecovery, type StartupDialogs } from '../../src/main/open-database'
import { lastGoodBackup } from '../../src/main/recovery'
import { openRuntime } from '../../src/main/runtime'
import { makeManualBackup } from '../../src/main/services/backup-service'
import { damageDatabase } from '../support/damage'
import { useTempDir } from '../support/temp-db'
import { cli, spawnCli } from '../support/cli'

const names = async (file: string) => {
  const runtime = await openRuntime(file, { startupTasks: false })
  try {
    return runtime.store.sqlite.prepare('SELECT count(*) FROM corporations').pluck().get()
  } finally {
    runtime.close()
  }
}

function dialogs(choice: number) {
  return {
    showErrorBox: vi.fn<StartupDialogs['showErrorBox']>(),
    showMessageBoxSync: vi.fn<StartupDialogs['showMessageBoxSync']>(() => choice),
  }
}

describe('a damaged database at start-up', { timeout: 90_000 }, () => {
  const tempDir = useTempDir()

  /** A database of 1,500 corporations with one good backup of it, then damaged in place. */
  async function damaged(withBackup = true) {
    const dir = tempDir()
    const file = join(dir, 'vierde-huis.db')
    const runtime = await openRuntime(file, { startupTasks: false })
    const insert = runtime.store.sqlite.prepare(
      'INSERT INTO corporations (name, social_stock) VALUES (?, ?)',
    )
    runtime.store.sqlite.transaction(() => {
      for (let i = 0; i < 1500; i++) insert.run(`Corporatie ${i}`, i)
    })()
    if (withBackup) await makeManualBackup(runtime.ctx)
    runtime.store.db
      .insert(corporations)
      .values({ name: 'Na de reservekopie', socialStock: 1 })
      .run()
    runtime.close()
    damageDatabase(file)
    return { dir, file }
  }

  it('is refused with a Dutch message, touching nothing and leaving no lock behind', async () => {
    const { file } = await damaged()
    const bytes = readFileSync(file)
    await expect(openRuntime(file)).rejects.toThrow(DatabaseDamagedError)
    await expect(openRuntime(file)).rejects.toThrow(
      /is beschadigd en kan niet veilig worden gebruikt/,
    )
    expect(readFileSync(file).equals(bytes)).toBe(true)
    expect(existsSync(lockFileOf(file))).toBe(false)
  })

  it('offers the last good backup; choosing it restores it and keeps the damaged file', async () => {
    const { dir, file } = await damaged()
    const ui = dialogs(0)
    const runtime = await openWithRecovery(file, { startupTasks: false }, ui)
    expect(runtime).not.toBeNull()
    expect(ui.showMessageBoxSync.mock.calls[0]![0]).toMatchObject({
      title: 'Database beschadigd',
      buttons: ['Laatste goede reservekopie terugzetten', 'Afsluiten'],
    })
    expect(runtime!.store.sqlite.prepare('SELECT count(*) FROM corporations').pluck().get()).toBe(
      1500,
    )
    const trail = runtime!.store.sqlite
      .prepare("SELECT summary FROM audit_events WHERE action = 'backup:restore'")
      .pluck()
      .all()
    expect(trail).toHaveLength(1)
    runtime!.close()
    expect(readdirSync(join(dir, 'backups')).some((f) => f.includes('-beschadigd-'))).toBe(true)
  })

  it('quits without touching the file when the officer chooses to close', async () => {
    const { file } = await damaged()
    const bytes = readFileSync(file)
    expect(await openWithRecovery(file, { startupTasks: false }, dialogs(1))).toBeNull()
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })

  it('says so plainly when there is no usable backup', async () => {
    const { file } = await damaged(false)
    const ui = dialogs(0)
    expect(await openWithRecovery(file, { startupTasks: false }, ui)).toBeNull()
    expect(ui.showMessageBoxSync).not.toHaveBeenCalled()
    expect(ui.showErrorBox.mock.calls[0]![1]).toMatch(/geen bruikbare reservekopie/)
  })

  it('skips a newer backup that is itself damaged when looking for the last good one', async () => {
    const { dir, file } = await damaged()
    const [good] = listBackups(join(dir, 'backups'), file)
    const bad = join(dir, 'backups', 'vierde-huis-dagelijks-2099-01-01T00-00-00.db')
    copyFileSync(good!.path, bad)
    damageDatabase(bad)
    expect(lastGoodBackup(file)).toBe(good!.path)
  })

  it('offers only its own backup: another database’s copy under a newer name is passed over', async () => {
    const { dir, file } = await damaged()
    const [good] = listBackups(join(dir, 'backups'), file)
    const otherDir = tempDir()
    const other = await openRuntime(join(otherDir, 'ander.db'), { startupTasks: false })
    const foreign = await makeManualBackup(other.ctx)
    other.close()
    copyFileSync(
      join(otherDir, 'backups', foreign.name),
      join(dir, 'backups', 'vierde-huis-dagelijks-2099-01-01T00-00-00.db'),
    )
    const ui = dialogs(0)
    const runtime = await openWithRecovery(file, { startupTasks: false }, ui)
    expect(ui.showMessageBoxSync.mock.calls[0]![0].detail).toContain(good!.name)
    expect(runtime!.store.sqlite.prepare('SELECT count(*) FROM corporations').pluck().get()).toBe(
      1500,
    )
    runtime!.close()
  })

  it('is repaired from the command line: list the backups, then restore the latest good one', async () => {
    const { file } = await damaged()
    const list = await cli('backups', '--db', file)
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(/handmatig/)
    const restored = await cli('restore', '--db', file, '--latest')
    expect(restored.stderr).toBe('')
    expect(restored.code).toBe(0)
    expect(restored.stdout).toMatch(
      /^Teruggezet: .*handmatig.*\nHet vorige bestand is bewaard als .*beschadigd/,
    )
    expect(await names(file)).toBe(1500)
  })

  it('restores a named file from the command line, and refuses while the app has the database', async () => {
    const { dir, file } = await damaged()
    const [good] = listBackups(join(dir, 'backups'), file)
    const elsewhere = join(dir, 'kopie.db')
    copyFileSync(good!.path, elsewhere)
    expect((await cli('restore', '--db', file, '--from', elsewhere)).code).toBe(0)
    const app = await openRuntime(file, { program: 'Het Vierde Huis (app)', startupTasks: false })
    try {
      const refused = spawnCli('restore', '--db', file, '--from', elsewhere)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('al geopend door Het Vierde Huis (app)')
    } finally {
      app.close()
    }
  })
})

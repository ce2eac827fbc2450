// Single-store on purpose (SQLite): the lock file keeps one desk on one SQLite file; in team mode the desks share the server.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireLock, DatabaseLockedError, lockFileOf } from '../../src/main/db/lock'
import { corporations } from '../../src/main/db/schema'
import { openRuntime } from '../../src/main/runtime'
import { useTempDir } from '../support/temp-db'

const root = join(import.meta.dirname, '..', '..')
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  })
  return Number(child.stdout)
}

describe('one writer per database file', { timeout: 60_000 }, () => {
  const tempDir = useTempDir()
  const fresh = () => join(tempDir(), 'lock.db')

  it('refuses a second open with a Dutch message naming the holder and since when', async () => {
    const file = fresh()
    const first = await openRuntime(file, { program: 'Het Vierde Huis (app)', startupTasks: false })
    try {
      await expect(openRuntime(file, { startupTasks: false })).rejects.toThrow(DatabaseLockedError)
      await expect(openRuntime(file, { startupTasks: false })).rejects.toThrow(
        /^De database is al geopend door Het Vierde Huis \(app\) \(proces \d+ op .+\) sinds .+; sluit dat programma eerst\./,
      )
    } finally {
      first.close()
    }
  })

  it('releases the lock on close, so the next program can open the file', async () => {
    const file = fresh()
    const first = await openRuntime(file, { startupTasks: false })
    expect(existsSync(lockFileOf(file))).toBe(true)
    first.close()
    expect(existsSync(lockFileOf(file))).toBe(false)
    ;(await openRuntime(file, { startupTasks: false })).close()
  })

  it('takes over a stale lock whose process is gone on this computer', async () => {
    const file = fresh()
    ;(await openRuntime(file, { startupTasks: false })).close()
    const stale = { pid: deadPid(), host: hostname(), since: '2026-01-01T08:00:00Z', program: 'x' }
    writeFileSync(lockFileOf(file), JSON.stringify(stale))
    const runtime = await openRuntime(file, { startupTasks: false })
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8'))).toMatchObject({ pid: process.pid })
    runtime.close()
  })

  it('takes over an empty lock file left by a crash while it was being written', () => {
    const file = fresh()
    writeFileSync(lockFileOf(file), '')
    // Younger than the grace period: perhaps being written right now, so refused.
    expect(() => acquireLock(file)).toThrow(DatabaseLockedError)
    const old = new Date(Date.now() - 60_000)
    utimesSync(lockFileOf(file), old, old)
    acquireLock(file).release()
  })

  it('never takes over a lock held from another computer (a shared network drive)', async () => {
    const file = fresh()
    const foreign = {
      pid: deadPid(),
      host: 'werkplek-07',
      since: '2026-11-23T08:00:00Z',
      program: 'Het Vierde Huis (app)',
    }
    writeFileSync(lockFileOf(file), JSON.stringify(foreign))
    await expect(openRuntime(file, { startupTasks: false })).rejects.toThrow(
      /op werkplek-07\) sinds/,
    )
    expect(existsSync(file)).toBe(false)
  })

  it('keeps the lock file of someone else when a taken-over owner closes late', () => {
    const file = fresh()
    const lock = acquireLock(file)
    const other = JSON.stringify({ pid: 1, host: 'elders', since: '', program: 'y' })
    writeFileSync(lockFileOf(file), other)
    lock.release()
    expect(readFileSync(lockFileOf(file), 'utf8')).toBe(other)
  })

  it('refuses a CLI command that writes beside a running app, but lets the read-only backup run', async () => {
    const file = fresh()
    const app = await openRuntime(file, { program: 'Het Vierde Huis (app)', startupTasks: false })
    app.store.db.insert(corporations).values({ name: 'Mitros', socialStock: 12_000 }).run()
    try {
      const demo = cli('demo', '--db', file)
      expect(demo.code).toBe(1)
      expect(demo.stderr).toContain('De database is al geopend door Het Vierde Huis (app)')
      expect(demo.stderr).toContain('sluit dat programma eerst')

      const out = join(tempDir(), 'kopie.db')
      const backup = cli('backup', '--db', file, '--out', out)
      expect(backup.stderr).toBe('')
      expect(backup.code).toBe(0)
      expect(existsSync(out)).toBe(true)

      const list = cli('backups', '--db', file)
      expect(list.code).toBe(0)
    } finally {
      app.close()
    }
  })
})

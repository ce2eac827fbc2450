import {
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corporations } from '../../src/main/db/schema'
import { checkOutput, produceOutput, writeOutput } from '../../src/main/files/safe-output'
import { openRuntime } from '../../src/main/runtime'
import { tableDigest } from '../support/db-digest'
import { useTempDir } from '../support/temp-db'
import { cli, spawnCli } from '../support/cli'

async function digestOf(file: string) {
  const runtime = await openRuntime(file, { startupTasks: false })
  try {
    return tableDigest(runtime.store.sqlite)
  } finally {
    runtime.close()
  }
}

describe('writing an output file', () => {
  const tempDir = useTempDir()

  function setUp() {
    const dir = tempDir()
    const database = join(dir, 'a.db')
    for (const suffix of ['', '-wal', '-shm', '.lock']) writeFileSync(database + suffix, 'db')
    return { dir, database }
  }

  it('refuses the database, its companion files and links to it', () => {
    const { dir, database } = setUp()
    symlinkSync(database, join(dir, 'link.xlsx'))
    linkSync(database, join(dir, 'hard.xlsx'))
    mkdirSync(join(dir, 'sub'))
    const refusals = [
      'a.db',
      'a.db-wal',
      'a.db-shm',
      'a.db-journal',
      'a.db.lock',
      'sub/../a.db',
      'link.xlsx',
      'hard.xlsx',
    ]
    for (const name of refusals) {
      expect(
        () => writeOutput(join(dir, name), Buffer.from('x'), { database, force: true }),
        name,
      ).toThrow(/^Geweigerd: .* (de database zelf|een hulpbestand van de database)\./)
    }
    expect(readFileSync(database, 'utf8')).toBe('db')
    expect(readFileSync(`${database}-wal`, 'utf8')).toBe('db')
  })

  it('refuses a folder, a missing folder, and an existing file unless forced', () => {
    const { dir, database } = setUp()
    mkdirSync(join(dir, 'map'))
    expect(() => checkOutput(join(dir, 'map'), { database, force: true })).toThrow(/is een map/)
    expect(() => checkOutput(join(dir, 'nergens', 'r.xlsx'), { database })).toThrow(
      /De map .* bestaat niet/,
    )
    const existing = join(dir, 'r.xlsx')
    writeFileSync(existing, 'oud')
    expect(() => writeOutput(existing, Buffer.from('nieuw'), { database })).toThrow(
      /bestaat al\. Kies een andere naam, of geef --force op/,
    )
    expect(readFileSync(existing, 'utf8')).toBe('oud')
    expect(writeOutput(existing, Buffer.from('nieuw'), { database, force: true })).toBe(existing)
    expect(readFileSync(existing, 'utf8')).toBe('nieuw')
  })

  it('leaves the old file whole and no temporary file behind when writing fails halfway', () => {
    const { dir } = setUp()
    const target = join(dir, 'r.xlsx')
    writeFileSync(target, 'oud')
    expect(() =>
      produceOutput(target, { force: true }, (temporary) => {
        writeFileSync(temporary, 'half')
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
      }),
    ).toThrow(/ENOSPC/)
    expect(readFileSync(target, 'utf8')).toBe('oud')
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([])
  })
})

describe('the CLI never writes over its own database', { timeout: 120_000 }, () => {
  const tempDir = useTempDir()

  it('refuses --out at the database, its WAL, a folder or an existing file; --force replaces', async () => {
    const dir = tempDir()
    const database = join(dir, 'a.db')
    const runtime = await openRuntime(database, { startupTasks: false })
    runtime.store.db.insert(corporations).values({ name: 'Mitros', socialStock: 12_000 }).run()
    runtime.close()
    const before = await digestOf(database)
    const bytes = statSync(database).size

    const report = spawnCli('report', '--db', database, '--quarter', '2026-Q3', '--out', database)
    expect(report.code).toBe(1)
    expect(report.stderr).toMatch(/^Fout: Geweigerd: .*a\.db is de database zelf/)
    const wal = await cli('backup', '--db', database, '--out', `${database}-wal`)
    expect(wal.code).toBe(1)
    expect(wal.stderr).toContain('een hulpbestand van de database')
    const intoFolder = await cli(
      'template',
      'clients',
      '--db',
      database,
      '--out',
      dir,
      '--provider',
      'x',
    )
    expect(intoFolder.code).toBe(1)
    expect(intoFolder.stderr).toContain('is een map')
    expect(statSync(database).size).toBe(bytes)
    expect(await digestOf(database)).toEqual(before)

    const out = join(dir, 'sjabloon.xlsx')
    const args = ['template', 'dwellings', '--db', database, '--corporation', 'mitros']
    expect((await cli(...args, '--out', out)).code).toBe(0)
    const again = await cli(...args, '--out', out)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('bestaat al')
    const forced = await cli(...args, '--out', out, '--force')
    expect(forced.code, forced.stderr).toBe(0)
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK')
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([])
  })
})

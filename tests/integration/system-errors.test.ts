import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatch'
import { createHandlers } from '../../src/main/api/handlers'
import { describeForOfficer, systemErrorText } from '../../src/main/api/system-errors'
import { corporations } from '../../src/main/db/schema'
import { openRuntime } from '../../src/main/runtime'
import { sqlRun } from '../support/sql-rows'
import { useRuntimeOn } from '../support/stores'
import { TEST_ACTOR, useTempDir } from '../support/temp-db'

/** Runs `fail` and returns what it threw: real errors from the file system and SQLite. */
function thrownBy(fail: () => unknown): unknown {
  try {
    fail()
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe('file-system and SQLite errors reach the officer in Dutch', () => {
  const tempDir = useTempDir()

  it('translates real failures, with what to do', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'map'))
    const file = join(dir, 'busy.db')
    const holder = new Database(file)
    holder.exec('CREATE TABLE t (x)')
    holder.exec('BEGIN EXCLUSIVE')
    const other = new Database(file, { timeout: 0 })
    const cases: [unknown, RegExp][] = [
      [thrownBy(() => writeFileSync(join(dir, 'map'), 'x')), /^Dit is een map, geen bestand/],
      [thrownBy(() => readFileSync(join(dir, 'weg.xlsx'))), /^Het bestand of de map bestaat niet/],
      [thrownBy(() => new Database(join(dir, 'map'))), /^De database kan niet worden geopend/],
      [thrownBy(() => other.exec('INSERT INTO t VALUES (1)')), /^De database is even bezet/],
      [
        Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }),
        /^De schijf gaf een lees- of schrijffout/,
      ],
      [Object.assign(new Error('x'), { code: 'SQLITE_FULL' }), /^De schijf met de database is vol/],
      [Object.assign(new Error('x'), { code: 'ENOSPC' }), /^De schijf is vol/],
      [Object.assign(new Error('x'), { code: 'EPERM' }), /staat dit niet toe/],
      [Object.assign(new Error('x'), { code: 'EACCES' }), /^Geen toegang/],
    ]
    holder.exec('ROLLBACK')
    other.close()
    holder.close()
    for (const [error, expected] of cases) expect(systemErrorText(error)).toMatch(expected)
    // Not a system failure: left to the dispatcher's own handling.
    expect(systemErrorText(new Error('iets anders'))).toBeNull()
    expect(systemErrorText(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBeNull()
  })

  it('answers an API call that meets one with the Dutch sentence, not the English one', async () => {
    const dir = tempDir()
    const runtime = await openRuntime(join(dir, 'a.db'), {
      context: { actor: TEST_ACTOR },
      startupTasks: false,
    })
    try {
      const failing = thrownBy(() => new Database(dir, { fileMustExist: true }))
      const handlers = createHandlers(runtime.ctx)
      const routes = createDispatcher({
        ...handlers,
        app: {
          ...handlers.app,
          info: () => {
            throw failing
          },
        },
      })
      const result = await routes.get('app:info')!({})
      expect(result).toEqual({
        ok: false,
        error: { code: 'internal', message: systemErrorText(failing) },
      })
      expect(JSON.stringify(result)).not.toMatch(/SQLITE|unable to open/)
    } finally {
      runtime.close()
    }
  })

  it('lets `serve` on a damaged file or a folder say so in Dutch, without a stack trace', () => {
    const dir = tempDir()
    const damaged = join(dir, 'beschadigd.db')
    writeFileSync(damaged, Buffer.alloc(8192, 7))
    for (const [file, expected] of [
      [damaged, /^Fout: Het databasebestand .* is beschadigd/],
      [dir, /^Fout: De database kan niet worden geopend/],
    ] as const) {
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/main/serve.ts', '--db', file, '--port', '0'],
        { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8', timeout: 60_000 },
      )
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(expected)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
  }, 120_000)
})

describe('PostgreSQL server errors reach the officer in Dutch, without the query', () => {
  const tempDir = useTempDir()
  const runtimeOn = useRuntimeOn()

  it('answers a step the server refuses (a full disk) with the Dutch sentence, the command line too', async () => {
    const runtime = await runtimeOn.empty('postgres', join(tempDir(), 'leeg.db'))
    // The server's own error, with the SQLSTATE a full disk gives (53100), raised on the write.
    await sqlRun(
      runtime,
      "CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END $$",
    )
    await sqlRun(
      runtime,
      'CREATE TRIGGER disk_full BEFORE INSERT ON corporations FOR EACH ROW EXECUTE FUNCTION disk_full()',
    )
    const input = { name: 'Geheime Corporatie', socialStock: 100 }
    const result = await runtime.routes.get('corporations:save')!(input)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(/^De schijf van de databaseserver is vol/),
      },
    })
    // The command line and `serve` tell the same; what drizzle wraps it in (the query and its
    // parameters) never reaches the officer.
    const thrown: unknown = await runtime.ctx.store.db
      .insert(corporations)
      .values(input)
      .then(
        () => null,
        (error: unknown) => error,
      )
    expect(describeForOfficer(thrown)).toMatch(/^De schijf van de databaseserver is vol/)
    await sqlRun(runtime, 'DROP TRIGGER disk_full ON corporations')
    await sqlRun(
      runtime,
      "CREATE OR REPLACE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'weigering van de server'; END $$",
    )
    await sqlRun(
      runtime,
      'CREATE TRIGGER disk_full BEFORE INSERT ON corporations FOR EACH ROW EXECUTE FUNCTION disk_full()',
    )
    const other: unknown = await runtime.ctx.store.db
      .insert(corporations)
      .values(input)
      .then(
        () => null,
        (error: unknown) => error,
      )
    expect(String((other as Error).message)).toMatch(/Geheime Corporatie/) // drizzle's wrapper
    expect(describeForOfficer(other)).toBe('weigering van de server')
  })
})

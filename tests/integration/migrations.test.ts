// Single-store on purpose (SQLite): the SQLite file's migrations; a PostgreSQL database gets its schema from pg-schema.ts (pg-store.test.ts).
import Database from 'better-sqlite3'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore, resourcePath } from '../../src/main/db/connection'
import { useTempDir } from '../support/temp-db'

const tablesOf = (file: string) =>
  (
    new Database(file, { readonly: true })
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name)

describe('migrations', () => {
  const tempDir = useTempDir()

  it('creates every core table in an empty database, with WAL and foreign keys on', () => {
    const file = join(tempDir(), 'nieuw.db')
    const store = openStore(file)
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(store.migrationBackup).toBeNull()
    store.close()
    expect(tablesOf(file)).toEqual(
      expect.arrayContaining([
        'allocations',
        'audit_events',
        'care_providers',
        'clients',
        'corporations',
        'dwellings',
        'offers',
        'quarter_quotas',
        'quarters',
        'settings',
        'shortlist_candidates',
        'shortlists',
        'year_targets',
      ]),
    )
  })

  it('refuses rows that break a foreign key', () => {
    const store = openStore(join(tempDir(), 'fk.db'))
    expect(() =>
      store.sqlite
        .prepare(
          "INSERT INTO quarter_quotas (quarter_key, corporation_id, quota) VALUES ('2026-Q4', 99, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/)
    store.close()
  })

  it('opens an up-to-date database again without a backup and without touching its data', () => {
    const file = join(tempDir(), 'bestaand.db')
    const first = openStore(file)
    first.sqlite
      .prepare("INSERT INTO corporations (name, social_stock) VALUES ('Mitros', 16000)")
      .run()
    first.close()

    const again = openStore(file)
    expect(again.migrationBackup).toBeNull()
    expect(again.sqlite.prepare('SELECT name FROM corporations').pluck().all()).toEqual(['Mitros'])
    again.close()
  })

  it('backs up an existing database before applying a new migration', () => {
    const dir = tempDir()
    const file = join(dir, 'oud.db')
    // An "old release": only the first migration is known to it.
    const oldMigrations = join(dir, 'migrations-oud')
    cpSync(resourcePath('migrations'), oldMigrations, { recursive: true })
    const journalFile = join(oldMigrations, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
    const first = openStore(file, { migrationsFolder: oldMigrations })
    first.sqlite
      .prepare("INSERT INTO corporations (name, social_stock) VALUES ('Portaal', 14000)")
      .run()
    first.close()

    // The "new release" adds a migration.
    const newMigrations = join(dir, 'migrations-nieuw')
    cpSync(oldMigrations, newMigrations, { recursive: true })
    const tag = '9999_test_extra'
    writeFileSync(
      join(newMigrations, `${tag}.sql`),
      'CREATE TABLE `test_extra` (`id` integer PRIMARY KEY);',
    )
    journal.entries.push({
      ...journal.entries[0]!,
      idx: journal.entries.length,
      when: Date.now(),
      tag,
    } as never)
    writeFileSync(join(newMigrations, 'meta', '_journal.json'), JSON.stringify(journal))

    const upgraded = openStore(file, { migrationsFolder: newMigrations })
    upgraded.close()
    expect(tablesOf(file)).toContain('test_extra')
    const backup = upgraded.migrationBackup
    expect(backup).not.toBeNull()
    expect(existsSync(backup!)).toBe(true)
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1)
    expect(tablesOf(backup!)).not.toContain('test_extra')
    const saved = new Database(backup!, { readonly: true })
    expect(saved.prepare('SELECT name FROM corporations').pluck().all()).toEqual(['Portaal'])
    saved.close()
  })

  it('fails loudly on a file that is not a database, and leaves it as it was', () => {
    const dir = tempDir()
    mkdirSync(dir, { recursive: true })
    const file = join(dir, 'kapot.db')
    writeFileSync(file, 'dit is geen database')
    expect(() => openStore(file)).toThrow()
    expect(readFileSync(file, 'utf8')).toBe('dit is geen database')
  })
})

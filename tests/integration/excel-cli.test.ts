import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { careProviders, corporations } from '../../src/main/db/schema'
import { openRuntime } from '../../src/main/runtime'
import { fillTemplate } from '../support/excel-files'
import { clientRow, dwellingRow } from '../support/excel-rows'
import { useTempDir } from '../support/temp-db'
import { cli, spawnCli } from '../support/cli'

async function countRows(dbFile: string, table: 'dwellings' | 'clients'): Promise<number> {
  const runtime = await openRuntime(dbFile)
  try {
    return (
      runtime.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }
    ).n
  } finally {
    runtime.close()
  }
}

describe('the template and import commands', { timeout: 90_000 }, () => {
  const tempDir = useTempDir()

  async function setUp() {
    const dir = tempDir()
    const dbFile = join(dir, 'cli.db')
    const runtime = await openRuntime(dbFile)
    runtime.store.db.insert(corporations).values({ name: 'Bo-Ex', socialStock: 3_000 }).run()
    runtime.store.db.insert(careProviders).values({ name: 'Leger des Heils' }).run()
    runtime.close()
    return { dir, dbFile }
  }

  it('makes a template, refuses a file with one bad row, and imports the rest with --valid-only', async () => {
    const { dir, dbFile } = await setUp()
    const template = join(dir, 'sjabloon.xlsx')
    const made = await cli(
      'template',
      'dwellings',
      '--db',
      dbFile,
      '--out',
      template,
      '--corporation',
      'bo-ex',
      '--quarter',
      '2026-Q4',
    )
    expect(made.stderr).toBe('')
    expect(made.code).toBe(0)
    expect(made.stdout).toContain('woningen-Bo-Ex-2026-Q4.xlsx')

    const filledFile = join(dir, 'ingevuld.xlsx')
    const rows = [dwellingRow(1), dwellingRow(2, { Postcode: 'ABCD 12' }), dwellingRow(3)]
    writeFileSync(
      filledFile,
      await fillTemplate(readFileSync(template).toString('base64'), 'Woningen', rows),
    )

    const refused = await cli('import', 'dwellings', '--db', dbFile, '--file', filledFile)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('row 4, Postcode: Postcode moet de vorm 1234 AB hebben\n')
    expect(refused.stderr).toContain('Niets geïmporteerd uit ingevuld.xlsx')
    expect(await countRows(dbFile, 'dwellings')).toBe(0)

    const partial = await cli(
      'import',
      'dwellings',
      '--db',
      dbFile,
      '--file',
      filledFile,
      '--valid-only',
    )
    expect(partial.code).toBe(1)
    expect(partial.stderr).toContain('row 4, Postcode: Postcode moet de vorm 1234 AB hebben')
    expect(partial.stdout).toContain(
      'ingevuld.xlsx: 2 van 3 rijen woningen ingelezen: 2 nieuw, 0 gewijzigd, 0 ongewijzigd',
    )
    expect(await countRows(dbFile, 'dwellings')).toBe(2)
  })

  it('imports a clean clients file with exit code 0 and a one-line Dutch summary', async () => {
    const { dir, dbFile } = await setUp()
    const template = join(dir, 'aanmelden.xlsx')
    expect(
      (
        await cli(
          'template',
          'clients',
          '--db',
          dbFile,
          '--out',
          template,
          '--provider',
          'leger des heils',
        )
      ).code,
    ).toBe(0)
    const filledFile = join(dir, 'aanmeldingen.xlsx')
    writeFileSync(
      filledFile,
      await fillTemplate(readFileSync(template).toString('base64'), 'Aanmeldingen', [
        clientRow(1),
        clientRow(2),
      ]),
    )
    const done = spawnCli('import', 'clients', '--db', dbFile, '--file', filledFile)
    expect(done).toEqual({
      code: 0,
      stdout:
        'aanmeldingen.xlsx: 2 van 2 rijen cliënten ingelezen: 2 nieuw, 0 gewijzigd, 0 ongewijzigd\n',
      stderr: '',
    })
    expect(await countRows(dbFile, 'clients')).toBe(2)
  })

  it('names the known corporations when the name is unknown', async () => {
    const { dir, dbFile } = await setUp()
    const result = await cli(
      'template',
      'dwellings',
      '--db',
      dbFile,
      '--out',
      join(dir, 'x.xlsx'),
      '--corporation',
      'Mitros',
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('Fout: Onbekende corporatie: "Mitros". Bekend: Bo-Ex\n')
  })
})

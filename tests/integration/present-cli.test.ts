import Database from 'better-sqlite3'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commandIo } from '../../src/main/cli/command'
import { presentCommand } from '../../src/main/cli/present'
import { readWorkbook } from '../support/excel-files'
import { QUARTER, useExportScenario } from '../support/exports-scenario'

/**
 * The command line from an imported quarter to every corporation's workbook: `shortlists` makes
 * the concepts, `present --out <map>` presents them and writes the workbooks. Run in-process.
 */
const quiet = commandIo({ stdout: { write: () => true }, stderr: { write: () => true } })

describe('npm run cli -- present', () => {
  const scenario = useExportScenario()

  it('presents every concept list and writes one logged workbook per corporation into the folder', async () => {
    const s = await scenario({ present: false })
    void s.runtime.close()
    const folder = join(s.dir, 'uit')
    mkdirSync(folder)
    expect(
      await presentCommand.run(['--db', s.dbFile, '--quarter', QUARTER, '--out', folder], quiet),
    ).toBe(0)

    const db = new Database(s.dbFile, { readonly: true })
    try {
      const left = db
        .prepare(
          `SELECT count(*) FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
           WHERE d.quarter_key = ? AND s.status = 'concept'`,
        )
        .pluck()
        .get(QUARTER)
      expect(left).toBe(0)
      const corporations = db
        .prepare(
          `SELECT DISTINCT c.name FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
           JOIN corporations c ON c.id = d.corporation_id WHERE d.quarter_key = ? AND s.status = 'voorgedragen'`,
        )
        .pluck()
        .all(QUARTER) as string[]
      const files = readdirSync(folder).sort()
      expect(files).toHaveLength(corporations.length)
      expect(
        db.prepare("SELECT count(*) FROM export_log WHERE kind = 'shortlists'").pluck().get(),
      ).toBe(corporations.length)
      const workbook = await readWorkbook(readFileSync(join(folder, files[0]!)))
      expect(workbook.getWorksheet('Voordrachten')).toBeDefined()
    } finally {
      db.close()
    }
  })

  it('refuses a folder that does not exist before presenting anything', async () => {
    const s = await scenario({ present: false })
    void s.runtime.close()
    await expect(
      presentCommand.run(
        ['--db', s.dbFile, '--quarter', QUARTER, '--out', join(s.dir, 'nergens')],
        quiet,
      ),
    ).rejects.toThrow('--out moet een bestaande map zijn')
    const db = new Database(s.dbFile, { readonly: true })
    try {
      const presented = db
        .prepare(
          `SELECT count(*) FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
           WHERE d.quarter_key = ? AND s.status = 'voorgedragen'`,
        )
        .pluck()
        .get(QUARTER)
      expect(presented).toBe(0)
    } finally {
      db.close()
    }
  })
})

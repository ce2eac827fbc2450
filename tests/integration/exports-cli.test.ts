import type ExcelJS from 'exceljs'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SHORTLIST_EXPORT_FIELDS } from '../../src/main/excel/shortlist-fields'
import { REPORT_SHEETS } from '../../src/main/reports/report-workbook'
import { fillIn } from '../support/answer-files'
import { readWorkbook } from '../support/excel-files'
import { openCodes, QUARTER, useExportScenario } from '../support/exports-scenario'
import { cli, spawnCli } from '../support/cli'

const column = (key: string) => SHORTLIST_EXPORT_FIELDS.findIndex((f) => f.key === key) + 1

describe('the export, import answers and report commands', { timeout: 120_000 }, () => {
  const scenario = useExportScenario()

  it('exports a corporation’s shortlists, reads its answer back, and writes the reports', async () => {
    const s = await scenario()
    const first = s.presented[0]!
    const chosen = (await openCodes(s, first.shortlistId))[0]!
    // The CLI takes the database lock: the test's own connection lets go first.
    void s.runtime.close()
    const out = join(s.dir, 'voordrachten.xlsx')

    const exported = await cli(
      'export',
      'shortlists',
      '--db',
      s.dbFile,
      '--quarter',
      QUARTER,
      '--corporation',
      'mitros',
      '--out',
      out,
    )
    expect(exported.stderr).toBe('')
    expect(exported.code).toBe(0)
    expect(exported.stdout).toContain('voordrachten-Mitros-2026-Q4-2026-')

    const answer = join(s.dir, 'antwoord.xlsx')
    const file = { fileName: 'voordrachten.xlsx', base64: readFileSync(out).toString('base64') }
    writeFileSync(
      answer,
      Buffer.from(
        await fillIn(file, { [first.dwellingId]: { [chosen]: { decision: 'Match' } } }),
        'base64',
      ),
    )
    const preview = await cli('import', 'answers', '--db', s.dbFile, '--file', answer, '--dry-run')
    expect(preview.code).toBe(0)
    expect(preview.stdout).toContain('Proef, niets opgeslagen')
    const applied = await cli('import', 'answers', '--db', s.dbFile, '--file', answer)
    expect(applied.stderr).toBe('')
    expect(applied.code).toBe(0)
    expect(applied.stdout).toContain(`${chosen}: match; eenmalige aanbieding gedaan`)
    expect(applied.stdout).toMatch(
      /Ingelezen: antwoord van Mitros op 2026-Q4 \(antwoord.xlsx\): 1 verwerkt/,
    )

    const quarterFile = join(s.dir, 'kwartaal.xlsx')
    const quarter = await cli(
      'report',
      '--db',
      s.dbFile,
      '--quarter',
      QUARTER,
      '--out',
      quarterFile,
    )
    expect([quarter.code, quarter.stderr]).toEqual([0, ''])
    expect(
      (await readWorkbook(readFileSync(quarterFile))).getWorksheet(REPORT_SHEETS.summary),
    ).toBeDefined()
    const yearFile = join(s.dir, 'jaar.xlsx')
    const year = await cli('report', '--db', s.dbFile, '--year', '2026', '--out', yearFile)
    expect([year.code, year.stderr]).toEqual([0, ''])
    expect(
      (await readWorkbook(readFileSync(yearFile))).getWorksheet(REPORT_SHEETS.trend),
    ).toBeDefined()
  })

  it('fails with exit code 1 and a Dutch message, and reports an outdated answer as such', async () => {
    const s = await scenario()
    const first = s.presented[0]!
    void s.runtime.close()
    const out = join(s.dir, 'x.xlsx')
    const unknown = spawnCli(
      'export',
      'shortlists',
      '--db',
      s.dbFile,
      '--quarter',
      QUARTER,
      '--corporation',
      'Woonstad',
      '--out',
      out,
    )
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('Onbekende corporatie: "Woonstad"')
    expect(existsSync(out)).toBe(false)
    const both = await cli(
      'report',
      '--db',
      s.dbFile,
      '--quarter',
      QUARTER,
      '--year',
      '2026',
      '--out',
      out,
    )
    expect(both.code).toBe(1)
    expect(both.stderr).toContain('Geef --quarter JJJJ-Qn of --year JJJJ op')
    const badQuarter = await cli('report', '--db', s.dbFile, '--quarter', '2026-5', '--out', out)
    expect(badQuarter.stderr).toContain('--quarter moet de vorm JJJJ-Qn hebben')

    expect(
      (
        await cli(
          'export',
          'shortlists',
          '--db',
          s.dbFile,
          '--quarter',
          QUARTER,
          '--corporation',
          'Mitros',
          '--out',
          out,
        )
      ).code,
    ).toBe(0)
    const file = { fileName: 'x.xlsx', base64: readFileSync(out).toString('base64') }
    // Two of the first dwelling's candidates, read from the file as the corporation sees it.
    const rows: ExcelJS.Row[] = []
    ;(await readWorkbook(readFileSync(out))).getWorksheet('Voordrachten')!.eachRow((r) => {
      if (r.getCell(column('dwellingId')).value === first.dwellingId) rows.push(r)
    })
    const codes = Object.fromEntries(
      rows.slice(0, 2).map((r) => [r.getCell(column('code')).value, { decision: 'Match' }]),
    )
    const answer = join(s.dir, 'twee-keer-match.xlsx')
    writeFileSync(answer, Buffer.from(await fillIn(file, { [first.dwellingId]: codes }), 'base64'))
    const refused = await cli('import', 'answers', '--db', s.dbFile, '--file', answer)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('kandidaten hebben Match; kies er hoogstens één per woning')
  })
})

import type ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { FileResult } from '../../src/shared/api'
import { readWorkbook } from '../support/excel-files'
import { QUARTER, useExportScenario } from '../support/exports-scenario'
import { STORE_KINDS } from '../support/stores'

/**
 * What a corporation may learn about a candidate (domain.md §5), written out here and not
 * imported from the export's own field list: adding a column to the export must fail this test
 * until someone has decided, here, that the corporation needs it.
 */
const ALLOWED_SHORTLIST_COLUMNS = [
  'Woning-ID',
  'Ronde',
  'Nr.',
  'Cliëntcode',
  // Household, age band, a coarse group (uitstroom, instroom, jongeren, gezin) and needs; the
  // exact target group only where the corporation's agreement says 'uitgebreid'.
  'Kandidaat',
  // The provider that gives support, how much and how long, and the begeleider to call.
  'Begeleiding en contactpersoon',
  'Besluit',
  'Datum aanbieding',
  'Reden geen match',
  'Toelichting / motivatie',
]

/** The sheets around the table: the instructions, the dropdown lists and the hidden round ids. */
const ALLOWED_SHEETS = ['Voordrachten', 'Toelichting', 'Lijsten', 'meta']

const headerRow = (sheet: ExcelJS.Worksheet) =>
  (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''))

describe.each(STORE_KINDS)('every export to a corporation (%s)', (kind) => {
  const scenario = useExportScenario()

  it('holds only allowlisted sheets and columns, for every corporation with presented shortlists', async () => {
    const s = await scenario({ kind })
    const corporations = await s.all<{ id: number }>(
      `SELECT DISTINCT d.corporation_id AS id FROM shortlists s JOIN dwellings d ON d.id = s.dwelling_id
       WHERE s.status = 'voorgedragen' AND d.quarter_key = ?`,
      QUARTER,
    )
    expect(corporations.length).toBeGreaterThan(0)
    for (const { id } of corporations) {
      const file = await s.call<FileResult>('exports:shortlists', {
        quarter: QUARTER,
        corporationId: id,
      })
      const workbook = await readWorkbook(file.base64)
      for (const sheet of workbook.worksheets) expect(ALLOWED_SHEETS).toContain(sheet.name)
      const table = workbook.getWorksheet('Voordrachten')!
      for (const column of headerRow(table)) expect(ALLOWED_SHORTLIST_COLUMNS).toContain(column)
    }
  })
})

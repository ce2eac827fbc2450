import { describe, expect, it } from 'vitest'
import { dwellings } from '../../src/main/db/schema'
import { dwellingsTemplate, importDwellings } from '../../src/main/services/import-service'
import { fillTemplate, payload } from '../support/excel-files'
import { dwellingRow } from '../support/excel-rows'
import { useExcelStore, type ExcelStore } from '../support/excel-store'
import { fillWithOpenpyxl, resaveWithLibreOffice } from '../support/other-programs'

async function template(s: ExcelStore): Promise<Buffer> {
  const made = await dwellingsTemplate(s.ctx, { corporationId: s.mitros, quarterKey: '2026-Q4' })
  return Buffer.from(made.base64, 'base64')
}

function addresses(s: ExcelStore): string[] {
  return s.runtime.store.db
    .select({ address: dwellings.address })
    .from(dwellings)
    .orderBy(dwellings.address)
    .all()
    .map((row) => row.address)
}

describe('a template saved again by another program', () => {
  const store = useExcelStore()

  it('is read when openpyxl filled it in (absolute part names for the example note)', async () => {
    const s = await store()
    const typed = (n: number) => ({
      ...dwellingRow(n),
      'Beschikbaar vanaf': '15-01-2027',
    })
    const file = fillWithOpenpyxl(await template(s), 'Woningen', [
      typed(1) as Record<string, string | number | null>,
      typed(2) as Record<string, string | number | null>,
    ])

    const report = await importDwellings(s.ctx, payload(file, 'woningen-Mitros-2026-Q4.xlsx'))

    expect(report.errors).toEqual([])
    expect(report).toMatchObject({ committed: true, created: 2 })
    expect(addresses(s)).toEqual(['Kanaalstraat 1', 'Kanaalstraat 2'])
  })

  it('is read after LibreOffice Calc opened and saved it', async () => {
    const s = await store()
    const filled = await fillTemplate((await template(s)).toString('base64'), 'Woningen', [
      dwellingRow(1),
      dwellingRow(2),
    ])
    const file = resaveWithLibreOffice(filled)

    const report = await importDwellings(s.ctx, payload(file, 'woningen-Mitros-2026-Q4.xlsx'))

    expect(report.errors).toEqual([])
    expect(report).toMatchObject({ committed: true, created: 2 })
    expect(addresses(s)).toEqual(['Kanaalstraat 1', 'Kanaalstraat 2'])
  })
})

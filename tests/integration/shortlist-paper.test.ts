import type ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { SHORTLIST_EXPORT_FIELDS } from '../../src/main/excel/shortlist-fields'
import type { CorporationRow, FileResult } from '../../src/shared/api'
import { TARGET_GROUP } from '../../src/shared/domain/vocabulary'
import { readWorkbook } from '../support/excel-files'
import { QUARTER, useExportScenario, type ExportScenario } from '../support/exports-scenario'
import { isA4, printWithLibreOffice } from '../support/other-programs'
import { STORE_KINDS } from '../support/stores'

const column = (key: string) => SHORTLIST_EXPORT_FIELDS.findIndex((f) => f.key === key) + 1

async function exportFor(
  s: ExportScenario,
): Promise<{ file: FileResult; sheet: ExcelJS.Worksheet }> {
  const file = await s.call<FileResult>('exports:shortlists', {
    quarter: QUARTER,
    corporationId: s.corporationId,
  })
  return { file, sheet: (await readWorkbook(file.base64)).getWorksheet('Voordrachten')! }
}

/** The candidate and support cells of one client's row. */
function rowOf(sheet: ExcelJS.Worksheet, code: string): { candidate: string; support: string } {
  let found: { candidate: string; support: string } | undefined
  sheet.eachRow((row) => {
    if (row.getCell(column('code')).value === code)
      found = {
        candidate: String(row.getCell(column('candidate')).value),
        support: String(row.getCell(column('support')).value),
      }
  })
  if (!found) throw new Error(`${code} staat niet in de export`)
  return found
}

/** A presented client of Mitros, registered by one provider and supported by another. */
async function presentedClient(s: ExportScenario) {
  const client = await s.one<{
    id: number
    code: string
    targetGroup: string
    careProviderId: number
  }>(
    `SELECT c.id, c.code, c.target_group AS targetGroup, c.care_provider_id AS careProviderId
     FROM shortlist_candidates sc JOIN clients c ON c.id = sc.client_id
     WHERE sc.shortlist_id = ? AND sc.decision = 'open' ORDER BY sc.position LIMIT 1`,
    s.presented[0]!.shortlistId,
  )
  const other = await s.one<{ id: number; name: string }>(
    'SELECT id, name FROM care_providers WHERE id <> ? ORDER BY id LIMIT 1',
    client.careProviderId,
  )
  const registering = (
    await s.one<{ name: string }>(
      'SELECT name FROM care_providers WHERE id = ?',
      client.careProviderId,
    )
  ).name
  await s.run(
    `UPDATE clients SET target_group = 'forensisch', flow = 'uitstroom', children = 0,
       support_provider_id = ?, support_contact_name = 'J. de Vries',
       support_contact_phone = '030 123 45 67', support_contact_email = 'j.devries@example.nl'
     WHERE id = ?`,
    other.id,
    client.id,
  )
  return { ...client, supporter: other.name, registering }
}

describe.each(STORE_KINDS)('the shortlist a corporation receives (%s)', (kind) => {
  const scenario = useExportScenario()

  it('by default names a coarse group and the supporting provider only, with the begeleider to call', async () => {
    const s = await scenario({ kind })
    const client = await presentedClient(s)

    const { sheet } = await exportFor(s)

    const { candidate, support } = rowOf(sheet, client.code)
    expect(candidate.split('\n')[1]).toMatch(/^(Uitstroom|Jongeren)$/)
    expect(support).toContain(client.supporter)
    expect(support).toContain('Contact: J. de Vries · 030 123 45 67 · j.devries@example.nl')
    // No exact target group and no registering provider anywhere on the sheet.
    const texts: string[] = []
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))))
    for (const label of Object.values(TARGET_GROUP.labels).filter((l) => l !== 'Wlz'))
      expect(texts.filter((t) => t.includes(label))).toEqual([])
    expect(support).not.toContain(client.registering)
  })

  it('adds the exact target group and the registering provider only for a corporation that agreed to it', async () => {
    const s = await scenario({ kind })
    const client = await presentedClient(s)
    const [mitros] = (await s.call<CorporationRow[]>('corporations:list', {})).filter(
      (c) => c.id === s.corporationId,
    )
    await s.call('corporations:save', { ...mitros, exportDetail: 'uitgebreid' })

    const { sheet } = await exportFor(s)

    const { candidate, support } = rowOf(sheet, client.code)
    expect(candidate).toContain('Forensische zorg (uitstroom)')
    expect(support).toContain(`Aangemeld door ${client.registering}`)
    const logged = await s.one<{ details: string }>(
      "SELECT details FROM export_log WHERE kind = 'shortlists' ORDER BY id DESC LIMIT 1",
    )
    expect(JSON.parse(logged.details)).toMatchObject({ detail: 'uitgebreid' })
  })

  it('prints on A4 landscape at a readable size with its header on every page', async () => {
    const s = await scenario({ kind })
    const { file } = await exportFor(s)

    const pages = printWithLibreOffice(Buffer.from(file.base64, 'base64'))
    const table = pages.filter((page) => page.text.includes('Cliëntcode'))

    expect(table.length).toBeGreaterThan(1)
    for (const page of table) {
      expect(isA4(page)).toBe(true)
      expect(page.width).toBeGreaterThan(page.height)
      // 8 pt DejaVu Sans (LibreOffice's stand-in for Calibri) is about 10.4 pt tall.
      expect(page.wordHeight).toBeGreaterThanOrEqual(10.4)
      expect(page.text).toContain('Besluit')
    }
    for (const page of pages) expect(isA4(page)).toBe(true)
  })
})

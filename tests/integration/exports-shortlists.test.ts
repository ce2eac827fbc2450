import type ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { SHORTLIST_EXPORT_FIELDS } from '../../src/main/excel/shortlist-fields'
import type { ExportLogRow, FileResult } from '../../src/shared/api'
import { REJECTION_REASON } from '../../src/shared/domain/vocabulary'
import { readWorkbook } from '../support/excel-files'
import { openCodes, QUARTER, useExportScenario } from '../support/exports-scenario'
import { TEST_ACTOR } from '../support/temp-db'
import { STORE_KINDS } from '../support/stores'

/** Every value of every cell of every sheet, hidden ones included, as text. */
function allCellTexts(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = []
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value
        texts.push(v instanceof Date ? v.toISOString() : JSON.stringify(v))
      }),
    )
  }
  return texts
}

const header = (sheet: ExcelJS.Worksheet) =>
  (sheet.getRow(1).values as unknown[]).slice(1).map(String)

const column = (key: string) => SHORTLIST_EXPORT_FIELDS.findIndex((f) => f.key === key) + 1

describe.each(STORE_KINDS)('the shortlist export for a corporation (%s)', (kind) => {
  const scenario = useExportScenario()

  async function exported(s: Awaited<ReturnType<typeof scenario>>, dwellingIds?: number[]) {
    const file = await s.call<FileResult>('exports:shortlists', {
      quarter: QUARTER,
      corporationId: s.corporationId,
      ...(dwellingIds ? { dwellingIds } : {}),
    })
    return { file, workbook: await readWorkbook(file.base64) }
  }

  it('lists per dwelling the presented candidates, with exactly the allowlisted columns', async () => {
    const s = await scenario({ kind })
    const { file, workbook } = await exported(s)
    expect(file.fileName).toBe('voordrachten-Mitros-2026-Q4-2026-11-23.xlsx')
    const sheet = workbook.getWorksheet('Voordrachten')!
    expect(header(sheet)).toEqual(SHORTLIST_EXPORT_FIELDS.map((f) => f.header))

    const expected = await s.all<{ dwellingId: number; code: string }>(
      `SELECT d.id AS dwellingId, c.code FROM shortlist_candidates sc
       JOIN shortlists s ON s.id = sc.shortlist_id JOIN dwellings d ON d.id = s.dwelling_id
       JOIN clients c ON c.id = sc.client_id
       WHERE d.corporation_id = ? AND d.quarter_key = ? AND s.status = 'voorgedragen' AND sc.decision = 'open'
       ORDER BY d.id, sc.position`,
      s.corporationId,
      QUARTER,
    )
    const rows: { dwellingId: number; code: string }[] = []
    sheet.eachRow((row, n) => {
      // Each dwelling's block opens with a heading row that has no Woning-ID.
      if (n > 1 && row.getCell(column('dwellingId')).value !== null)
        rows.push({
          dwellingId: row.getCell(column('dwellingId')).value as number,
          code: row.getCell(column('code')).value as string,
        })
    })
    expect(rows.length).toBe(expected.length)
    expect(
      [...rows].sort((a, b) => a.dwellingId - b.dwellingId || a.code.localeCompare(b.code)),
    ).toEqual(
      [...expected].sort((a, b) => a.dwellingId - b.dwellingId || a.code.localeCompare(b.code)),
    )
    const first = s.presented[0]!
    const firstRows = rows.filter((r) => r.dwellingId === first.dwellingId).map((r) => r.code)
    expect(firstRows).toEqual(await openCodes(s, first.shortlistId))
  })

  it('never writes a name, notes, birth year, registration date or score, anywhere in the file', async () => {
    const s = await scenario({ kind })
    const target = await s.one<{ clientId: number; registeredOn: string; score: number }>(
      `SELECT sc.client_id AS clientId, c.registered_on AS registeredOn, sc.score FROM shortlist_candidates sc
       JOIN clients c ON c.id = sc.client_id WHERE sc.shortlist_id = ? ORDER BY sc.position LIMIT 1`,
      s.presented[0]!.shortlistId,
    )
    await s.run(
      'UPDATE clients SET name = ?, notes = ?, birth_year = 1961 WHERE id = ?',
      'Johanna Zwanenburg',
      'Interne notitie: schuld bij de Kredietbank',
      target.clientId,
    )
    const { workbook } = await exported(s)
    const texts = allCellTexts(workbook)
    const [y, m, d] = target.registeredOn.split('-')
    for (const secret of [
      'Zwanenburg',
      'Kredietbank',
      '1961',
      target.registeredOn,
      `${d}-${m}-${y}`,
      String(target.score),
    ]) {
      expect(texts.filter((t) => t.includes(secret))).toEqual([])
    }
    const sheet = workbook.getWorksheet('Voordrachten')!
    sheet.eachRow((row, n) => {
      if (n === 1) return
      row.eachCell((cell) => {
        expect(cell.value).not.toBeInstanceOf(Date)
        if (typeof cell.value === 'number') expect(Number.isInteger(cell.value)).toBe(true)
      })
    })
    // 2026 − 1961 = 65: the band, not the year.
    const code = await s.one<{ code: string }>(
      'SELECT code FROM clients WHERE id = ?',
      target.clientId,
    )
    let seen = 0
    sheet.eachRow((row) => {
      if (row.getCell(column('code')).value !== code.code) return
      seen += 1
      expect(String(row.getCell(column('candidate')).value)).toContain('· 65+ jaar')
    })
    expect(seen).toBe(1)
  })

  it('is protected with only the decision cells open, and offers the decisions as dropdowns', async () => {
    const s = await scenario({ kind })
    const { workbook } = await exported(s)
    const sheet = workbook.getWorksheet('Voordrachten')!
    // Not in exceljs' type declarations, but what it reads from <sheetProtection>.
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> })
      .sheetProtection
    expect(protection).toMatchObject({ sheet: true })
    expect(protection).not.toHaveProperty('algorithmName')
    // Row 2 heads the first dwelling's block; row 3 is its first candidate.
    expect(sheet.getRow(2).getCell(column('dwellingId')).value).toBeNull()
    const row = sheet.getRow(3)
    for (const field of SHORTLIST_EXPORT_FIELDS) {
      const locked = row.getCell(column(field.key)).protection?.locked !== false
      expect([field.header, locked]).toEqual([field.header, field.part !== 'besluit'])
    }
    expect(row.getCell(column('decision')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Match,Geen match"'],
      showErrorMessage: true,
    })
    const reasons = row.getCell(column('reason')).dataValidation
    expect(reasons).toMatchObject({ type: 'list', formulae: ['Lijsten!$A$2:$A$7'] })
    const lists = workbook.getWorksheet('Lijsten')!
    expect(lists.state).toBe('hidden')
    expect(lists.getColumn(1).values.slice(2)).toEqual(Object.values(REJECTION_REASON.labels))
    expect(row.getCell(column('motivation')).dataValidation).toMatchObject({
      type: 'textLength',
      operator: 'lessThanOrEqual',
    })
    const last = sheet.getRow(sheet.rowCount)
    expect(last.getCell(column('decision')).dataValidation?.type).toBe('list')
  })

  it('is print-ready: A4 landscape, one page wide, header row repeated, header and footer', async () => {
    const s = await scenario({ kind })
    const { workbook } = await exported(s)
    for (const name of ['Voordrachten', 'Toelichting']) {
      const sheet = workbook.getWorksheet(name)!
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
      })
      expect(sheet.headerFooter.oddHeader).toBe(
        '&LMitros&C&BVoordrachten 4e kwartaal 2026&R23-11-2026',
      )
      expect(sheet.headerFooter.oddFooter).toContain('&CPagina &P van &N')
    }
    const sheet = workbook.getWorksheet('Voordrachten')!
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(SHORTLIST_EXPORT_FIELDS.map((f, i) => sheet.getColumn(i + 1).width)).toEqual(
      SHORTLIST_EXPORT_FIELDS.map((f) => f.width),
    )
  })

  it('keeps quarter, corporation and each round in a very hidden meta sheet', async () => {
    const s = await scenario({ kind })
    const { workbook } = await exported(s)
    const meta = workbook.getWorksheet('meta')!
    expect(meta.state).toBe('veryHidden')
    const rows: unknown[][] = []
    meta.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    expect(rows).toContainEqual(['quarterKey', QUARTER])
    expect(rows).toContainEqual(['corporationId', s.corporationId])
    expect(rows).toContainEqual(['corporation', 'Mitros'])
    const rounds = rows.filter((r) => r[0] === 'shortlist').map((r) => r.slice(1))
    expect(rounds.sort()).toEqual(s.presented.map((p) => [p.shortlistId, p.dwellingId, 1]).sort())
  })

  it('logs who exported what for whom, with its audit event, and no client data in the log', async () => {
    const s = await scenario({ kind })
    const { file } = await exported(s, [s.presented[0]!.dwellingId, s.presented[1]!.dwellingId])
    const log = await s.call<ExportLogRow[]>('exports:log', {})
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({
      officer: TEST_ACTOR.officer,
      osUser: TEST_ACTOR.osUser,
      kind: 'shortlists',
      recipient: 'Mitros',
      fileName: file.fileName,
      at: '2026-11-23T09:00:00.000Z',
    })
    // The level of candidate detail that left the app: Mitros has no wider agreement.
    expect(log[0]!.details).toMatchObject({ quarter: QUARTER, dwellings: 2, detail: 'beperkt' })
    expect((log[0]!.details!.dwellingIds as number[]).sort()).toEqual(
      [s.presented[0]!.dwellingId, s.presented[1]!.dwellingId].sort(),
    )
    expect(JSON.stringify(log[0]!.details)).not.toMatch(/K-\d/)
    const event = await s.one<{ entity_id: string; summary: string }>(
      "SELECT entity_id, summary FROM audit_events WHERE action = 'export:shortlists'",
    )
    expect(event.entity_id).toBe(String(log[0]!.id))
    expect(event.summary).toContain('Mitros')
  })

  it('refuses, in Dutch and without a log row, when the corporation has nothing presented', async () => {
    const s = await scenario({ present: false, kind })
    await expect(
      s.call('exports:shortlists', { quarter: QUARTER, corporationId: s.corporationId }),
    ).rejects.toThrow(/geen voorgedragen kandidaten open voor Mitros/)
    expect((await s.one<{ n: number }>('SELECT count(*) AS n FROM export_log')).n).toBe(0)
  })
})

import { execFileSync } from 'node:child_process'
import type ExcelJS from 'exceljs'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPORT_SHEETS, SUMMARY_HEADER_ROW } from '../../src/main/reports/report-workbook'
import { FORECAST_HEADER_ROW } from '../../src/main/simulation/workbook'
import type { ExportLogRow, FileResult, QuarterFigures } from '../../src/shared/api'
import type { SimulationJob } from '../../src/shared/api/simulation'
import { readWorkbook } from '../support/excel-files'
import { QUARTER, useExportScenario } from '../support/exports-scenario'
import { driveWorkflow } from '../support/report-scenario'
import { STORE_KINDS } from '../support/stores'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])
/** The Vooruitblik plays the real engine: tens of seconds on a busy two-core machine. */
const SLOW = 300_000

/** The table under a header row as objects keyed by header text. */
function table(sheet: ExcelJS.Worksheet, headerRow = 1): Record<string, ExcelJS.CellValue>[] {
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String)
  const rows: Record<string, ExcelJS.CellValue>[] = []
  sheet.eachRow((row, n) => {
    if (n <= headerRow) return
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])))
  })
  return rows
}

const cellOf = (sheet: ExcelJS.Worksheet, row: number, header: string, headerRow = 1) => {
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String)
  return sheet.getRow(row).getCell(headers.indexOf(header) + 1)
}

function expectPrintable(sheet: ExcelJS.Worksheet, title: string, headerRow = 1) {
  expect(sheet.pageSetup).toMatchObject({
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
  })
  expect(sheet.headerFooter.oddHeader).toBe(`&LHet Vierde Huis&C&B${title}&R23-11-2026`)
  expect(sheet.headerFooter.oddFooter).toContain('Pagina &P van &N')
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow })
  expect(String(sheet.autoFilter)).toMatch(new RegExp(`^A${headerRow}:[A-Z]+\\d+$`))
}

function expectChart(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) {
  const images = sheet.getImages()
  expect(images).toHaveLength(1)
  const media = workbook.getImage(Number(images[0]!.imageId))
  expect(media.extension).toBe('png')
  expect(Buffer.from(media.buffer as unknown as Buffer).subarray(0, 4)).toEqual(PNG)
}

/** What openpyxl (Debian's, as a corporation's office script would use) reads from a sheet. */
function readWithOpenpyxl(base64: string, sheet: string, headerRow: number) {
  const dir = mkdtempSync(join(tmpdir(), 'vierde-huis-openpyxl-'))
  try {
    const file = join(dir, 'in.xlsx')
    writeFileSync(file, Buffer.from(base64, 'base64'))
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
row = int(sys.argv[3])
print(json.dumps({
    "sheets": wb.sheetnames,
    "title": ws.cell(row=1, column=1).value,
    "header": [c.value for c in ws[row]],
    "rows": [list(r) for r in ws.iter_rows(min_row=row + 1, values_only=True)],
}))
`
    const out = execFileSync('/usr/bin/python3', ['-c', script, file, sheet, String(headerRow)])
    return JSON.parse(out.toString()) as {
      sheets: string[]
      title: string
      header: string[]
      rows: (string | number | null)[][]
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe.each(STORE_KINDS)('the report workbook (%s)', (kind) => {
  const scenario = useExportScenario()

  async function quarterReport() {
    const s = await scenario({ present: false, kind })
    await driveWorkflow(s)
    const figures = await s.call<QuarterFigures>('reports:figures', { quarter: QUARTER })
    const file = await s.call<FileResult>('reports:quarter', { quarter: QUARTER })
    return { s, figures, file, workbook: await readWorkbook(file.base64) }
  }

  it('holds the quarter’s figures in Dutch, sheet by sheet, with the formats a manager expects', async () => {
    const { figures: f, file, workbook } = await quarterReport()
    expect(file.fileName).toBe('kwartaalrapportage-2026-Q4.xlsx')
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      Object.values(REPORT_SHEETS).filter((name) => name !== REPORT_SHEETS.trend),
    )

    const summary = workbook.getWorksheet(REPORT_SHEETS.summary)!
    expect(summary.getCell('A1').value).toBe('Kwartaalrapportage 4e kwartaal 2026')
    const kpis = new Map(table(summary, SUMMARY_HEADER_ROW).map((r) => [r.Kengetal, r.Waarde]))
    expect(kpis.get('Woningen ingediend')).toBe(f.totals.submitted)
    expect(kpis.get('Woningen verhuurd')).toBe(f.totals.allocated)
    expect(kpis.get('Realisatie (verhuurd t.o.v. quotum)')).toBe(f.totals.realisation)
    expect(kpis.get('Mediane wachttijd tot aanbod (dagen)')).toBe(f.waiting.overall.median)
    expect(kpis.get('Gemiddelde wachttijd tot aanbod (dagen)')).toBe(f.waiting.overall.mean)
    expect(kpis.get('Individuele match als knelpunt')).toBe(f.rounds.bottleneckShare)
    expect(kpis.get('Aandeel instroom in verhuringen')).toBe(f.instroom.share)
    expect(kpis.get('Begin periode')).toEqual(new Date('2026-10-01T00:00:00Z'))
    const row = (label: string) =>
      table(summary, SUMMARY_HEADER_ROW).findIndex((r) => r.Kengetal === label) +
      SUMMARY_HEADER_ROW +
      1
    expect(summary.getRow(row('Begin periode')).getCell(2).numFmt).toBe('dd-mm-yyyy')
    expect(summary.getRow(row('Aanbod binnen 91 dagen')).getCell(2).numFmt).toBe('0.0%')
    expect(summary.getRow(row('Woningen ingediend')).getCell(2).numFmt).toBe('#,##0')
    expect(summary.getColumn(1).width).toBe(44)
    expectPrintable(summary, 'Kwartaalrapportage 4e kwartaal 2026', SUMMARY_HEADER_ROW)

    const corporations = workbook.getWorksheet(REPORT_SHEETS.corporations)!
    const rows = table(corporations)
    expect(rows.map((r) => r.Corporatie)).toEqual([
      ...f.corporations.map((c) => c.corporation),
      'Totaal',
    ])
    for (const c of f.corporations) {
      expect(rows.find((r) => r.Corporatie === c.corporation)).toMatchObject({
        Quotum: c.quota,
        Ingediend: c.submitted,
        'Kandidaten voorgedragen': c.presented,
        Gematcht: c.matched,
        Verhuurd: c.allocated,
        'Realisatie (verhuurd t.o.v. quotum)': c.realisation,
      })
    }
    expect(rows.at(-1)).toMatchObject({ Verhuurd: f.totals.allocated, Quotum: f.totals.quota })
    expect(cellOf(corporations, 2, 'Realisatie (verhuurd t.o.v. quotum)').numFmt).toBe('0.0%')
    expect(corporations.autoFilter).toBe(`A1:L${f.corporations.length + 1}`)
    expect(corporations.getRow(f.corporations.length + 2).font?.bold).toBe(true)

    const providers = table(workbook.getWorksheet(REPORT_SHEETS.providers)!)
    expect(providers.map((r) => r.Verhuurd)).toEqual(f.careProviders.map((p) => p.allocated))
    const waiting = table(workbook.getWorksheet(REPORT_SHEETS.waiting)!)
    expect(waiting[0]).toMatchObject({
      Indeling: 'Totaal',
      'Gemiddeld (dagen)': f.waiting.overall.mean,
      'Mediaan (dagen)': f.waiting.overall.median,
    })
    expect(waiting.filter((r) => r.Indeling === 'Doelgroep')).toHaveLength(f.waiting.byGroup.length)
    const buckets = table(workbook.getWorksheet(REPORT_SHEETS.buckets)!)
    expect(buckets.map((r) => r.Aantal)).toEqual(f.waiting.buckets.map((b) => b.count))
    const reasons = table(workbook.getWorksheet(REPORT_SHEETS.reasons)!)
    expect(reasons.map((r) => r['Aantal kandidaten'])).toEqual(f.rounds.reasons.map((r) => r.count))
    const wijken = workbook.getWorksheet(REPORT_SHEETS.wijken)!
    expect(table(wijken).map((r) => r.Verhuurd)).toEqual(f.wijken.map((w) => w.allocated))
    expect(table(wijken).map((r) => r.Ontzien)).toEqual(
      f.wijken.map((w) => (w.spared ? 'ja' : 'nee')),
    )
    expect(cellOf(wijken, 2, 'Verschil met norm (procentpunt)').numFmt).toBe('+0.0%;-0.0%;0.0%')
    expect(table(workbook.getWorksheet(REPORT_SHEETS.rounds)!)).toEqual(
      f.rounds.byRound.map((r) => ({ 'Gematcht in ronde': r.round, 'Aantal woningen': r.count })),
    )
  })

  it('is print-ready on every sheet and carries its charts as images', async () => {
    const { workbook } = await quarterReport()
    for (const sheet of workbook.worksheets) {
      const headerRow = sheet.name === REPORT_SHEETS.summary ? SUMMARY_HEADER_ROW : 1
      expectPrintable(sheet, 'Kwartaalrapportage 4e kwartaal 2026', headerRow)
    }
    for (const name of [
      REPORT_SHEETS.corporations,
      REPORT_SHEETS.providers,
      REPORT_SHEETS.buckets,
      REPORT_SHEETS.reasons,
      REPORT_SHEETS.wijken,
    ])
      expectChart(workbook, workbook.getWorksheet(name)!)
  })

  it('over a year adds a sheet per quarter, and every report is logged as an export', async () => {
    const { s } = await quarterReport()
    const file = await s.call<FileResult>('reports:year', { year: 2026 })
    expect(file.fileName).toBe('jaarrapportage-2026.xlsx')
    const workbook = await readWorkbook(file.base64)
    const figures = await s.call<QuarterFigures>('reports:figures', { year: 2026 })
    const trend = workbook.getWorksheet(REPORT_SHEETS.trend)!
    // The quarter still running on the test's day (23 November) is marked, its realisation empty.
    expect(table(trend).map((r) => [r.Kwartaal, r.Verhuurd, r.Realisatie ?? null])).toEqual(
      figures.trend.map((t) => [
        t.key === '2026-Q4' ? `${t.label} (loopt nog)` : t.label,
        t.allocated,
        t.key === '2026-Q4' ? null : t.realisation,
      ]),
    )
    expectChart(workbook, trend)
    expectPrintable(trend, 'Jaarrapportage 2026')
    expect(workbook.getWorksheet(REPORT_SHEETS.summary)!.getCell('A1').value).toBe(
      'Jaarrapportage 2026',
    )

    // Before any Vooruitblik was run, the year report's last sheet says where to make one.
    const empty = workbook.getWorksheet('Vooruitblik')!
    expect(workbook.worksheets.at(-1)).toBe(empty)
    expect(empty.getCell('A1').value).toBe('Vooruitblik: nog niet doorgerekend')
    expect(String(empty.getCell('A2').value)).toContain('Rapportages → Vooruitblik')
    const log = await s.call<ExportLogRow[]>('exports:log', {})
    expect(log.map((l) => [l.kind, l.recipient, l.fileName])).toEqual([
      ['report-year', 'management', 'jaarrapportage-2026.xlsx'],
      ['report-quarter', 'management', 'kwartaalrapportage-2026-Q4.xlsx'],
    ])
    expect(
      await s.all<{ action: string }>(
        "SELECT action FROM audit_events WHERE entity_type = 'export' ORDER BY id",
      ),
    ).toEqual([{ action: 'export:report-quarter' }, { action: 'export:report-year' }])
  })

  // The Vooruitblik copies the SQLite image (simulate.ts): SQLite-only for now.
  it.runIf(kind === 'sqlite')(
    'the year report carries the last Vooruitblik the manager ran: bands per scenario, three charts',
    async () => {
      const s = await scenario({ present: false, kind })
      let job = await s.call<SimulationJob>('simulation:start', {
        scenarios: [{ name: 'N = 4', shortlistSize: 4 }],
        quarters: 1,
        runs: 1,
      })
      while (job.state === 'bezig') {
        await new Promise((r) => setTimeout(r, 200))
        job = await s.call<SimulationJob>('simulation:status', { jobId: job.jobId })
      }
      expect(job.state).toBe('klaar')
      expect(
        await s.all<{ action: string }>(
          "SELECT action FROM audit_events WHERE action = 'simulation:saved'",
        ),
      ).toHaveLength(1)

      const file = await s.call<FileResult>('reports:year', { year: 2026 })
      const workbook = await readWorkbook(file.base64)
      expect(workbook.worksheets.at(-1)!.name).toBe('Vooruitblik')
      const forecast = workbook.getWorksheet('Vooruitblik')!
      expect(forecast.getCell('A1').value).toBe('Vooruitblik 4e kwartaal 2026 – 1e kwartaal 2027')
      expect(String(forecast.getCell('A2').value)).toContain(
        "Doorgerekend vanaf 2026-11-23: 2 scenario('s), 1 runs elk (seed 1)",
      )
      const bands = table(forecast, FORECAST_HEADER_ROW)
      const medians = job.forecast!.scenarios.flatMap((sc) =>
        sc.quarters.map((q) => [sc.scenario.name, q.waitingList.p50]),
      )
      expect(bands.map((r) => [r.Scenario, r['Wachtlijst eind kwartaal — mediaan']])).toEqual(
        medians,
      )
      expect(bands.map((r) => r.Kwartaal)).toEqual([
        '4e kwartaal 2026',
        '1e kwartaal 2027',
        '4e kwartaal 2026',
        '1e kwartaal 2027',
      ])
      const images = forecast.getImages()
      expect(images).toHaveLength(3)
      for (const image of images) {
        const media = workbook.getImage(Number(image.imageId))
        expect(Buffer.from(media.buffer as unknown as Buffer).subarray(0, 4)).toEqual(PNG)
      }
      expectPrintable(forecast, 'Jaarrapportage 2026', FORECAST_HEADER_ROW)

      // openpyxl reads the same sheet: its title, its header and the same medians.
      const read = readWithOpenpyxl(file.base64, 'Vooruitblik', FORECAST_HEADER_ROW)
      expect(read.sheets.at(-1)).toBe('Vooruitblik')
      expect(read.title).toBe(forecast.getCell('A1').value)
      expect(read.header.slice(0, 5)).toEqual([
        'Scenario',
        'Kwartaal',
        'Wachtlijst eind kwartaal — 10%',
        'Wachtlijst eind kwartaal — mediaan',
        'Wachtlijst eind kwartaal — 90%',
      ])
      expect(read.rows.map((r) => [r[0], r[3]])).toEqual(medians)
    },
    SLOW,
  )
})

import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { BoardRow, DwellingMatching, QuarterFigures } from '../../src/shared/api'
import { shot } from '../support/e2e-store'
import { expect, test } from './fixtures'
import { AdminPage } from './pages/admin-page'
import { ReportsPage } from './pages/reports-page'
import { ShortlistsPage } from './pages/shortlists-page'
import { callHost } from '../support/call'

/** The quarter before today's, and today's, as the app names them. */
function quarterOfToday(offset = 0): { key: string; label: string } {
  const today = new Date()
  const index = today.getFullYear() * 4 + Math.floor(today.getMonth() / 3) + offset
  const year = Math.floor(index / 4)
  const number = (index % 4) + 1
  return { key: `${year}-Q${number}`, label: `${number}e kwartaal ${year}` }
}

// Written out here rather than imported from the renderer: the test checks what the screen says.
const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n)
const pct = (share: number | null) =>
  share === null
    ? '—'
    : new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 }).format(share)

const which = (tool: string) =>
  ['/usr/bin', '/usr/local/bin'].some((d) => existsSync(`${d}/${tool}`))

/** Pages in a PDF as Chromium (Skia) writes it: one /Type /Page object per page. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
}

test('the quarterly report of the previous quarter shows the figures of reports:figures and prints to A4', async ({
  page,
}) => {
  const reports = new ReportsPage(page)
  await reports.app.open()
  await reports.app.loadDemoData()
  await reports.open()

  // The quarter that just ended is the one a manager reports on: chosen without asking.
  const previous = quarterOfToday(-1)
  await expect(reports.period).toHaveValue(previous.key)
  await expect(reports.report.getByRole('heading', { level: 2 })).toHaveText(
    `Het Vierde Huis — Kwartaalrapportage ${previous.label}`,
  )
  await expect(reports.report).toContainText('door Test Medewerker')

  const f = await callHost<QuarterFigures>(page.request, 'reports:figures', {
    quarter: previous.key,
  })
  expect(f.totals.allocated).toBeGreaterThan(0)
  expect(await reports.kpi('Realisatie taakstelling')).toBe(pct(f.totals.realisation))
  expect(await reports.kpi('Ingediende woningen')).toBe(nl(f.totals.submitted))
  expect(await reports.kpi('Voorgedragen kandidaten')).toBe(nl(f.totals.presentedCandidates))
  expect(await reports.kpi('Matches')).toBe(nl(f.totals.matched))
  expect(await reports.kpi('Toewijzingen')).toBe(nl(f.totals.allocated))
  expect(await reports.kpi('Binnen 91 dagen aangeboden')).toBe(pct(f.waiting.overall.within91))
  expect(await reports.kpi('Mediaan wachttijd')).toBe(`${nl(f.waiting.overall.median!)} dagen`)
  expect(await reports.kpi('Aandeel instroom')).toBe(pct(f.instroom.share))
  expect(await reports.kpi('Individuele match knelpunt')).toBe(pct(f.rounds.bottleneckShare))
  expect(await reports.kpi('Wachtlijst nu')).toBe(nl(f.totals.waitingListNow))

  // The tables carry the same numbers, per corporation and per care provider.
  const corporation = f.corporations[0]!
  const corporationRow = await reports.rowCells(
    reports.table(/^Per corporatie/),
    corporation.corporation,
  )
  expect(corporationRow.slice(0, 3)).toEqual([
    corporation.corporation,
    nl(corporation.quota),
    nl(corporation.submitted),
  ])
  expect(corporationRow[7]).toBe(nl(corporation.allocated))
  expect(corporationRow[8]).toBe(pct(corporation.realisation))
  const total = await reports.rowCells(reports.table(/^Per corporatie/), 'Totaal')
  expect(total[7]).toBe(nl(f.totals.allocated))
  const provider = f.careProviders.find((p) => p.allocated > 0)!
  const providerRow = await reports.rowCells(
    reports.table(/^Per zorgaanbieder/),
    provider.careProvider,
  )
  expect(providerRow[3]).toBe(nl(provider.allocated))
  const reason = f.rounds.reasons.find((r) => r.count > 0)!
  const reasonRow = await reports.rowCells(
    reports.table('Redenen bij afgewezen kandidaten'),
    reason.label,
  )
  expect(reasonRow[1]).toBe(nl(reason.count))

  await reports.expectChartsDrawn(3)
  await page.setViewportSize({ width: 1440, height: 1000 })
  await reports.report.screenshot({ path: shot('test-results/kwartaalrapport-scherm.png') })

  const pdfPath = 'test-results/kwartaalrapport.pdf'
  const pdf = await reports.savePdf(pdfPath)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const pages = pageCount(pdf)
  expect(pages).toBeGreaterThanOrEqual(2)
  expect(pages).toBeLessThanOrEqual(8)

  if (!which('pdftotext')) {
    test.info().annotations.push({
      type: 'let op',
      description:
        'pdftotext ontbreekt (apt-get install poppler-utils): de tekst van de PDF is niet gecontroleerd',
    })
    return
  }
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
  expect(info).toMatch(new RegExp(`Pages:\\s+${pages}\\b`))
  expect(info).toMatch(/Page size:.*\(A4\)/)
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
  const first = text.split('\f')[0]!
  expect(first).toContain(`Kwartaalrapportage ${previous.label}`)
  expect(first).toContain('Kerncijfers')
  expect(first).toContain(pct(f.totals.realisation))
  for (const heading of [
    'Per corporatie',
    'Per zorgaanbieder',
    'Wachttijd tot aanbieding',
    'Voordrachten, rondes en afwijzingen',
    'Spreiding over de wijken',
    'Leegstand',
  ])
    expect(text).toContain(heading)
  expect(text).toContain(provider.careProvider)
  // Only the report is printed: no menu, no buttons.
  for (const control of [
    'Afdrukken / PDF',
    'Excel-rapport downloaden',
    'Hoofdmenu',
    'Voordrachten exporteren',
  ])
    expect(text).not.toContain(control)
  if (which('pdftoppm'))
    execFileSync('pdftoppm', ['-png', '-r', '70', pdfPath, 'test-results/kwartaalrapport'])
})

test('the year report shows the quarters side by side and downloads as Excel, logged', async ({
  page,
}) => {
  const reports = new ReportsPage(page)
  await reports.app.open()
  await reports.app.loadDemoData()
  await reports.open()
  const year = String(new Date().getFullYear())
  await reports.choosePeriod(`Jaar ${year}`)
  await expect(page).toHaveURL(new RegExp(`#/rapportages/rapport\\?periode=${year}$`))

  const f = await callHost<QuarterFigures>(page.request, 'reports:figures', { year: Number(year) })
  const trend = reports.table('Per kwartaal')
  await expect(trend.getByRole('row')).toHaveCount(f.trend.length + 1)
  expect(await reports.kpi('Toewijzingen')).toBe(nl(f.totals.allocated))
  await reports.expectChartsDrawn(4)

  const download = await reports.downloadExcel()
  expect(download.suggestedFilename()).toBe(`jaarrapportage-${year}.xlsx`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await download.path())
  expect(workbook.worksheets.length).toBeGreaterThan(1)
  await expect(page.getByRole('status').filter({ hasText: 'is gedownload' })).toBeVisible()

  await reports.app.goTo('Beheer')
  await new AdminPage(page).openTab('Exportlog')
  const log = reports.app.grid('Exportlog')
  await expect(
    log.getByRole('row').filter({ hasText: `jaarrapportage-${year}.xlsx` }),
  ).toContainText('Jaarrapportage')
})

test('the dashboard shows the current quarter with links to the lists behind its figures', async ({
  page,
}) => {
  const reports = new ReportsPage(page)
  await reports.app.open()
  await reports.app.loadDemoData()
  const current = quarterOfToday()
  const f = await callHost<QuarterFigures>(page.request, 'reports:figures', {
    quarter: current.key,
  })

  const dashboard = page.getByRole('region', { name: `Dit kwartaal: ${current.label}` })
  await expect(dashboard.getByRole('link', { name: /^Ingediende woningen: / })).toHaveText(
    nl(f.totals.submitted),
  )
  await expect(
    dashboard.getByRole('link', { name: `Ingediende woningen: ${nl(f.totals.submitted)}` }),
  ).toHaveAttribute('href', '#/woningen')
  await expect(dashboard.getByRole('link', { name: /^Voorgedragen kandidaten: / })).toHaveAttribute(
    'href',
    '#/voordrachten',
  )
  // The trend has a bar per quarter up to now, and the three charts are drawn.
  await expect(dashboard.locator('.chart-drawing .recharts-wrapper > svg')).toHaveCount(3)
  await page.setViewportSize({ width: 1440, height: 1500 })
  await reports.app.screenshot('test-results/overzicht-dashboard.png')

  // A figure without a list page of its own opens the report's table behind it.
  await dashboard.getByRole('link', { name: /^Mediaan wachttijd: / }).click()
  await reports.app.expectOn('Rapportages')
  await expect(reports.period).toHaveValue(current.key)
  await expect(page.getByRole('region', { name: 'Wachttijd tot aanbieding' })).toBeInViewport()
})

test('shortlists exported for a corporation hold its candidates, and its answer is read back', async ({
  page,
}) => {
  const reports = new ReportsPage(page)
  await reports.app.open()
  await reports.app.loadDemoData()

  // Shortlists for the current quarter, presented for the corporation with the fewest dwellings
  // (at least two), through the same calls as the Voordrachten screen.
  const current = quarterOfToday()
  await callHost(page.request, 'shortlists:generate', { quarter: current.key })
  const board = await callHost<BoardRow[]>(page.request, 'shortlists:board', {
    quarter: current.key,
  })
  const concepts = board.filter((row) => row.shortlistStatus === 'concept')
  const perCorporation = new Map<string, BoardRow[]>()
  for (const row of concepts)
    perCorporation.set(row.corporation, [...(perCorporation.get(row.corporation) ?? []), row])
  const [corporation, rows] = [...perCorporation]
    .filter(([, list]) => list.length >= 2)
    .sort((a, b) => a[1].length - b[1].length)[0]!
  for (const row of rows)
    await callHost(page.request, 'shortlists:present', { shortlistId: row.shortlistId })
  const codes = rows.flatMap((row) => row.candidates).sort()
  expect(codes.length).toBeGreaterThan(0)

  await reports.open()
  await reports.openTab('Voordrachten exporteren')
  await reports.chooseExport(current.label, corporation)
  await expect(reports.exportDwellings).toContainText(
    `${rows.length} woningen van ${corporation} met een voorgedragen ronde`,
  )
  const download = await reports.downloadShortlists()
  const file = `test-results/voordrachten-${corporation}.xlsx`
  await download.saveAs(file)
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/)

  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const sheet = workbook.getWorksheet('Voordrachten')!
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''))
  const codeColumn = headers.indexOf('Cliëntcode')
  const decisionColumn = headers.indexOf('Besluit')
  const idColumn = headers.indexOf('Woning-ID')
  expect(codeColumn).toBeGreaterThan(0)
  const lines: { row: number; code: string; dwellingId: number }[] = []
  sheet.eachRow((row, number) => {
    const code = row.getCell(codeColumn).value
    if (number > 1 && typeof code === 'string' && /^K-/.test(code))
      lines.push({ row: number, code, dwellingId: Number(row.getCell(idColumn).value) })
  })
  expect(lines.map((l) => l.code).sort()).toEqual(codes)

  // The corporation chooses the first candidate of the first dwelling and sends the file back.
  const chosen = lines[0]!
  sheet.getRow(chosen.row).getCell(decisionColumn).value = 'Match'
  const answer = `test-results/antwoord-${corporation}.xlsx`
  await workbook.xlsx.writeFile(answer)
  const address = rows.find((r) => r.dwellingId === chosen.dwellingId)!.address

  const summary = await reports.checkAnswers(answer)
  await expect(summary).toContainText(`1 woning wordt verwerkt, ${rows.length - 1}`)
  await expect(reports.answerRow(address)).toContainText('Wordt verwerkt')
  await expect(reports.answerRow(address)).toContainText(`${chosen.code}: match`)
  // The preview wrote nothing.
  const before = await callHost<DwellingMatching>(page.request, 'shortlists:forDwelling', {
    dwellingId: chosen.dwellingId,
  })
  expect(before.rounds[0]!.candidates.every((c) => c.decision === 'open')).toBe(true)

  await reports.applyAnswers()
  await expect(reports.answerRow(address)).toContainText('Verwerkt')
  const after = await callHost<DwellingMatching>(page.request, 'shortlists:forDwelling', {
    dwellingId: chosen.dwellingId,
  })
  const decided = after.rounds[0]!.candidates.find((c) => c.code === chosen.code)
  expect(decided?.decision).toBe('gekozen')
  await reports.answersDialog.getByRole('button', { name: 'Sluiten', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'is verwerkt' })).toBeVisible()

  // The officer sees the corporation's choice where she works: the Voordrachten screen.
  const shortlists = new ShortlistsPage(page)
  await shortlists.open()
  await shortlists.openDwelling(address)
  await expect(shortlists.candidate(chosen.code)).toContainText('Gekozen')
  await shortlists.screenshot('test-results/voordrachten-na-antwoord.png')

  await reports.app.goTo('Beheer')
  await new AdminPage(page).openTab('Exportlog')
  const log = reports.app.grid('Exportlog')
  await expect(
    log.getByRole('row').filter({ hasText: download.suggestedFilename() }),
  ).toContainText(corporation)
})

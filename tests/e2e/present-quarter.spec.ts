import ExcelJS from 'exceljs'
import type { Download } from '@playwright/test'
import { expect, test } from './fixtures'
import { ShortlistsPage } from './pages/shortlists-page'

test('a quarter goes from submitted dwellings to every corporation’s workbook in four actions', async ({
  page,
}) => {
  const shortlists = new ShortlistsPage(page)
  await shortlists.app.open()
  await shortlists.app.loadDemoData()
  await shortlists.open()

  // 1. Concepts for the whole quarter.
  await shortlists.generate()
  // 2. and 3. See what will be presented, then present it all in one step.
  const plan = await shortlists.openPresentAll()
  await expect(plan).toContainText(/\d+ voordrachten klaar om voor te dragen, met \d+ kandidaten/)
  await shortlists.screenshot('test-results/alle-concepten-voordragen.png')
  const presented = await shortlists.confirmPresentAll()
  await expect(presented).toContainText(/\d+ voordrachten voorgedragen met \d+ kandidaten/)
  const corporations = await presented.getByRole('listitem').count()
  expect(corporations).toBeGreaterThan(1)

  // 4. Every corporation's workbook, straight from here.
  const downloads: Download[] = []
  page.on('download', (download) => downloads.push(download))
  await presented.getByRole('button', { name: 'Alle werkmappen downloaden' }).click()
  await expect.poll(() => downloads.length).toBe(corporations)
  await expect(presented.getByRole('button', { name: 'Opnieuw downloaden' })).toHaveCount(
    corporations,
  )
  await shortlists.screenshot('test-results/alle-werkmappen.png')

  const names = downloads.map((d) => d.suggestedFilename())
  expect(
    names.every((name) => /^voordrachten-.+-2026-Q4-\d{4}-\d{2}-\d{2}\.xlsx$/.test(name)),
  ).toBe(true)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await downloads[0]!.path())
  expect(workbook.worksheets.length).toBeGreaterThan(0)

  // The board shows no concepts left that could be presented.
  await presented.getByRole('button', { name: 'Sluiten', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Alle concepten voordragen…' })).toBeDisabled()
})

test('late answers show on Overzicht per corporation, and a reminder is one click', async ({
  page,
}) => {
  const shortlists = new ShortlistsPage(page)
  await shortlists.app.open()
  await shortlists.app.loadDemoData()
  await shortlists.app.goTo('Overzicht')

  const answers = page.getByRole('region', { name: 'Antwoorden van corporaties' })
  const late = answers.getByRole('row').filter({ has: page.locator('.ageing-te-laat') })
  await expect(late.first()).toBeVisible()
  const corporation = ((await late.first().locator('summary').textContent()) ?? '').trim()
  await late.first().locator('summary').click()
  await expect(late.first()).toContainText(
    /ronde \d+: besluit uiterlijk \d{2}-\d{2}-\d{4} \(\d+ werkdagen? te laat\)/,
  )
  await shortlists.screenshot('test-results/overzicht-antwoorden.png')

  const download = page.waitForEvent('download')
  await answers.getByRole('button', { name: `Herinnering aan ${corporation}` }).click()
  expect((await download).suggestedFilename()).toMatch(/^herinnering-.+-\d{4}-\d{2}-\d{2}\.xlsx$/)
  await expect(answers.getByRole('status')).toContainText('vastgelegd in het exportlog')
})

test('the officer reads how the app chooses, and notes a call on a dwelling’s timeline', async ({
  page,
}) => {
  const shortlists = new ShortlistsPage(page)
  await shortlists.app.open()
  await shortlists.app.loadDemoData()
  await shortlists.open()

  await page.getByRole('button', { name: 'Hoe kiest de app?' }).click()
  const rules = page.getByRole('dialog', { name: 'Hoe kiest de app de kandidaten?' })
  await expect(
    rules.getByRole('heading', { name: 'Eén optimale verdeling per kwartaal' }),
  ).toBeVisible()
  await expect(rules.getByRole('heading', { name: 'Wachttijd gaat voor balans' })).toBeVisible()
  await expect(rules.getByRole('heading', { name: 'Spreiding over de stad' })).toBeVisible()
  await shortlists.screenshot('test-results/hoe-kiest-de-app.png')
  await rules.getByRole('button', { name: 'Venster sluiten' }).click()

  await shortlists.generate()
  const address = await shortlists.openFirstRow()
  const detail = shortlists.detail(address)
  await detail.getByLabel('Notitie toevoegen').fill('Mitros belt maandag terug over de lift.')
  await detail.getByRole('button', { name: 'Notitie vastleggen' }).click()
  await expect(
    detail
      .getByRole('region', { name: 'Tijdlijn' })
      .getByText('Notitie: Mitros belt maandag terug over de lift.'),
  ).toBeVisible()
  await expect(detail.getByLabel('Notitie toevoegen')).toHaveValue('')
})

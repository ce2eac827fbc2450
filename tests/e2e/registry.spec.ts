import { readFile } from 'node:fs/promises'
import { quarterKey, quarterOf } from '../../src/shared/domain/quarter'
import { DWELLING_TYPE, SUITABLE_FOR, WIJK } from '../../src/shared/domain/vocabulary'
import { shot } from '../support/e2e-store'
import { expect, test } from './fixtures'
import { AdminPage } from './pages/admin-page'
import { AppPage } from './pages/app-page'
import { ClientsPage } from './pages/clients-page'
import { DwellingsPage } from './pages/dwellings-page'
import { fillDwellingsTemplate, type TemplateRow } from './pages/dwellings-template'
import { FormDialog } from './pages/form-dialog'

const dwelling = (address: string, postcode: string): TemplateRow => ({
  Adres: address,
  Postcode: postcode,
  Wijk: WIJK.label('overvecht'),
  Buurt: 'Zambesidreef e.o.',
  Type: DWELLING_TYPE.label('appartement'),
  Zelfstandig: 'ja',
  'Aantal kamers': 2,
  Verdieping: 3,
  Lift: 'ja',
  Rolstoeltoegankelijk: 'nee',
  Prikkelarm: 'nee',
  'Kale huur': 612.5,
  Servicekosten: 38,
  'Beschikbaar vanaf': '01-03-2027',
  'Geschikt voor': SUITABLE_FOR.label('beide'),
  'Omklap mogelijk': 'ja',
})

test('a new corporation submits its dwellings through the Excel template and shows up in the quarter overview', async ({
  page,
}, testInfo) => {
  const app = new AppPage(page)
  await app.open()
  await app.loadDemoData()

  await app.goTo('Beheer')
  const admin = new AdminPage(page)
  await admin.addCorporation('Woonin Test', 2000)
  await expect(
    app.grid('Corporaties').getByRole('gridcell', { name: 'Woonin Test', exact: true }),
  ).toBeVisible()
  await app.screenshot('test-results/beheer.png')

  await app.goTo('Woningen')
  const dwellings = new DwellingsPage(page)
  const current = quarterKey(quarterOf(new Date()))
  await expect(dwellings.quarter).toHaveValue(current)
  await expect(await dwellings.overviewCell('Woonin Test', 'Ingediend')).toHaveText('0')

  const templatePath = testInfo.outputPath('sjabloon.xlsx')
  const fileName = await dwellings.downloadTemplate('Woonin Test', templatePath)
  expect(fileName).toBe(`woningen-Woonin-Test-${current}.xlsx`)

  const filledPath = testInfo.outputPath(`woningen-Woonin-Test-${current}-ingevuld.xlsx`)
  const { meta, firstRow } = await fillDwellingsTemplate(
    templatePath,
    [
      dwelling('Amazonedreef 12', '3564 AB'),
      dwelling('Amazonedreef 14', '3564 AB'),
      { ...dwelling('Nijlstroomlaan 3 bis', '3563 CD'), 'Geschikt voor': 'Uitstroom' },
      dwelling('Zambesidreef 40', '12'),
    ],
    filledPath,
  )
  expect(meta).toMatchObject({ kind: 'dwellings', corporation: 'Woonin Test', quarterKey: current })
  const badRow = firstRow + 3

  const importDialog = await dwellings.openImport()
  // A file that is not a workbook is refused at once, with what to choose instead.
  await importDialog.root
    .locator('input[type="file"]')
    .setInputFiles({ name: 'woningen.csv', mimeType: 'text/csv', buffer: Buffer.from('a;b\n') })
  await expect(importDialog.root.getByRole('alert')).toHaveText(
    'Kies een Excel-werkmap (.xlsx), bijvoorbeeld het ingevulde sjabloon.',
  )
  await importDialog.root.getByRole('button', { name: /Bestand kiezen/ }).focus()
  await importDialog.chooseFile(filledPath)
  await expect(importDialog.summary).toContainText('4 rijen gelezen, 3 geldig.')
  await expect(importDialog.errorRow(badRow, 'Postcode')).toContainText(
    'Postcode moet de vorm 1234 AB hebben',
  )
  await expect(importDialog.button('Alles importeren')).toBeDisabled()
  await importDialog.root.screenshot({ path: shot('test-results/import-fouten.png') })

  const errors = await importDialog.saveErrors()
  expect(errors.suggestedFilename()).toBe(`woningen-Woonin-Test-${current}-ingevuld-fouten.csv`)
  const csv = await readFile(await errors.path(), 'utf8')
  expect(csv.startsWith('\uFEFFRij;Kolom;Melding\r\n')).toBe(true)
  expect(csv).toContain(`${badRow};Postcode;Postcode moet de vorm 1234 AB hebben`)

  await importDialog.importValidOnly()
  await expect(importDialog.summary).toContainText('3 nieuwe woningen')
  await importDialog.close()

  await expect(await dwellings.overviewCell('Woonin Test', 'Ingediend')).toHaveText('3')
  await dwellings.search('Amazonedreef')
  await expect(
    dwellings.grid.getByRole('gridcell', { name: 'Amazonedreef 14', exact: true }),
  ).toBeVisible()
  expect(await app.shownCount('woningen')).toBe(2)
  await dwellings.overview.screenshot({ path: shot('test-results/kwartaaloverzicht.png') })
  await app.screenshot('test-results/woningen.png')
})

test('an officer registers a client: the form says what is missing, then saves', async ({
  page,
}) => {
  const app = new AppPage(page)
  await app.open()
  await app.loadDemoData()
  await app.goTo('Kandidaten')
  const clients = new ClientsPage(page)

  const form = await clients.register()
  await expect(form.field('Cliëntcode')).toBeFocused()
  await form.field('Zorgaanbieder').selectOption({ label: 'Lister' })
  await form.field('Doelgroep').selectOption({ label: 'Uitstroom BW' })
  await form.field('Geboortejaar').fill('1990')
  await form.field('Maximale huur').fill('650,00')
  await form.root.getByRole('group', { name: 'Uitgesloten wijken' }).getByLabel('Overvecht').check()
  await form.submit('Aanmelden')

  await expect(form.root.getByRole('alert')).toContainText('verbeter de velden met een melding')
  await expect(form.field('Cliëntcode')).toBeFocused()
  await expect(form.field('Cliëntcode')).toHaveAccessibleDescription(/Vul de cliëntcode in/)
  await page.screenshot({ path: shot('test-results/kandidaat-fout.png') })

  // Enter in a text field saves the form.
  await form.field('Cliëntcode').fill('K-TEST-0001')
  await form.field('Cliëntcode').press('Enter')
  await form.expectClosed()
  await expect(page.getByRole('status').filter({ hasText: 'is aangemeld' })).toHaveText(
    'Kandidaat K-TEST-0001 is aangemeld namens Lister.',
  )

  // Found in the grid, and Enter on its row opens it again; Escape closes and gives focus back.
  await clients.search('K-TEST-0001')
  await clients.cell('K-TEST-0001').click()
  await page.keyboard.press('Enter')
  const opened = new FormDialog(page, 'Kandidaat K-TEST-0001')
  await expect(opened.root).toBeVisible()
  await expect(opened.root).toContainText('Status: Wachtend')
  await expect(opened.field('Zorgaanbieder')).toHaveValue(/\d+/)
  await expect(
    opened.root.getByRole('group', { name: 'Uitgesloten wijken' }).getByLabel('Overvecht'),
  ).toBeChecked()
  await page.keyboard.press('Escape')
  await opened.expectClosed()
  await expect(clients.cell('K-TEST-0001')).toBeFocused()
})

test('a dialog keeps the keyboard inside and gives focus back when it closes', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  await app.goTo('Beheer')
  const add = page.getByRole('button', { name: 'Corporatie toevoegen' })
  await add.click()
  const dialog = new FormDialog(page, 'Corporatie toevoegen')
  await expect(dialog.root).toHaveAttribute('aria-modal', 'true')
  await expect(dialog.field('Naam')).toBeFocused()

  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab')
    await expect(dialog.root.locator(':focus')).toHaveCount(1)
  }
  await page.keyboard.press('Shift+Tab')
  await expect(dialog.root.locator(':focus')).toHaveCount(1)

  // Enter on an empty form shows the schema's Dutch message under the field, and saves nothing.
  await dialog.field('Naam').press('Enter')
  await expect(dialog.field('Naam')).toHaveAccessibleDescription(/Vul de naam in/)

  await page.keyboard.press('Escape')
  await dialog.expectClosed()
  await expect(add).toBeFocused()
})

test('a manager sets next year’s target, then opens it from the list to change it', async ({
  page,
}) => {
  const app = new AppPage(page)
  const admin = new AdminPage(page)
  await app.open()
  await app.loadDemoData()
  await app.goTo('Beheer')
  await admin.openTab('Taakstelling per jaar')
  const nextYear = new Date().getFullYear() + 1

  await page.getByRole('button', { name: 'Taakstelling toevoegen' }).click()
  const add = new FormDialog(page, 'Taakstelling toevoegen')
  // This year already has one (demo data): the form proposes the next.
  await expect(add.field('Jaar')).toHaveValue(String(nextYear))
  await add.field('Taakstelling').fill('400')
  await add.field('Doel aandeel instroom').fill('40')
  await add.submit('Opslaan')
  await add.expectClosed()
  await expect(page.getByRole('status')).toHaveText(
    `Taakstelling ${nextYear} is opgeslagen: 400 woningen, doel instroom 40%.`,
  )

  const row = app.grid('Taakstelling per jaar').getByRole('row', { name: String(nextYear) })
  await row.getByRole('gridcell').first().dblclick()
  const change = new FormDialog(page, `Taakstelling ${nextYear} wijzigen`)
  await change.field('Taakstelling').fill('410')
  await change.submit('Opslaan')
  await change.expectClosed()
  await expect(page.getByRole('status')).toContainText('410 woningen')
})

import { WIJK } from '../../src/shared/domain/vocabulary'
import { expect, test } from './fixtures'
import { AppPage, SECTION_NAMES } from './pages/app-page'
import { ShortlistsPage } from './pages/shortlists-page'

/**
 * A dwelling row as the grid names it: a Utrecht postcode (3500–3585) followed by one of Utrecht's
 * wijken. (The address itself sits in the pinned column, which ag-grid renders as a separate row.)
 */
const UTRECHT_DWELLING = new RegExp(
  `^35[0-8]\\d [A-Z]{2} (${Object.values(WIJK.labels).join('|')}) `,
)
const CLIENT_CODE = /^K-\d{4}-\d{4}$/

test('an officer starts on an empty database, loads the demo data and finds it on every page', async ({
  page,
  store,
}) => {
  const app = new AppPage(page)
  await app.open()
  await expect(app.emptyDatabase).toBeVisible()
  await app.screenshot('test-results/lege-database.png')

  await app.loadDemoData()
  await expect(app.emptyDatabase).toBeHidden()
  await expect(page.getByText('Wachtende kandidaten', { exact: true })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Ingediende woningen per kwartaal' })).toBeVisible()
  await app.screenshot('test-results/overzicht.png')

  await app.goTo('Woningen')
  const dwellings = app.grid(/^Woningen /)
  await expect(dwellings.getByRole('row', { name: UTRECHT_DWELLING }).first()).toBeVisible()
  expect(await app.shownCount('woningen')).toBeGreaterThan(50)
  await app.screenshot('docs/screenshot-woningen.png')

  await app.goTo('Kandidaten')
  await expect(
    app
      .grid(/^Kandidaten/)
      .getByRole('gridcell', { name: CLIENT_CODE })
      .first(),
  ).toBeVisible()

  await app.goTo('Voordrachten')
  await expect(page.getByRole('button', { name: 'Voordrachten maken' })).toBeVisible()

  await app.goTo('Rapportages')
  await expect(page.getByRole('heading', { level: 2, name: /Kwartaalrapportage/ })).toBeVisible()

  await app.goTo('Beheer')
  await expect(
    app.grid('Corporaties').getByRole('gridcell', { name: 'Mitros', exact: true }),
  ).toBeVisible()
  await page.getByRole('tab', { name: 'Zorgaanbieders' }).click()
  await expect(
    app.grid('Zorgaanbieders').getByRole('gridcell', { name: 'Lister', exact: true }),
  ).toBeVisible()
  await page.getByRole('tab', { name: 'Reservekopieën' }).click()
  // In team mode the server's administrator makes them (safety.spec.ts checks that panel).
  await expect(
    store === 'sqlite'
      ? page.getByRole('button', { name: 'Nu een reservekopie maken' })
      : page.getByRole('heading', { name: 'Een reservekopie van de teamdatabase' }),
  ).toBeVisible()
  await page.getByRole('tab', { name: 'Privacy' }).click()
  await expect(page.getByLabel(/Persoonsgegevens bewaren/)).toHaveValue('24')
  await page.getByRole('tab', { name: 'Exportlog' }).click()
  await expect(app.grid('Exportlog')).toBeVisible()

  await app.goTo('Overzicht')
  await expect(app.emptyDatabase).toBeHidden()
})

test('every section has its own address and an Alt+number shortcut', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  for (const [index, section] of SECTION_NAMES.entries()) {
    await page.keyboard.press(`Alt+${index + 1}`)
    await app.expectOn(section)
    await expect(page).toHaveURL(new RegExp(`#/${section.toLowerCase()}$`))
  }
  await page.goto('/#/kandidaten')
  await app.expectOn('Kandidaten')
})

test('the officer puts their own name in the header', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  await expect(page.getByRole('banner')).toContainText('Test Medewerker')

  await app.changeOfficer('A')
  await expect(page.getByRole('alert')).toContainText('minstens 2 tekens')

  await page.getByLabel('Uw naam').fill('Fatima el Amrani')
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByRole('banner')).toContainText('Medewerker: Fatima el Amrani')
})

test('Tab leaves a grid for the next control; the arrow keys move inside it', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  await app.loadDemoData()
  await app.goTo('Woningen')
  const grid = app.grid(/^Woningen /)
  const cell = grid.locator('.ag-center-cols-container [role="gridcell"]').first()
  await cell.click()
  await page.keyboard.press('ArrowDown')
  await expect(grid.locator('[role="gridcell"]:focus')).toHaveCount(1)
  await page.keyboard.press('Tab')
  await expect(grid.locator(':focus')).toHaveCount(0)
  // Somewhere, not lost on the page's body.
  await expect(page.locator(':focus')).toHaveCount(1)

  // On Voordrachten the next control is in the opened dwelling beside the board.
  const shortlists = new ShortlistsPage(page)
  await shortlists.open()
  await shortlists.openFirstRow()
  await shortlists.board.locator('.ag-center-cols-container [role="gridcell"]').first().click()
  await page.keyboard.press('Tab')
  await expect(page.locator('.sl-detail :focus')).toHaveCount(1)
  await page.keyboard.press('Shift+Tab')
  await expect(shortlists.board.locator(':focus')).toHaveCount(1)
})

import type { Page } from '@playwright/test'
import { shot } from '../support/e2e-store'
import { expect, test } from './fixtures'
import { AdminPage, type AdminTab } from './pages/admin-page'
import { SECTION_NAMES } from './pages/app-page'
import { ClientsPage } from './pages/clients-page'
import { ReportsPage, type ReportsTab } from './pages/reports-page'
import { ShortlistsPage } from './pages/shortlists-page'

/** A day before today as an officer types it: dd-mm-jjjj. */
function daysAgo(days: number): string {
  const day = new Date()
  day.setDate(day.getDate() - days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(day.getDate())}-${pad(day.getMonth() + 1)}-${day.getFullYear()}`
}

/** The officer's desk: the work screen side by side, by keyboard, with Dutch dates and words. */

test('Voordrachten: the list and the dwelling side by side, reached by keyboard and kept on return', async ({
  page,
}) => {
  const shortlists = new ShortlistsPage(page)
  await shortlists.app.open()
  await shortlists.app.loadDemoData()
  await shortlists.open()
  await shortlists.generate()
  await shortlists.closeSummary()

  // From the search box one Tab reaches the first row: header and filter cells are no stops.
  await shortlists.searchBox.focus()
  await page.keyboard.press('Tab')
  const focusedCell = shortlists.board.locator('[role="gridcell"]:focus')
  await expect(focusedCell).toHaveCount(1)
  await expect(focusedCell.locator('xpath=..')).toHaveAttribute('row-index', '0')
  // And it is plain to see: the page's focus ring, not ag-grid's thin line.
  await expect(focusedCell).toHaveCSS('outline-style', 'solid')
  await expect(focusedCell).toHaveCSS('outline-width', '2px')

  // Enter opens the dwelling beside the list; the first Tab stop is the round's main action.
  await page.keyboard.press('Enter')
  const heading = page.locator('.sl-detail h2')
  await expect(heading).toBeFocused()
  const address = ((await heading.textContent()) ?? '').trim()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Voordragen', exact: true })).toBeFocused()

  const list = await shortlists.board.boundingBox()
  const detail = await shortlists.detail(address).boundingBox()
  expect(list && detail).toBeTruthy()
  // Side by side: the dwelling starts right of the list, level with it.
  expect(detail!.x).toBeGreaterThanOrEqual(list!.x + list!.width)
  expect(detail!.y).toBeLessThan(list!.y + 80)
  // The list uses the window's height, not six rows with empty space below.
  const viewport = page.viewportSize()!
  expect(list!.y + list!.height).toBeGreaterThan(viewport.height - 60)
  await page.screenshot({ path: shot('docs/screenshot-voordrachten.png') })

  // Away to Kandidaten and back: the same dwelling is open and marked in the list.
  await shortlists.app.goTo('Kandidaten')
  await shortlists.app.goTo('Voordrachten')
  await expect(shortlists.detail(address)).toBeVisible()
  await expect(shortlists.addressCells.filter({ hasText: address }).first()).toHaveClass(
    /sl-open-row/,
  )
})

test('dates are typed as dd-mm-jjjj in the offer dialogs and the clients filter, and shown Dutch', async ({
  page,
}) => {
  const shortlists = new ShortlistsPage(page)
  await shortlists.app.open()
  await shortlists.app.loadDemoData()

  // The clients grid's "Aangemeld op" filter takes a Dutch date, typed.
  await shortlists.app.goTo('Kandidaten')
  const clients = new ClientsPage(page)
  const firstCell = clients.grid.locator('.ag-cell[col-id="Aangemeld op"]').first()
  await expect(firstCell).toHaveText(/^\d{2}-\d{2}-\d{4}$/)
  const firstDate = ((await firstCell.textContent()) ?? '').trim()
  const total = await shortlists.app.shownCount('kandidaten')
  const filter = clients.grid.getByRole('textbox', { name: /\(dd-mm-jjjj\)$/ })
  await filter.click()
  await page.keyboard.type(firstDate)
  await expect.poll(async () => await shortlists.app.shownCount('kandidaten')).toBeLessThan(total)
  const shownDates = await clients.grid.locator('.ag-cell[col-id="Aangemeld op"]').allTextContents()
  expect(new Set(shownDates.map((d) => d.trim()))).toEqual(new Set([firstDate]))
  await shortlists.app.screenshot('test-results/desk-kandidaten-datumfilter.png')

  await shortlists.open()
  await shortlists.generate()
  await shortlists.closeSummary()
  const address = await shortlists.openDwellingWithLargestPool()
  await shortlists.present()
  const [code] = await shortlists.candidateCodes()
  // Offered today (not before the round was presented, not after today), typed the Dutch way.
  const offeredOn = daysAgo(0)
  await shortlists.choose(code!, offeredOn)
  await expect(shortlists.detail(address)).toContainText(offeredOn)

  // A day that does not exist is refused in Dutch, and nothing is recorded.
  await page.getByRole('button', { name: 'Aanbieding geaccepteerd…' }).click()
  await expect(
    shortlists.dialog.getByRole('button', { name: 'Kalender openen' }).first(),
  ).toBeVisible()
  await shortlists.typeDate('Ingangsdatum contract', '31-02-2027')
  await shortlists.dialog.getByRole('button', { name: 'Acceptatie vastleggen' }).click()
  const startsOn = shortlists.dialog.getByRole('textbox', { name: 'Ingangsdatum contract' })
  await expect(startsOn).toHaveAttribute('aria-invalid', 'true')
  await expect(shortlists.dialog).not.toContainText('jjjj-mm-dd')
  await shortlists.dialog.screenshot({ path: shot('test-results/desk-datum-fout.png') })
  // The calendar writes its choice back as dd-mm-jjjj.
  await shortlists.dialog
    .locator('.form-field', {
      has: page.getByRole('textbox', { name: 'Ingangsdatum contract' }),
    })
    .locator('.date-field-picker')
    .fill('2027-02-01')
  await expect(startsOn).toHaveValue('01-02-2027')
  await shortlists.dialog.getByRole('button', { name: 'Acceptatie vastleggen' }).click()
  await expect(shortlists.dialog).toBeHidden()
  await expect(shortlists.status).toContainText('heeft de aanbieding geaccepteerd')

  // The timeline shows the contract's start as a Dutch date.
  const timeline = shortlists.detail(address).getByRole('region', { name: 'Tijdlijn' })
  await expect(timeline).toContainText('vanaf 01-02-2027')
  await expect(timeline).not.toContainText('2027-02-01')
})

test('“Waarom niet?” gives a free client’s place and the lowest score on the round, and swaps from there', async ({
  page,
}) => {
  const shortlists = new ShortlistsPage(page)
  await shortlists.app.open()
  await shortlists.app.loadDemoData()
  await shortlists.open()
  await shortlists.generate()
  await shortlists.closeSummary()
  await shortlists.openDwellingWithLargestPool()
  const onRound = await shortlists.candidateCodes()

  // The third free client by score: eligible, yet not on the round.
  const pool = page.getByRole('region', { name: 'Nu vrij en in aanmerking' })
  const third = ((await pool.getByRole('rowheader').nth(2).textContent()) ?? '').trim()
  const verdict = await shortlists.askWhyNot(third)
  await expect(verdict).toContainText(`${third} komt in aanmerking voor deze woning`)
  await expect(verdict).toContainText(
    /Plaats 3 van [\d.]+ vrije kandidaten in aanmerking; de laagste op de voordracht, K-\d{4}-\d{4}, heeft -?\d+,\d{2} punten\./,
  )
  const lowest = /de laagste op de voordracht, (K-\d{4}-\d{4})/.exec(
    (await verdict.textContent()) ?? '',
  )![1]!
  expect(onRound).toContain(lowest)
  await shortlists.whyNot.screenshot({ path: shot('test-results/desk-waarom-niet-plaats.png') })

  await verdict.getByRole('button', { name: `Wisselen met ${lowest}…` }).click()
  await expect(shortlists.dialog.getByRole('radio', { name: third })).toBeChecked()
  await shortlists.dialog
    .getByLabel('Reden van de wissel')
    .fill('De zorgaanbieder meldt dat de begeleiding rond is.')
  await shortlists.dialog.getByRole('button', { name: 'Wisselen', exact: true }).click()
  await expect(shortlists.dialog).toBeHidden()
  await expect(shortlists.status).toContainText(`${lowest} is vervangen door ${third}`)
  expect(await shortlists.candidateCodes()).toContain(third)

  // A new search clears the old answer, also when it is refused.
  await shortlists.askWhyNot(third)
  await shortlists.whyNot.getByLabel('Kandidaatcode').fill('')
  await shortlists.whyNot.getByRole('button', { name: 'Controleren' }).click()
  await expect(shortlists.whyNot).toContainText('Vul een kandidaatcode in')
  await expect(shortlists.whyNot.locator('.sl-whynot-result')).toBeEmpty()
})

/** Words that betray English in a Dutch screen (as whole words, any case). */
const ENGLISH = [
  'on hold',
  'hold',
  'loading',
  'search',
  'cancel',
  'save',
  'delete',
  'error',
  'submit',
  'close',
  'the',
  'and',
  'yes',
  'pool',
  'shortlist',
  'dwelling',
  'client',
  'offer',
  'rows',
  'page',
  'of the',
  'select',
  'apply',
  'reset',
  'equals',
  'before',
  'after',
]
const ENGLISH_WORD = new RegExp(`\\b(${ENGLISH.join('|')})\\b`, 'i')

/** Dutch nouns counted in the UI, by their plural: "1 toewijzingen" is wrong. */
const PLURALS = [
  'aanbiedingen',
  'toewijzingen',
  'woningen',
  'kandidaten',
  'voordrachten',
  'rondes',
  'dagen',
  'kamers',
  'rijen',
  'corporaties',
  'zorgaanbieders',
  'kwartalen',
  'maanden',
  'wachtenden',
  'punten',
  'regels',
  'fouten',
  'reservekopieën',
  'bestanden',
]
// "1 woningen" but not "2,1 dagen" or "21 woningen".
const ONE_PLURAL = new RegExp(`(?<![\\d.,])\\b1 (${PLURALS.join('|')})\\b`)

/** The page's text, once nothing is loading any more. */
async function settledText(page: Page): Promise<string> {
  await expect(page.locator('#main .loading')).toHaveCount(0)
  return page.locator('#main').innerText()
}

function expectDutch(where: string, text: string): void {
  // "Housing First" is the name of a Dutch programme and target group.
  const checked = text.replace(/Housing First/g, '')
  expect(checked.match(ENGLISH_WORD)?.[0], `Engels woord op ${where}`).toBeUndefined()
  expect(checked.match(ONE_PLURAL)?.[0], `meervoud na 1 op ${where}`).toBeUndefined()
}

test('every page and tab speaks Dutch, with the noun agreeing with its number', async ({
  page,
}) => {
  const shortlists = new ShortlistsPage(page)
  const app = shortlists.app
  await app.open()
  await app.loadDemoData()

  for (const section of SECTION_NAMES) {
    await app.goTo(section)
    if (section === 'Voordrachten') {
      await shortlists.generate()
      await shortlists.openDwellingWithLargestPool()
    }
    expectDutch(section, await settledText(page))
  }

  const reports = new ReportsPage(page)
  await reports.open()
  for (const tab of ['Rapport', 'Voordrachten exporteren'] satisfies ReportsTab[]) {
    await reports.openTab(tab)
    expectDutch(`Rapportages → ${tab}`, await settledText(page))
    if (tab !== 'Rapport') continue
    // Printed with backgrounds on, the page is white below the report's footer, not grey.
    await page.emulateMedia({ media: 'print' })
    for (const element of ['html', 'body'])
      await expect(page.locator(element)).toHaveCSS('background-color', 'rgb(255, 255, 255)')
    await page.emulateMedia({ media: 'screen' })
  }

  const admin = new AdminPage(page)
  await app.goTo('Beheer')
  const tabs: AdminTab[] = [
    'Corporaties',
    'Zorgaanbieders',
    'Taakstelling per jaar',
    'Instellingen per jaar',
    'Reservekopieën',
    'Privacy',
    'Exportlog',
  ]
  for (const tab of tabs) {
    await admin.openTab(tab)
    expectDutch(`Beheer → ${tab}`, await settledText(page))
  }

  // Every care provider's contingent in dwellings is shown, computed from its percentage.
  await admin.openTab('Zorgaanbieders')
  const contingents = app.grid('Zorgaanbieders').locator('.ag-cell[col-id="Contingent (woningen)"]')
  await expect(contingents.first()).toHaveText(/^\d+(,\d)?$/)
  for (const cell of await contingents.all()) await expect(cell).toHaveText(/^\d+(,\d)?$/)

  // The status "on hold" reads "In de wacht", in the filter as in the grid.
  await app.goTo('Kandidaten')
  await expect(
    page.getByLabel('Status', { exact: true }).locator('option', { hasText: 'In de wacht' }),
  ).toHaveCount(1)
})

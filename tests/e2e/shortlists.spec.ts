import { shot } from '../support/e2e-store'
import { expect, test } from './fixtures'
import { ShortlistsPage } from './pages/shortlists-page'

/** Screenshots show the whole work screen: the page scrolls inside the app, not the window. */
async function tallViewport(shortlists: ShortlistsPage): Promise<void> {
  await shortlists.page.setViewportSize({ width: 1440, height: 1900 })
}

test('a dwelling goes from concept via a rejected round and a new round to let', async ({
  page,
}) => {
  const shortlists = new ShortlistsPage(page)
  await shortlists.app.open()
  await shortlists.app.loadDemoData()
  await shortlists.open()

  const summary = await shortlists.generate()
  expect(summary).toMatch(
    /\d+ conceptvoordrachten gemaakt voor \d+ open woningen in \de kwartaal \d{4}/,
  )

  const address = await shortlists.openDwellingWithLargestPool()
  const detail = shortlists.detail(address)
  await expect(detail.getByText('In voordracht · concept', { exact: true })).toBeVisible()
  await expect(shortlists.currentRound.getByRole('heading', { level: 3 })).toHaveText(
    'Ronde 1 · Concept',
  )
  await expect(shortlists.currentRound).toContainText(/Gekozen uit \d+ kandidaten in aanmerking/)
  const first = await shortlists.candidateCodes()
  expect(first.length).toBeGreaterThan(0)
  // Every candidate has a visible reason: the score's parts with their explanations.
  const card = shortlists.candidate(first[0]!)
  await expect(card.getByRole('list', { name: /Opbouw van de score/ })).toContainText('Wachttijd')
  await expect(card).toContainText(/Wacht \d+ dagen/)

  await shortlists.present()
  await expect(
    shortlists.candidate(first[0]!).getByRole('button', { name: /^Kiezen/ }),
  ).toBeVisible()
  await tallViewport(shortlists)
  await shortlists.screenshot('test-results/voordrachten-voorgedragen.png')
  await page.setViewportSize({ width: 1440, height: 900 })

  await shortlists.rejectAll(
    'Begeleiding niet passend of onvoldoende geregeld',
    'De begeleiding is voor geen van deze kandidaten rond voor de sleuteloverdracht.',
  )
  await expect(shortlists.status).toContainText('Ronde 2 staat klaar als concept')
  await expect(shortlists.currentRound.getByRole('heading', { level: 3 })).toHaveText(
    'Ronde 2 · Concept',
  )
  const second = await shortlists.candidateCodes()
  expect(second.length).toBeGreaterThan(0)
  expect(second.filter((code) => first.includes(code))).toEqual([])

  // Round 1 is kept below, folded, with the decision and the corporation's motivation.
  const history = detail.getByRole('region', { name: 'Eerdere rondes' })
  await history.getByText('Ronde 1', { exact: true }).click()
  await expect(history).toContainText('De begeleiding is voor geen van deze kandidaten rond')
  await expect(history.getByRole('row', { name: new RegExp(first[0]!) })).toContainText(
    'Geen match',
  )
  // A rejected candidate is never presented for this dwelling again, and the screen says why.
  const verdict = await shortlists.askWhyNot(first[0]!)
  await expect(verdict).toContainText('komt niet in aanmerking')
  await expect(verdict).toContainText('Al eerder voor deze woning voorgedragen')

  await shortlists.present()
  const chosen = second[0]!
  await shortlists.choose(chosen)
  await expect(detail.getByText('Aangeboden', { exact: true })).toBeVisible()
  await expect(shortlists.candidate(chosen)).toContainText('Gekozen')

  await shortlists.acceptOffer('01-01-2027')
  await expect(detail.getByText('Verhuurd', { exact: true })).toBeVisible()
  await expect(detail).toContainText(`Verhuurd aan ${chosen}`)
  // The board follows: the stage counts filter it, and the dwelling is listed as let.
  await page
    .getByRole('group', { name: /Woningen per stand/ })
    .getByRole('button', { name: /^Verhuurd/ })
    .click()
  await expect(shortlists.addressCells.filter({ hasText: address })).toHaveCount(1)
  await expect.poll(async () => await shortlists.cellText(address, 'Status')).toBe('Verhuurd')

  const timeline = detail.getByRole('region', { name: 'Tijdlijn' })
  await expect(timeline).toContainText(`${chosen} accepteert de aanbieding`)
  await expect(timeline).toContainText('Test Medewerker')
})

test('“Waarom niet?” explains why a client on another shortlist is not eligible', async ({
  page,
}) => {
  const shortlists = new ShortlistsPage(page)
  await shortlists.app.open()
  await shortlists.app.loadDemoData()
  await shortlists.open()
  await shortlists.generate()

  // A client on the largest dwelling's shortlist, asked about on another dwelling.
  const largest = await shortlists.openDwellingWithLargestPool()
  const [elsewhere] = await shortlists.candidateCodes()
  expect(elsewhere).toBeDefined()
  const header = shortlists.board.getByRole('columnheader', { name: 'In aanmerking' })
  await header.click()
  await expect(header).toHaveAttribute('aria-sort', 'none')
  const other = await shortlists.openFirstRow()
  expect(other).not.toBe(largest)

  const verdict = await shortlists.askWhyNot(elsewhere!.toLowerCase())
  await expect(verdict).toContainText(`${elsewhere} komt niet in aanmerking voor deze woning`)
  // The why-not names the list the quarter's assignment put the client on.
  await expect(verdict.getByRole('listitem').first()).toContainText(
    `Staat op de voordracht voor ${largest}`,
  )

  const unknown = await shortlists.askWhyNot('K-1999-0001')
  await expect(unknown).toContainText('Geen kandidaat gevonden met code K-1999-0001')

  await shortlists.askWhyNot(elsewhere!)
  await tallViewport(shortlists)
  await shortlists.whyNot.screenshot({ path: shot('test-results/voordrachten-waarom-niet.png') })
  await shortlists.screenshot('test-results/voordrachten-concept.png')
})

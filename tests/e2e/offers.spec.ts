import { expect, test } from './fixtures'
import { ShortlistsPage } from './pages/shortlists-page'

/** A day in the future as the date field wants it (yyyy-mm-dd). */
function inDays(days: number): string {
  const day = new Date()
  day.setDate(day.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`
}

test('a declined offer goes back to the corporation, which confirms who is next; dates are checked', async ({
  page,
}) => {
  const shortlists = new ShortlistsPage(page)
  await shortlists.app.open()
  await shortlists.app.loadDemoData()
  await shortlists.open()
  await shortlists.generate()
  const address = await shortlists.openDwellingWithLargestPool()
  const detail = shortlists.detail(address)
  await shortlists.present()
  const [first, second] = await shortlists.candidateCodes()

  // An offer dated after today is refused in Dutch, and nothing is chosen.
  await shortlists
    .candidate(first!)
    .getByRole('button', { name: /^Kiezen/ })
    .click()
  await shortlists.dialog.getByLabel('Datum aanbieding').fill(inDays(40))
  await shortlists.dialog.getByRole('button', { name: 'Kiezen en aanbieding vastleggen' }).click()
  await expect(shortlists.dialog).toContainText(
    /De aanbiedingsdatum \(\d{2}-\d{2}-\d{4}\) ligt na vandaag/,
  )
  await shortlists.dialog.getByRole('button', { name: 'Annuleren' }).click()
  await expect(shortlists.dialog).toBeHidden()

  await shortlists.choose(first!)
  await page.getByRole('button', { name: 'Aanbieding geweigerd…' }).click()
  await shortlists.dialog
    .getByLabel('Reden van de kandidaat')
    .selectOption({ label: 'Wijk of locatie niet gewenst' })
  // The dialog says what the reason means before it is recorded.
  await expect(shortlists.dialog).toContainText(
    new RegExp(
      `Geen geldige reden: ${first} heeft de eenmalige aanbieding benut|Instroom: de eenmalige aanbieding geldt niet`,
    ),
  )
  await expect(shortlists.dialog).toContainText('De aanbieding gaat niet vanzelf naar een reserve')
  await shortlists.screenshot('test-results/aanbieding-geweigerd.png')
  await shortlists.dialog.getByRole('button', { name: 'Weigering vastleggen' }).click()
  await expect(shortlists.dialog).toBeHidden()
  await expect(shortlists.status).toContainText(
    'Ronde 1 gaat terug naar de corporatie: die bevestigt wie de aanbieding nu krijgt.',
  )
  await expect(shortlists.currentRound.getByRole('heading', { level: 3 })).toHaveText(
    'Ronde 1 · Voorgedragen',
  )
  await expect(shortlists.currentRound).toContainText(`${first} weigerde de aanbieding`)

  await shortlists.choose(second!)
  await expect(detail.getByText('Aangeboden', { exact: true })).toBeVisible()
  const timeline = detail.getByRole('region', { name: 'Tijdlijn' })
  await expect(timeline).toContainText(`${first} weigert de aanbieding`)
  await expect(timeline).toContainText('De corporatie bevestigt wie de aanbieding nu krijgt')
})

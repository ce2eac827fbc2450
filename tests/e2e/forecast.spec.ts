import { expect, test } from './fixtures'
import { ReportsPage } from './pages/reports-page'

/** The real engine plays every run: a minute or more on a busy two-core machine. */
const SLOW = 600_000

test('Vooruitblik: a manager sets a scenario, sees progress and the comparison beside the current course', async ({
  page,
}) => {
  test.setTimeout(SLOW)
  const reports = new ReportsPage(page)
  await reports.app.open()
  await reports.app.loadDemoData()
  await reports.open()
  const tab = page.getByRole('tab', { name: 'Vooruitblik', exact: true })
  await tab.click()
  await expect(tab).toHaveAttribute('aria-selected', 'true')

  const scenario = page.getByRole('group', { name: 'Scenario 1' })
  await scenario.getByLabel('Naam').fill('Taakstelling 450')
  await scenario.getByLabel('Taakstelling per jaar').fill('450')
  await scenario.getByLabel('Kandidaten per voordracht').fill('4')
  await page.getByLabel('Kwartalen vooruit').fill('1')
  await page.getByLabel('Runs per scenario').fill('1')
  await page.getByLabel('Met terugtoets (2026-Q1 tot en met Q3)').check()
  // Before starting, the page says how long it will take.
  await expect(page.getByText(/^Geschatte rekentijd: ongeveer \d+ seconden/)).toBeVisible()
  await page.getByRole('button', { name: 'Doorrekenen' }).click()

  // The runs play in worker threads: progress shows while the app keeps answering.
  await expect(page.getByRole('status').filter({ hasText: /Bezig: run \d van 3/ })).toBeVisible()
  const table = page.getByRole('table', { name: 'Mediaan (10–90%) per kwartaal' })
  await expect(table).toBeVisible({ timeout: SLOW })

  const rows = table.locator('tbody tr')
  await expect(rows).toHaveCount(4)
  const now = new Date()
  const quarter = `${Math.floor(now.getMonth() / 3) + 1}e kwartaal ${now.getFullYear()}`
  await expect(rows.nth(0)).toContainText(`${quarter}Huidige koers`)
  await expect(rows.nth(2)).toContainText(`${quarter}Taakstelling 450`)
  for (let i = 0; i < 4; i++) await expect(rows.nth(i).locator('td').nth(2)).toHaveText(/^\d/)
  // One band chart per measure, every scenario in each.
  const chart = page.getByRole('img', { name: /^Wachtlijst aan het eind van het kwartaal\./ })
  await expect(chart).toContainText('Huidige koers')
  await expect(chart).toContainText('Taakstelling 450')
  await expect(
    page.getByRole('img', { name: /^Eerste aanbod binnen drie maanden\./ }),
  ).toBeVisible()

  // The backtest: the predicted band beside what the demo history really did, with a verdict.
  const backtest = page.getByRole('region', { name: 'Terugtoets vanaf 2026-01-01' })
  const lines = backtest.getByRole('table').locator('tbody tr')
  await expect(lines).toHaveCount(3)
  await expect(backtest).toContainText(
    /Binnen de band \(10–90% van de runs\): wachtlijst [0-3] van 3 kwartalen, wachttijd [0-3] van 3/,
  )
  for (const [i, q] of ['1e kwartaal 2026', '2e kwartaal 2026', '3e kwartaal 2026'].entries()) {
    const cells = lines.nth(i).locator('td')
    await expect(cells.nth(0)).toHaveText(q)
    await expect(cells.nth(1)).toHaveText(/^[\d.]+ \([\d.]+–[\d.]+\)$/)
    await expect(cells.nth(2)).toHaveText(/^[\d.]+$/)
    await expect(cells.nth(3)).toHaveText(/^(binnen de band|\d+ (hoger|lager) dan de mediaan)$/)
  }
})

test('Vooruitblik: a long run can be cancelled, and a bad scenario gets a Dutch message', async ({
  page,
}) => {
  test.setTimeout(SLOW)
  const reports = new ReportsPage(page)
  await reports.app.open()
  await reports.app.loadDemoData()
  await reports.open()
  await page.getByRole('tab', { name: 'Vooruitblik', exact: true }).click()

  const scenario = page.getByRole('group', { name: 'Scenario 1' })
  await scenario.getByLabel('Naam').fill('')
  await page.getByRole('button', { name: 'Doorrekenen' }).click()
  await expect(page.getByRole('alert')).toContainText('Geef het scenario een naam')

  await scenario.getByLabel('Naam').fill('Lang')
  // Enough runs that they are still going when the manager cancels (a run takes under a second).
  await page.getByLabel('Runs per scenario').fill('200')
  await expect(
    page.getByText(/^Geschatte rekentijd: ongeveer \d+ (seconden|minuten)/),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Doorrekenen' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Bezig: run \d+ van 400/ })).toBeVisible()
  await page.getByRole('button', { name: 'Afbreken' }).click()
  await expect(page.getByText('De vooruitblik is afgebroken.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Doorrekenen' })).toBeEnabled()
})

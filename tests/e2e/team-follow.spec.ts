import { expect, test, type Browser, type Page } from '@playwright/test'
import { e2eStore } from '../support/e2e-store'
import { ShortlistsPage } from './pages/shortlists-page'
import { twoDesksOnPostgres, type TwoDesks } from './team-support'

/**
 * Team mode (docs/team-mode.md §6): two officers at two desks (two hosts) on one PostgreSQL
 * database. Anna presents a round; Bram's Voordrachten, open on the same dwelling, shows it
 * without a reload, keeps the dwelling open, and says calmly who did what.
 */
test.describe.configure({ mode: 'serial', timeout: 600_000 })

// Two desks on one PostgreSQL database whatever the run's store: once, in the PostgreSQL round.
test.skip(
  e2eStore() === 'sqlite',
  'alleen teamgebruik: draait in de PostgreSQL-ronde (VIERDE_HUIS_E2E_STORE=postgres)',
)

let desks: TwoDesks

test.beforeAll(async () => {
  test.setTimeout(600_000)
  desks = await twoDesksOnPostgres()
})

test.afterAll(async () => {
  await desks?.close()
})

async function pageAt(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: url,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1440, height: 900 },
  })
  return await context.newPage()
}

test('Bram’s Voordrachten follows the round Anna presents at her desk', async ({ browser }) => {
  // Concept rounds for the newest quarter, made at Anna's desk before either screen opens.
  const quarters = await desks.anna.runtime.routes.get('quarters:list')!({})
  if (!quarters.ok) throw new Error(quarters.error.message)
  const newest = (quarters.data as { key: string }[])
    .map((q) => q.key)
    .sort()
    .at(-1)!
  const generated = await desks.anna.runtime.routes.get('shortlists:generate')!({ quarter: newest })
  expect(generated.ok).toBe(true)

  const anna = new ShortlistsPage(await pageAt(browser, desks.anna.host.url))
  const bram = new ShortlistsPage(await pageAt(browser, desks.bram.host.url))
  await anna.app.open()
  await anna.open()
  await anna.page
    .getByRole('group', { name: /Woningen per stand/ })
    .getByRole('button', { name: /^Concept/ })
    .click()
  const address = await anna.openFirstRow()
  await expect(anna.currentRound.getByRole('heading', { level: 3 })).toContainText('Concept')

  await bram.app.open()
  await bram.open()
  await bram.searchBox.fill(address)
  expect(await bram.openFirstRow()).toBe(address)
  const bramsRound = bram.currentRound.getByRole('heading', { level: 3 })
  await expect(bramsRound).toContainText('Concept')

  await anna.present()

  // No reload at Bram's desk: the note arrives, the screen refetches, the dwelling stays open.
  await expect(bramsRound).toContainText('Voorgedragen')
  await expect(bram.detail(address)).toBeVisible()
  await expect(bram.searchBox).toHaveValue(address)
  await expect(bram.page.getByRole('status').filter({ hasText: 'Bijgewerkt' })).toHaveText(
    /Bijgewerkt: Anna heeft een voordracht gedaan\./,
  )
  await bram.screenshot('test-results/team-bram-ziet-voordracht.png')
  // Anna's own screen shows no hint about her own step.
  await expect(anna.page.getByText('Bijgewerkt:')).toHaveCount(0)
  await anna.page.context().close()
  await bram.page.context().close()
})

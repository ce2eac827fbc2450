import startCluster, { TEST_PG_URL_VARIABLE } from '../support/pg-cluster'
import { expect, test } from './fixtures'
import { AdminPage } from './pages/admin-page'
import { AppPage } from './pages/app-page'

/**
 * Beheer → Database on the host: the store in use, and "Verbinding testen" against a real
 * PostgreSQL. The throwaway cluster of the vitest run is started here when no run gave one.
 */
let stopCluster: (() => void) | undefined

test.beforeAll(async () => {
  test.setTimeout(120_000)
  if (!process.env[TEST_PG_URL_VARIABLE]) stopCluster = await startCluster()
})

test.afterAll(() => {
  stopCluster?.()
  if (stopCluster) delete process.env[TEST_PG_URL_VARIABLE]
})

function clusterUrl(): string {
  const url = process.env[TEST_PG_URL_VARIABLE]
  if (!url) throw new Error(`${TEST_PG_URL_VARIABLE} ontbreekt`)
  return url
}

test('Beheer → Database tests a PostgreSQL URL and says in Dutch what is wrong or what works', async ({
  page,
}) => {
  const app = new AppPage(page)
  const admin = new AdminPage(page)
  await app.open()
  await app.goTo('Beheer')
  await admin.openTab('Database')

  const current = page.getByRole('region', { name: 'In gebruik' })
  await expect(current).toContainText(/SQLite 3\.\d+|PostgreSQL 1\d/)

  const field = page.getByLabel('Database-URL')
  const testButton = page.getByRole('button', { name: 'Verbinding testen' })

  // A wrong password: the server refuses, and the officer reads why, without the password.
  const wrong = new URL(clusterUrl())
  wrong.password = 'fout-wachtwoord'
  await field.fill(wrong.toString())
  await testButton.click()
  const refused = page.getByRole('alert').filter({ hasText: 'klopt niet' })
  await expect(refused).toHaveText(
    new RegExp(
      `^Het wachtwoord van gebruiker "${wrong.username}" klopt niet \\(server 127\\.0\\.0\\.1:\\d+\\)\\.$`,
    ),
  )
  await expect(refused).not.toContainText('fout-wachtwoord')

  // Not a PostgreSQL URL at all.
  await field.fill('mysql://anna@db/matching')
  await testButton.click()
  await expect(page.getByRole('alert')).toContainText(
    'De database-URL moet met postgres:// beginnen, niet met mysql://',
  )

  // The test cluster: connected, with the server's version.
  await field.fill(clusterUrl())
  await testButton.click()
  const connected = page.getByRole('status').filter({ hasText: 'Verbonden met PostgreSQL' })
  await expect(connected).toHaveText(
    /^Verbonden met PostgreSQL 1\d\.\d+ op 127\.0\.0\.1:\d+, database "postgres", als "vierdehuis"\.$/,
  )
  await expect(page.getByRole('alert')).toHaveCount(0)
  // The host keeps no choice: it says where the database is chosen instead of offering to save.
  await expect(page.getByRole('button', { name: 'Opslaan voor de volgende start' })).toHaveCount(0)
  await expect(page.getByText('Dit programma kiest zijn database bij het starten')).toBeVisible()
  await app.screenshot('test-results/beheer-database.png')
})

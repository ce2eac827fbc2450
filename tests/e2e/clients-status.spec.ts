import { CLIENT_STATUS, type ClientStatus } from '../../src/shared/domain/vocabulary'
import { expect, test } from './fixtures'
import { AppPage } from './pages/app-page'
import { ClientsPage } from './pages/clients-page'

test('the status beside the Kandidaten grid shows exactly the clients with that status', async ({
  page,
  runtime,
}) => {
  const app = new AppPage(page)
  await app.open()
  await app.loadDemoData()
  await app.goTo('Kandidaten')
  const clients = new ClientsPage(page)
  const sqlite = runtime.store.sqlite
  const count = (status?: ClientStatus) =>
    (status
      ? sqlite.prepare('SELECT count(*) FROM clients WHERE status = ?').pluck().get(status)
      : sqlite.prepare('SELECT count(*) FROM clients').pluck().get()) as number
  const codeWith = (status: ClientStatus) =>
    sqlite
      .prepare('SELECT code FROM clients WHERE status = ? LIMIT 1')
      .pluck()
      .get(status) as string
  const rowCount = page.locator('.row-count')
  const kandidaten = (n: number) => `${n.toLocaleString('nl-NL')} kandidaten`
  const status = page.getByLabel('Status', { exact: true })

  await expect(rowCount).toHaveText(kandidaten(count('wachtend')))
  const [other] = sqlite
    .prepare("SELECT status FROM clients WHERE status <> 'wachtend' GROUP BY status")
    .pluck()
    .all() as ClientStatus[]
  expect(other).toBeDefined()

  await status.selectOption({ label: 'Alle statussen' })
  await expect(clients.grid).toHaveAccessibleName('Kandidaten')
  await expect(rowCount).toHaveText(kandidaten(count()))

  await status.selectOption({ label: CLIENT_STATUS.label(other!) })
  await expect(clients.grid).toHaveAccessibleName(
    `Kandidaten met status ${CLIENT_STATUS.label(other!)}`,
  )
  await expect(rowCount).toHaveText(kandidaten(count(other)))
  // A waiting client is not among them; one with this status is.
  await clients.search(codeWith('wachtend'))
  await expect(rowCount).toHaveText(`0 van ${kandidaten(count(other))}`)
  await clients.search(codeWith(other!))
  await expect(clients.cell(codeWith(other!))).toBeVisible()

  await clients.search('')
  await status.selectOption({ label: CLIENT_STATUS.label('wachtend') })
  await expect(rowCount).toHaveText(kandidaten(count('wachtend')))
})

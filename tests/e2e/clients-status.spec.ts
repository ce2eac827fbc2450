import { CLIENT_STATUS, type ClientStatus } from '../../src/shared/domain/vocabulary'
import { sqlRows, sqlValue } from '../support/e2e-store'
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
  const count = async (status?: ClientStatus) =>
    Number(
      status
        ? await sqlValue(runtime, 'SELECT count(*) FROM clients WHERE status = ?', [status])
        : await sqlValue(runtime, 'SELECT count(*) FROM clients'),
    )
  const codeWith = (status: ClientStatus) =>
    sqlValue<string>(runtime, 'SELECT code FROM clients WHERE status = ? ORDER BY id LIMIT 1', [
      status,
    ])
  const rowCount = page.locator('.row-count')
  const kandidaten = (n: number) =>
    `${n.toLocaleString('nl-NL')} ${n === 1 ? 'kandidaat' : 'kandidaten'}`
  const status = page.getByLabel('Status', { exact: true })

  await expect(rowCount).toHaveText(kandidaten(await count('wachtend')))
  const [other] = (
    await sqlRows<{ status: ClientStatus }>(
      runtime,
      "SELECT status FROM clients WHERE status <> 'wachtend' GROUP BY status ORDER BY status",
    )
  ).map((row) => row.status)
  expect(other).toBeDefined()

  await status.selectOption({ label: 'Alle statussen' })
  await expect(clients.grid).toHaveAccessibleName('Kandidaten')
  await expect(rowCount).toHaveText(kandidaten(await count()))

  await status.selectOption({ label: CLIENT_STATUS.label(other!) })
  await expect(clients.grid).toHaveAccessibleName(
    `Kandidaten met status ${CLIENT_STATUS.label(other!)}`,
  )
  await expect(rowCount).toHaveText(kandidaten(await count(other)))
  // A waiting client is not among them; one with this status is.
  await clients.search(await codeWith('wachtend'))
  await expect(rowCount).toHaveText(`0 van ${kandidaten(await count(other))}`)
  await clients.search(await codeWith(other!))
  await expect(clients.cell(await codeWith(other!))).toBeVisible()

  await clients.search('')
  await status.selectOption({ label: CLIENT_STATUS.label('wachtend') })
  await expect(rowCount).toHaveText(kandidaten(await count('wachtend')))
})

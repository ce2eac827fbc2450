import type { Page } from '@playwright/test'
import type { Runtime } from '../../src/main/runtime'
import { getClient, saveClient } from '../../src/main/services/clients-service'
import type { ServiceContext } from '../../src/main/services/context'
import { ClientInputSchema } from '../../src/shared/domain/client-input'
import { shot, sqlValue } from '../support/e2e-store'
import { expect, test } from './fixtures'
import { AppPage } from './pages/app-page'
import { ClientsPage } from './pages/clients-page'

/** The demo on Kandidaten, and a waiting client's code. */
async function onKandidaten(page: Page, runtime: Runtime) {
  const app = new AppPage(page)
  await app.open()
  await app.loadDemoData()
  await app.goTo('Kandidaten')
  const code = await sqlValue<string>(
    runtime,
    "SELECT code FROM clients WHERE status = 'wachtend' ORDER BY id LIMIT 1",
  )
  return { clients: new ClientsPage(page), code }
}

/**
 * Two officers edit one client: Anna has its form open while Bram (another desk in team mode, or
 * another window on a single desk) saves the client. Anna's save is refused with who and when,
 * her typed notes stay in the form, and after opening the client again she saves on Bram's version.
 */
test('a form opened before another officer saved the client does not overwrite that save', async ({
  page,
  runtime,
}) => {
  const { clients, code } = await onKandidaten(page, runtime)
  const id = Number(await sqlValue(runtime, 'SELECT id FROM clients WHERE code = ?', [code]))

  const form = await clients.open(code)
  await form.field('Interne notities').fill('Anna: belt vrijdag terug')

  // Meanwhile Bram saves the same client.
  const bram: ServiceContext = {
    ...runtime.ctx,
    actor: { officer: 'Bram', osUser: 'bram', desk: 'bureau-2' },
    now: () => new Date(),
  }
  const shown = await getClient(bram, id)
  const client = ClientInputSchema.parse({ ...shown, notes: 'Bram: verhuist per 1 januari' })
  await saveClient(bram, { id, client, version: shown.version })

  await form.submit('Opslaan')
  const alert = form.root.getByRole('alert')
  await expect(alert).toContainText(/Deze kandidaat is gewijzigd door Bram \(\d{2}:\d{2}\)/)
  await expect(alert).toContainText(
    'Uw wijzigingen zijn niet opgeslagen en staan nog in het formulier',
  )
  await expect(form.field('Interne notities')).toHaveValue('Anna: belt vrijdag terug')
  await page.screenshot({ path: shot('test-results/formulier-gewijzigd-door-ander.png') })

  // Opened again: Bram's notes; Anna adds hers and saves.
  await page.keyboard.press('Escape')
  await form.expectClosed()
  const again = await clients.open(code)
  await expect(again.field('Interne notities')).toHaveValue('Bram: verhuist per 1 januari')
  await again
    .field('Interne notities')
    .fill('Bram: verhuist per 1 januari. Anna: belt vrijdag terug')
  await again.submit('Opslaan')
  await again.expectClosed()
  expect((await getClient(bram, id)).notes).toBe(
    'Bram: verhuist per 1 januari. Anna: belt vrijdag terug',
  )
})

test('a status change in the client dialog does not refuse the same dialog’s save', async ({
  page,
  runtime,
}) => {
  const { clients, code } = await onKandidaten(page, runtime)
  const form = await clients.open(code)
  await form.button('In de wacht zetten').click()
  await form.field('Reden (niet verplicht)').fill('Tijdelijk opgenomen')
  await form.root
    .locator('form.status-form')
    .getByRole('button', { name: 'In de wacht zetten' })
    .click()
  await expect(form.root).toContainText('Status gewijzigd: In de wacht.')

  await form.field('Interne notities').fill('Na opname opnieuw bekijken')
  await form.submit('Opslaan')
  await form.expectClosed()
  expect(await sqlValue(runtime, 'SELECT notes FROM clients WHERE code = ?', [code])).toBe(
    'Na opname opnieuw bekijken',
  )
})

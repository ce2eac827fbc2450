import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { BackupList, BackupRow, ClientDetail, ClientRow } from '../../src/shared/api'
import { expect, test } from './fixtures'
import { AdminPage } from './pages/admin-page'
import { AppPage } from './pages/app-page'
import type { PgStore } from '../../src/main/db/pg-store'
import { urlWithoutPassword } from '../../src/main/db/pg-url'
import { TEAM_BACKUP_REFUSAL } from '../../src/main/services/backup-service'
import { callHost } from '../support/call'
import { sqliteOnlyReason, storeDigest } from '../support/e2e-store'

test('a backup made in Beheer puts the data back as it was, after asking once more', async ({
  page,
  store,
}) => {
  test.skip(store === 'postgres', sqliteOnlyReason('een reservekopie van het bestand terugzetten'))
  const app = new AppPage(page)
  const admin = new AdminPage(page)
  await app.open()
  await app.loadDemoData()
  await app.goTo('Beheer')
  await admin.openTab('Reservekopieën')

  await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Reservekopie gemaakt' })).toBeVisible()
  const backups = page.getByRole('table', { name: /Reservekopieën/ })
  await expect(backups.getByRole('row').filter({ hasText: 'Handmatig' })).toHaveCount(1)
  await app.screenshot('test-results/beheer-reservekopieen.png')

  // A corporation added after the backup is gone once it is put back.
  await admin.addCorporation('Woonstichting Na De Kopie', 1200)
  await admin.openTab('Reservekopieën')
  await backups
    .getByRole('row')
    .filter({ hasText: 'Handmatig' })
    .getByRole('button', { name: /terugzetten/ })
    .click()
  const confirm = page.getByRole('dialog', { name: 'Reservekopie terugzetten' })
  await expect(confirm).toContainText('moet opnieuw worden ingevoerd')
  // Annuleren has the focus: Enter by habit does not throw work away.
  await expect(confirm.getByRole('button', { name: 'Annuleren' })).toBeFocused()
  await confirm.getByRole('button', { name: 'Terugzetten', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'is teruggezet' })).toBeVisible()
  await expect(backups.getByRole('row').filter({ hasText: 'Vóór terugzetten' })).toHaveCount(1)

  await admin.openTab('Corporaties')
  await expect(app.grid('Corporaties').getByRole('gridcell', { name: 'Mitros' })).toBeVisible()
  await expect(
    app.grid('Corporaties').getByRole('gridcell', { name: 'Woonstichting Na De Kopie' }),
  ).toHaveCount(0)
})

test('in team mode Beheer → Reservekopieën says who makes the backups, and the app makes none', async ({
  page,
  store,
  runtime,
}) => {
  test.skip(store === 'sqlite', 'alleen teamgebruik: op SQLite maakt de app zelf reservekopieën')
  const app = new AppPage(page)
  const admin = new AdminPage(page)
  await app.open()
  await app.loadDemoData()
  await app.goTo('Beheer')
  await admin.openTab('Reservekopieën')

  await expect(page.getByText(`${TEAM_BACKUP_REFUSAL}. De app maakt`)).toBeVisible()
  const url = urlWithoutPassword((runtime.store as PgStore).target)
  await expect(page.getByLabel('Opdracht voor een reservekopie')).toHaveText(
    `pg_dump --format=custom --file=vierde-huis.dump ${url}`,
  )
  await expect(page.getByLabel('Opdracht om terug te zetten')).toContainText(`--dbname=${url}`)
  const password = new URL((runtime.store as PgStore).target.url).password
  expect(password.length).toBeGreaterThan(0)
  await expect(page.locator('body')).not.toContainText(password)
  // No button that could only be refused.
  await expect(page.getByRole('button', { name: 'Nu een reservekopie maken' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /terugzetten/ })).toHaveCount(0)
  await app.screenshot('test-results/beheer-reservekopieen-team.png')

  // Asked anyway, over the host: the same Dutch refusal for making and for putting one back.
  for (const [channel, data] of [
    ['backups:make', {}],
    ['backups:restore', { file: 'vierde-huis-backup.db' }],
  ] as const) {
    const answer = (await (
      await page.request.post(`/api/${channel}`, { data, maxRetries: 1 })
    ).json()) as { ok: boolean; error?: { message: string } }
    expect(answer.ok).toBe(false)
    expect(answer.error?.message).toBe(
      `${TEAM_BACKUP_REFUSAL}; de app maakt ze niet zelf en zet ook geen bestand terug. Zie Beheer → Reservekopieën voor hoe dat gaat.`,
    )
  }
})

test('a client’s data is downloaded on request, logged, and erased with a reason', async ({
  page,
  store,
}) => {
  const app = new AppPage(page)
  const admin = new AdminPage(page)
  await app.open()
  await app.loadDemoData()
  const waiting = await callHost<ClientRow[]>(page.request, 'clients:list', { status: 'wachtend' })
  const target = waiting[0]!
  await app.goTo('Beheer')
  await admin.openTab('Privacy')

  const code = page.getByLabel('Cliëntcode')
  await page.getByRole('button', { name: 'Gegevens downloaden' }).click()
  await expect(page.getByText('Vul de cliëntcode in.')).toBeVisible()
  await code.fill('K-BESTAATNIET')
  await page.getByRole('button', { name: 'Gegevens downloaden' }).click()
  await expect(page.getByText('Er is geen kandidaat met code K-BESTAATNIET.')).toBeVisible()

  await code.fill(target.code)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Gegevens downloaden' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(new RegExp(`^inzage-${target.code}-.*\\.json$`))
  const document = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    client: { code: string; careProvider: string }
  }
  expect(document.client.code).toBe(target.code)
  expect(document.client.careProvider).toBe(target.careProvider)
  await expect(page.getByRole('status')).toContainText('staat in het exportlog')

  // A copy made now still holds the client after the erasure: the report names it. SQLite only:
  // in team mode the app makes no copies (the PostgreSQL server's administrator does).
  const backup =
    store === 'sqlite' ? await callHost<BackupRow>(page.request, 'backups:make', {}) : null
  await page.getByRole('button', { name: 'Gegevens wissen…' }).click()
  const dialog = page.getByRole('dialog', { name: `Gegevens van ${target.code} wissen` })
  await dialog.getByRole('button', { name: 'Definitief wissen' }).click()
  await expect(dialog.getByText('Vul de reden in', { exact: true })).toBeVisible()
  await dialog.getByLabel(/Reden/).fill('Verzoek van de cliënt via de zorgaanbieder')
  await app.screenshot('test-results/beheer-privacy-wissen.png')
  await dialog.getByRole('button', { name: 'Definitief wissen' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status')).toContainText(target.code)
  if (backup) {
    await expect(page.getByText(/reservekopieë?n? bevat(ten)? de kandidaat nog/)).toBeVisible()
    await expect(page.getByRole('listitem').filter({ hasText: backup.name })).toBeVisible()
  }
  await app.screenshot('test-results/beheer-privacy-gewist.png')

  // Gone, or kept as a bare code when it already counts in the figures.
  const after = await callHost<ClientRow[]>(page.request, 'clients:list', {})
  const left = after.find((c) => c.id === target.id)
  if (left) {
    const detail = await callHost<ClientDetail>(page.request, 'clients:get', { id: target.id })
    expect(detail.name).toBeNull()
    expect(detail.status).toBe('ingetrokken')
  }

  await admin.openTab('Exportlog')
  await expect(
    app.grid('Exportlog').getByRole('row').filter({ hasText: download.suggestedFilename() }),
  ).toContainText('Inzage cliënt')
})

/**
 * A page from another origin (another port on 127.0.0.1: the same *site*, which browsers treat
 * most leniently) that tries what a malicious website would: fetch(no-cors), which needs no CORS
 * preflight, and form posts in both encodings, into a hidden frame and as a top-level navigation.
 */
function attackerPage(host: string): string {
  const api = (channel: string) => `${host}api/${channel}`
  const officer = JSON.stringify({ name: 'CSRF-aanvaller' })
  return `<!doctype html><meta charset="utf-8"><title>Gratis woningen</title>
<iframe name="sink1"></iframe><iframe name="sink2"></iframe>
<form id="plain" method="post" enctype="text/plain" target="sink1" action="${api('app:setOfficer')}">
  <input name='{"name":"CSRF-aanvaller","x":"' value='"}'>
</form>
<form id="encoded" method="post" target="sink2" action="${api('privacy:anonymise')}">
  <input name="x" value="1">
</form>
<form id="top" method="post" enctype="text/plain" action="${api('backups:make')}"></form>
<script>
  window.attack = async () => {
    const send = (channel, body, type) =>
      fetch('${host}api/' + channel, {
        method: 'POST', mode: 'no-cors', credentials: 'include',
        headers: { 'Content-Type': type }, body,
      }).catch(() => null)
    await send('app:setOfficer', ${JSON.stringify(officer)}, 'text/plain')
    // Not a "simple" type: no-cors sends it without the header (or not at all).
    await send('app:setOfficer', ${JSON.stringify(officer)}, 'application/json')
    await send('privacy:anonymise', '', 'text/plain')
    await send('backups:make', '', 'application/x-www-form-urlencoded')
    document.getElementById('plain').submit()
    document.getElementById('encoded').submit()
  }
</script>`
}

test('a page on another origin cannot change anything through the browser host', async ({
  page,
  runtime,
  baseURL,
  store,
}) => {
  await callHost(page.request, 'demo:load', { seed: 3 })
  // With a one-month retention an anonymise that got through would change many clients.
  await callHost(page.request, 'privacy:saveSettings', { retentionMonths: 1 })
  const before = await storeDigest(runtime)

  const attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(attackerPage(baseURL!))
  })
  await new Promise<void>((listening) => attacker.listen(0, '127.0.0.1', listening))
  const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`
  try {
    const refused: string[] = []
    page.on('response', (response) => {
      if (response.url().startsWith(`${baseURL}api/`) && response.status() === 403)
        refused.push(new URL(response.url()).pathname)
    })
    await page.goto(attackerUrl)
    await page.evaluate('window.attack()')
    // fetch: setOfficer twice, anonymise, backups; the forms: setOfficer and anonymise.
    await expect.poll(() => refused.length).toBeGreaterThanOrEqual(6)
    expect(new Set(refused)).toEqual(
      new Set(['/api/app:setOfficer', '/api/privacy:anonymise', '/api/backups:make']),
    )

    // A top-level form post, as from a public site: the officer lands on the refusal.
    await Promise.all([
      page.waitForURL(`${baseURL}api/backups:make`),
      page.evaluate("document.getElementById('top').submit()"),
    ])
    await expect(page.locator('body')).toContainText('Geweigerd')
    expect(refused).toContain('/api/backups:make')
  } finally {
    await new Promise((closed) => attacker.close(closed))
  }

  expect(await storeDigest(runtime)).toEqual(before)
  if (store === 'sqlite') {
    // No backup file appeared (on PostgreSQL the app makes none at all).
    const backups = await callHost<BackupList>(page.request, 'backups:list', {})
    expect(backups.backups.filter((backup) => backup.kind === 'handmatig')).toEqual([])
  }
  const info = await callHost<{ officer: string }>(page.request, 'app:info', {})
  expect(info.officer).not.toBe('CSRF-aanvaller')
})

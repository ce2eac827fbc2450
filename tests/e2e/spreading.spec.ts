import { expect, test } from './fixtures'
import { AdminPage } from './pages/admin-page'
import { AppPage } from './pages/app-page'
import { FormDialog } from './pages/form-dialog'
import { ShortlistsPage } from './pages/shortlists-page'
import { spreadingState } from '../../src/main/services/spreading-service'
import { sqlRows } from '../support/e2e-store'

test('the quarter overview warns where a corporation leans on Overvecht, and Beheer keeps the wijk figures behind the norm', async ({
  page,
}) => {
  const app = new AppPage(page)
  await app.open()
  await app.loadDemoData()

  await app.goTo('Woningen')
  const warning = page.getByRole('note', { name: 'Spreiding' })
  await expect(warning).toContainText('leunen op een wijk die het plan wil ontzien')
  await expect(
    warning.getByRole('listitem').filter({ hasText: 'in Overvecht, norm' }),
  ).not.toHaveCount(0)

  await app.goTo('Beheer')
  const admin = new AdminPage(page)
  await admin.openTab('Spreiding')
  const grid = app.grid('Cijfers per wijk')
  const overvecht = grid.getByRole('row', { name: /Overvecht/ })
  const norm = overvecht.locator('[col-id="Norm"]')
  await expect(overvecht.locator('[col-id="Ontzien"]')).toHaveText('ja')
  await expect(
    grid.getByRole('row', { name: /Binnenstad/ }).locator('[col-id="Ontzien"]'),
  ).toHaveText('nee')
  const before = await norm.textContent()
  const percent = (text: string | null) => Number((text ?? '').replace('%', '').replace(',', '.'))
  // Spared: the norm lies well under Overvecht's 22 % of the social stock.
  expect(percent(before)).toBeLessThan(15)

  await overvecht.getByRole('gridcell').first().dblclick()
  const change = new FormDialog(page, 'Cijfers Overvecht wijzigen')
  await expect(change.field('Aandeel sociale huur in de wijk')).toHaveValue('61')
  await change.field('Aandeel sociale huur in de wijk').fill('65')
  await change.submit('Opslaan')
  await change.expectClosed()
  await expect(page.getByRole('status')).toHaveText(
    'De cijfers van Overvecht zijn opgeslagen; de normen zijn opnieuw berekend.',
  )
  // More concentrated social housing: a lower norm.
  await expect(norm).not.toHaveText(before ?? '')
  expect(percent(await norm.textContent())).toBeLessThan(percent(before))
})

test('an officer lifts the stop of a full complex for one dwelling, with a reason the timeline keeps', async ({
  page,
  runtime,
}) => {
  const shortlists = new ShortlistsPage(page)
  await shortlists.app.open()
  await shortlists.app.loadDemoData()

  // An open dwelling of the newest quarter is put in a complex that reached the stop in the history.
  const state = await spreadingState(runtime.store.db, runtime.ctx.now())
  const [full] = [...state.complexPlacements].find(([, n]) => n >= state.stop.placements) ?? []
  expect(full, 'the demo has a complex at the stop').toBeDefined()
  const [dwelling] = await sqlRows<{ id: number; address: string }>(
    runtime,
    `SELECT id, address FROM dwellings WHERE status = 'ingediend'
     AND quarter_key = (SELECT max(quarter_key) FROM dwellings) ORDER BY id LIMIT 1`,
  )
  if (!dwelling) throw new Error('the demo has a submitted dwelling in its newest quarter')
  await sqlRows(runtime, 'UPDATE dwellings SET complex = ? WHERE id = ?', [full, dwelling.id])

  await shortlists.open()
  await shortlists.openDwelling(dwelling.address)
  const stop = page.getByRole('region', { name: 'Stop per complex' })
  await expect(stop).toContainText(`${full} heeft de stop bereikt`)
  await stop.getByRole('button', { name: 'Stop opheffen…' }).click()

  const dialog = new FormDialog(page, `Stop opheffen voor deze woning in ${full}`)
  await dialog.submit('Stop opheffen')
  await expect(dialog.root).toContainText('Vul een reden in')
  const reason = 'De begeleiding zit al in het complex en de corporatie stemt in'
  await dialog.field('Waarom kan hier toch iemand komen wonen?').fill(reason)
  await dialog.submit('Stop opheffen')
  await dialog.expectClosed()
  await expect(stop).toContainText(`De stop voor ${full} is voor deze woning opgeheven: ${reason}`)
  await expect(page.getByRole('region', { name: 'Tijdlijn' })).toContainText(
    `Stop voor ${full} opgeheven`,
  )
})

import { expect, test } from './fixtures'
import { AdminPage } from './pages/admin-page'
import { AppPage } from './pages/app-page'
import { FormDialog } from './pages/form-dialog'

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

import { expect, type Locator, type Page } from '@playwright/test'
import { FormDialog } from './form-dialog'

export type AdminTab =
  | 'Corporaties'
  | 'Zorgaanbieders'
  | 'Taakstelling per jaar'
  | 'Instellingen per jaar'
  | 'Spreiding'
  | 'Reservekopieën'
  | 'Database'
  | 'Privacy'
  | 'Exportlog'

/** Beheer: partners, the yearly target and settings, backups, privacy and the export log, each on its own tab. */
export class AdminPage {
  constructor(readonly page: Page) {}

  tab(name: AdminTab): Locator {
    return this.page.getByRole('tab', { name, exact: true })
  }

  async openTab(name: AdminTab): Promise<void> {
    await this.tab(name).click()
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true')
  }

  get status(): Locator {
    return this.page.getByRole('status').filter({ hasText: /is (toegevoegd|gewijzigd|opgeslagen)/ })
  }

  async addCorporation(name: string, socialStock: number): Promise<void> {
    await this.openTab('Corporaties')
    await this.page.getByRole('button', { name: 'Corporatie toevoegen' }).click()
    const dialog = new FormDialog(this.page, 'Corporatie toevoegen')
    await dialog.field('Naam').fill(name)
    await dialog.field('Sociale huurvoorraad').fill(String(socialStock))
    await dialog.submit('Opslaan')
    await dialog.expectClosed()
    await expect(this.status).toHaveText(`Corporatie ${name} is toegevoegd.`)
  }
}

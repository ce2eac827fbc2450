import { expect, type Locator, type Page } from '@playwright/test'
import { FormDialog } from './form-dialog'

/** Kandidaten: the grid of registered clients and the registration form. */
export class ClientsPage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByRole('grid', { name: /^Kandidaten/ })
  }

  async register(): Promise<FormDialog> {
    await this.page.getByRole('button', { name: 'Kandidaat aanmelden' }).click()
    const dialog = new FormDialog(this.page, 'Kandidaat aanmelden')
    await expect(dialog.root).toBeVisible()
    return dialog
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Zoeken in kandidaten' }).fill(text)
  }

  /** Opens the client with this code from the grid, as an officer does: find it, Enter on its row. */
  async open(code: string): Promise<FormDialog> {
    await this.search(code)
    await this.cell(code).click()
    await this.page.keyboard.press('Enter')
    const dialog = new FormDialog(this.page, `Kandidaat ${code}`)
    await expect(dialog.root).toBeVisible()
    return dialog
  }

  cell(text: string): Locator {
    return this.grid.getByRole('gridcell', { name: text, exact: true })
  }
}

import { expect, type Locator, type Page } from '@playwright/test'
import { FormDialog } from './form-dialog'
import { ImportDialog } from './import-dialog'

/** Woningen: the quarter overview per corporation above the quarter's grid, with the Excel round trip. */
export class DwellingsPage {
  constructor(readonly page: Page) {}

  get quarter(): Locator {
    return this.page.getByLabel('Kwartaal', { exact: true })
  }

  get overview(): Locator {
    return this.page.getByRole('table', { name: /^Quotum en voortgang per corporatie/ })
  }

  /** A corporation's line in the quarter overview, by its row header. */
  overviewLine(corporation: string): Locator {
    return this.overview.getByRole('row').filter({
      has: this.page.getByRole('rowheader', { name: corporation, exact: true }),
    })
  }

  /** One figure of a corporation's line, found under its column header ("Ingediend"). */
  async overviewCell(corporation: string, column: string): Promise<Locator> {
    const headers = await this.overview.getByRole('columnheader').allTextContents()
    const index = headers.findIndex((header) => header.trim() === column)
    expect(index, `kolom ${column} in het kwartaaloverzicht`).toBeGreaterThanOrEqual(0)
    return this.overviewLine(corporation).locator('th, td').nth(index)
  }

  /** Downloads the quarter's template for a corporation and saves it at `path`. */
  async downloadTemplate(corporation: string, path: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Sjabloon downloaden' }).click()
    const dialog = new FormDialog(this.page, 'Sjabloon voor woningen downloaden')
    await dialog.field('Corporatie').selectOption({ label: corporation })
    const download = this.page.waitForEvent('download')
    await dialog.submit('Downloaden')
    const file = await download
    await file.saveAs(path)
    await dialog.expectClosed()
    return file.suggestedFilename()
  }

  get grid(): Locator {
    return this.page.getByRole('grid', { name: /^Woningen / })
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Zoeken in woningen' }).fill(text)
  }

  async openImport(): Promise<ImportDialog> {
    await this.page.getByRole('button', { name: 'Importeren…' }).click()
    const dialog = new ImportDialog(this.page, 'Woningen importeren')
    await expect(dialog.root).toBeVisible()
    return dialog
  }
}

import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { FormDialog } from './form-dialog'

/** The import dialog, shared by dwellings and clients: file, check report, and the three choices. */
export class ImportDialog extends FormDialog {
  constructor(page: Page, title: 'Woningen importeren' | 'Aanmeldingen importeren') {
    super(page, title)
  }

  async chooseFile(path: string): Promise<void> {
    // The native input is hidden behind the Dutch "Bestand kiezen…" button.
    await expect(this.button('Ingevuld sjabloon (.xlsx) Bestand kiezen…')).toBeFocused()
    await this.root.locator('input[type="file"]').setInputFiles(path)
  }

  get summary(): Locator {
    return this.root.getByRole('status')
  }

  get errorTable(): Locator {
    return this.root.getByRole('table', { name: /^Fouten in / })
  }

  /** The error table's row for an Excel row and column: "6 Postcode Postcode moet …". */
  errorRow(row: number, column: string): Locator {
    return this.errorTable.getByRole('row').filter({
      has: this.page.getByRole('cell', { name: String(row), exact: true }),
      hasText: column,
    })
  }

  async saveErrors(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.button('Fouten opslaan').click()
    return download
  }

  async importValidOnly(): Promise<void> {
    await this.button('Alleen geldige rijen importeren').click()
    await expect(this.summary).toContainText('Geïmporteerd uit')
  }

  async close(): Promise<void> {
    await this.button('Sluiten').click()
    await this.expectClosed()
  }
}

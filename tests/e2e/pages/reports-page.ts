import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { AppPage } from './app-page'

export type ReportsTab = 'Rapport' | 'Voordrachten exporteren'

/** Rapportages: the printable report, the shortlist export with answers back, and the export log. */
export class ReportsPage {
  readonly app: AppPage

  constructor(readonly page: Page) {
    this.app = new AppPage(page)
  }

  async open(): Promise<void> {
    await this.app.goTo('Rapportages')
  }

  tab(name: ReportsTab): Locator {
    return this.page.getByRole('tab', { name, exact: true })
  }

  async openTab(name: ReportsTab): Promise<void> {
    await this.tab(name).click()
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true')
  }

  get period(): Locator {
    return this.page.getByLabel('Periode')
  }

  /** The report itself, named by its title ("Het Vierde Huis — Kwartaalrapportage …"). */
  get report(): Locator {
    return this.page.getByRole('article', { name: /^Het Vierde Huis — / })
  }

  async choosePeriod(label: string): Promise<void> {
    await this.period.selectOption({ label })
    await expect(this.report.getByRole('heading', { level: 2 })).toContainText(
      label.replace(/^Jaar /, 'Jaarrapportage '),
    )
  }

  /** The value of a key figure by its label, as shown ("107,3%", "231 dagen"). */
  async kpi(label: string, root: Locator = this.report): Promise<string> {
    const tile = root
      .locator('.kpi')
      .filter({ has: this.page.getByRole('term').getByText(label, { exact: true }) })
    return ((await tile.getByRole('definition').first().textContent()) ?? '').trim()
  }

  table(name: string | RegExp): Locator {
    return this.report.getByRole('table', { name })
  }

  /** The cells of a table row, by the text of its first cell. */
  async rowCells(table: Locator, first: string): Promise<string[]> {
    const row = table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: first, exact: true }) })
    return (await row.locator('th, td').allTextContents()).map((t) => t.trim())
  }

  /** The charts are SVG drawn after the data arrives; wait until every one has its bars. */
  async expectChartsDrawn(count: number): Promise<void> {
    const charts = this.report.locator('.chart-drawing .recharts-wrapper > svg')
    await expect(charts).toHaveCount(count)
    for (const chart of await charts.all()) {
      await expect(chart.locator('.recharts-bar-rectangle').first()).toBeAttached()
    }
  }

  /** The report as Chromium prints it: print media, A4. */
  async savePdf(path: string): Promise<Buffer> {
    await this.page.emulateMedia({ media: 'print' })
    const pdf = await this.page.pdf({ path, format: 'A4', printBackground: true })
    await this.page.emulateMedia({ media: 'screen' })
    return pdf
  }

  async downloadExcel(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.page.getByRole('button', { name: 'Excel-rapport downloaden' }).click()
    return download
  }

  // ---------- Voordrachten exporteren ----------

  async chooseExport(quarter: string, corporation: string): Promise<void> {
    await this.page.getByLabel('Kwartaal', { exact: true }).selectOption({ label: quarter })
    await this.page.getByLabel('Corporatie', { exact: true }).selectOption({ label: corporation })
  }

  /** The dwellings of the chosen corporation that would go into the file. */
  get exportDwellings(): Locator {
    return this.page.getByRole('group', { name: /met een voorgedragen ronde/ })
  }

  async downloadShortlists(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.page.getByRole('button', { name: 'Voordrachten downloaden' }).click()
    return download
  }

  get answersDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Antwoord van een corporatie inlezen' })
  }

  /** Chooses the returned workbook; the dialog checks it at once (nothing written yet). */
  async checkAnswers(path: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Antwoord inlezen…' }).click()
    await expect(this.answersDialog).toBeVisible()
    await this.answersDialog.locator('input[type="file"]').setInputFiles(path)
    const summary = this.answersDialog.getByRole('status').filter({ hasText: 'Controle:' })
    await expect(summary).toBeVisible()
    return summary
  }

  answerRow(address: string): Locator {
    return this.answersDialog
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${address}`) }) })
  }

  async applyAnswers(): Promise<void> {
    await this.answersDialog.getByRole('button', { name: /verwerken$/ }).click()
    await expect(
      this.answersDialog.getByRole('status').filter({ hasText: 'Ingelezen:' }),
    ).toBeVisible()
  }
}

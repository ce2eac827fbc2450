import { expect, type Locator, type Page } from '@playwright/test'
import { AppPage } from './app-page'
import { shot } from '../../support/e2e-store'

const CLIENT_CODE = /K-\d{4}-\d{4}/g

/** The Voordrachten work screen: the quarter's dwellings, and the opened dwelling below them. */
export class ShortlistsPage {
  readonly app: AppPage

  constructor(readonly page: Page) {
    this.app = new AppPage(page)
  }

  get board(): Locator {
    return this.page.getByRole('grid', { name: /^Voordrachten / })
  }

  /** The address cells: the column pinned on the left, so it stays when scrolling sideways. */
  get addressCells(): Locator {
    return this.board.locator('.ag-pinned-left-cols-container [col-id="Adres"]')
  }

  /** The opened dwelling, a region named by its address. */
  detail(address: string): Locator {
    return this.page.getByRole('region', { name: address, exact: true })
  }

  get currentRound(): Locator {
    return this.page.getByRole('region', { name: /^Ronde \d+ · / })
  }

  get whyNot(): Locator {
    return this.page.getByRole('region', { name: 'Waarom niet?' })
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog')
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Zoeken in woningen' })
  }

  /** The message under "Voordrachten maken" takes room from the list: closed once read. */
  async closeSummary(): Promise<void> {
    await this.page.locator('.sl-summary').getByRole('button', { name: 'Sluiten' }).click()
  }

  /**
   * Types a date in a dialog's date field by keyboard, as an officer does (dd-mm-jjjj), after
   * clearing what was there.
   */
  async typeDate(label: string, text: string): Promise<void> {
    const field = this.dialog.getByRole('textbox', { name: label })
    await field.focus()
    await this.page.keyboard.press('ControlOrMeta+a')
    await this.page.keyboard.press('Backspace')
    await this.page.keyboard.type(text)
  }

  /** The calm message after a step, under the dwelling's heading. */
  get status(): Locator {
    return this.page.locator('.sl-detail > [role="status"].message-success')
  }

  candidate(code: string): Locator {
    return this.currentRound.getByRole('article', { name: code })
  }

  async open(): Promise<void> {
    await this.app.goTo('Voordrachten')
    await expect(this.board).toBeVisible()
  }

  /** "Voordrachten maken" for the chosen quarter; answers the summary's first line. */
  async generate(): Promise<string> {
    await this.page.getByRole('button', { name: 'Voordrachten maken' }).click()
    const summary = this.page.locator('.sl-summary')
    await expect(summary).toContainText('conceptvoordrachten gemaakt')
    return (await summary.locator('p').first().textContent()) ?? ''
  }

  /**
   * Opens the dwelling that had the most eligible clients, so a second round can still find new
   * candidates once the whole quarter's shortlists have taken theirs. Answers its address.
   */
  async openDwellingWithLargestPool(): Promise<string> {
    const header = this.board.getByRole('columnheader', { name: 'In aanmerking' })
    await header.click()
    await header.click()
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    return this.openFirstRow()
  }

  /** Opens the first row with the keyboard (Enter on a cell); answers its address. */
  async openFirstRow(): Promise<string> {
    const cell = this.addressCells.first()
    await cell.click()
    await cell.press('Enter')
    const heading = this.page.locator('.sl-detail h2')
    await expect(heading).toBeFocused()
    const address = ((await heading.textContent()) ?? '').trim()
    await expect(cell).toHaveText(address)
    return address
  }

  async candidateCodes(): Promise<string[]> {
    const titles = await this.currentRound.getByRole('heading', { level: 4 }).allTextContents()
    return titles.map((t) => t.trim())
  }

  async present(): Promise<void> {
    await this.currentRound.getByRole('button', { name: 'Voordragen' }).click()
    await expect(this.status).toContainText('is voorgedragen aan')
    await expect(this.currentRound.getByRole('heading', { level: 3 })).toContainText('Voorgedragen')
  }

  async rejectAll(reason: string, motivation: string): Promise<void> {
    await this.currentRound.getByRole('button', { name: 'Hele voordracht afwijzen…' }).click()
    await this.dialog.getByLabel('Reden van de corporatie').selectOption({ label: reason })
    await this.dialog.getByLabel('Motivatie van de corporatie').fill(motivation)
    await this.dialog.getByRole('button', { name: 'Voordracht afwijzen' }).click()
    await expect(this.dialog).toBeHidden()
    await expect(this.status).toContainText('is afgewezen')
  }

  async choose(code: string, offeredOn?: string): Promise<void> {
    await this.candidate(code)
      .getByRole('button', { name: /^Kiezen/ })
      .click()
    if (offeredOn) await this.typeDate('Datum aanbieding', offeredOn)
    await this.dialog.getByRole('button', { name: 'Kiezen en aanbieding vastleggen' }).click()
    await expect(this.dialog).toBeHidden()
    await expect(this.status).toContainText(`kiest ${code}`)
  }

  /** Records the acceptance, the contract's start typed as dd-mm-jjjj. */
  async acceptOffer(startsOn: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Aanbieding geaccepteerd…' }).click()
    await this.typeDate('Ingangsdatum contract', startsOn)
    await this.dialog.getByRole('button', { name: 'Acceptatie vastleggen' }).click()
    await expect(this.dialog).toBeHidden()
    await expect(this.status).toContainText('heeft de aanbieding geaccepteerd')
  }

  /** Asks "Waarom niet?" for a client code; answers the verdict box. */
  async askWhyNot(code: string): Promise<Locator> {
    await this.whyNot.getByLabel('Kandidaatcode').fill(code)
    await this.whyNot.getByRole('button', { name: 'Controleren' }).click()
    const result = this.whyNot.locator('.sl-whynot-result')
    await expect(result).toContainText(code.trim().toUpperCase())
    return result
  }

  /** Finds a dwelling through the search box and opens it with the keyboard. */
  async openDwelling(address: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Zoeken in woningen' }).fill(address)
    const cell = this.addressCells.filter({ hasText: address }).first()
    await cell.click()
    await cell.press('Enter')
    await expect(this.page.locator('.sl-detail h2')).toHaveText(address)
  }

  /**
   * The text of a cell in a board row, found by the row's address. The address is pinned on the
   * left: its row and the scrolling rest are two elements that share a row index.
   */
  async cellText(address: string, column: string): Promise<string> {
    const pinned = this.board
      .locator('.ag-pinned-left-cols-container .ag-row', { hasText: address })
      .first()
    const index = await pinned.getAttribute('row-index')
    const row = this.board.locator(`.ag-center-cols-container .ag-row[row-index="${index}"]`)
    return ((await row.locator(`[col-id="${column}"]`).textContent()) ?? '').trim()
  }

  /** The candidate codes in a board row, read from its Kandidaten cell. */
  async codesInRow(address: string): Promise<string[]> {
    return (await this.cellText(address, 'Kandidaten')).match(CLIENT_CODE) ?? []
  }

  /** "Alle concepten voordragen…": answers the dialog showing what would be presented. */
  async openPresentAll(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Alle concepten voordragen…' }).click()
    await expect(this.dialog).toContainText('klaar om voor te dragen')
    return this.dialog
  }

  /** Presents what the dialog showed; answers the dialog's next step with the exports. */
  async confirmPresentAll(): Promise<Locator> {
    await this.dialog.getByRole('button', { name: /^\d+ voordrachten? voordragen$/ }).click()
    const done = this.page.getByRole('dialog', { name: 'Voorgedragen' })
    await expect(done).toBeVisible()
    return done
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path: shot(path), fullPage: true })
  }
}

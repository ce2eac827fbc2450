import { expect, type Locator, type Page } from '@playwright/test'
import { callHost } from '../../support/call'
import { e2eStore, shot } from '../../support/e2e-store'

export type SectionName =
  'Overzicht' | 'Woningen' | 'Kandidaten' | 'Voordrachten' | 'Rapportages' | 'Beheer'

export const SECTION_NAMES: readonly SectionName[] = [
  'Overzicht',
  'Woningen',
  'Kandidaten',
  'Voordrachten',
  'Rapportages',
  'Beheer',
]

/** The app shell as an officer sees it: header, menu, the page title, and the grid on the page. */
export class AppPage {
  constructor(readonly page: Page) {}

  get title(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  get menu(): Locator {
    return this.page.getByRole('navigation', { name: 'Hoofdmenu' })
  }

  menuLink(section: SectionName): Locator {
    return this.menu.getByRole('link', { name: section, exact: true })
  }

  /** The first start's empty state: "De database …" on a desk, "De teamdatabase …" in team mode. */
  get emptyDatabase(): Locator {
    return this.page.getByRole('heading', { name: /^De (team)?database is nog leeg$/ })
  }

  /** The grid on the current page, by its accessible name (e.g. "Woningen 4e kwartaal 2026"). */
  grid(name: string | RegExp): Locator {
    return this.page.getByRole('grid', { name })
  }

  async open(): Promise<void> {
    await this.page.goto('/')
    await expect(this.title).toHaveText('Overzicht')
  }

  async goTo(section: SectionName): Promise<void> {
    await this.menuLink(section).click()
    await this.expectOn(section)
  }

  async expectOn(section: SectionName): Promise<void> {
    await expect(this.title).toHaveText(section)
    await expect(this.menuLink(section)).toHaveAttribute('aria-current', 'page')
  }

  /**
   * On a desk (SQLite) the officer clicks "Demogegevens laden". Team mode offers no demo (the
   * team's database holds real clients only): there the demo arrives as an organisation fills a
   * practice database, a desk's demo file copied in (the e2e fixture routes `demo:load` so:
   * tests/support/e2e-store.ts), and the page is reloaded.
   */
  async loadDemoData(): Promise<void> {
    if (e2eStore() === 'postgres') {
      await callHost(this.page.request, 'demo:load', {})
      await this.page.reload()
      await expect(this.title).toBeVisible()
      await expect(this.emptyDatabase).toBeHidden()
      return
    }
    await this.page.getByRole('button', { name: 'Demogegevens laden' }).click()
    await expect(
      this.page.getByRole('status').filter({ hasText: 'Demogegevens geladen' }),
    ).toBeVisible()
  }

  /** The number in "96 woningen" or "12 van 96 woningen" above a grid: the rows shown. */
  async shownCount(plural: string): Promise<number> {
    const text = await this.page
      .getByText(new RegExp(`^[\\d.]+( van [\\d.]+)? ${plural}$`))
      .textContent()
    return Number((text ?? '').split(' ')[0]?.replace(/\./g, ''))
  }

  async changeOfficer(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Naam wijzigen' }).click()
    await this.page.getByLabel('Uw naam').fill(name)
    await this.page.getByRole('button', { name: 'Opslaan' }).click()
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path: shot(path), fullPage: true })
  }
}

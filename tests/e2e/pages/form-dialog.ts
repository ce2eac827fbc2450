import { expect, type Locator, type Page } from '@playwright/test'

/** Any modal dialog of the app, found by its title; fields by their Dutch labels. */
export class FormDialog {
  readonly root: Locator

  constructor(
    readonly page: Page,
    title: string | RegExp,
  ) {
    this.root = page.getByRole('dialog', { name: title })
  }

  field(label: string | RegExp): Locator {
    return this.root.getByLabel(label, { exact: typeof label === 'string' })
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true })
  }

  async submit(name: string): Promise<void> {
    await this.button(name).click()
  }

  async expectClosed(): Promise<void> {
    await expect(this.root).toBeHidden()
  }
}

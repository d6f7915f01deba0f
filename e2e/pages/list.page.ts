import { expect, type Locator, type Page } from '@playwright/test';

/** A list screen (accounts, opportunities…): search, filters, sort, columns, views. */
export class ListPage {
  constructor(private readonly page: Page, private readonly plural: string) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${this.plural.toLowerCase()}${query ? `?${query}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: this.plural })).toBeVisible();
    await this.waitLoaded();
  }

  async waitLoaded(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: /shown|Loading/ })).toContainText('shown');
  }

  table(): Locator {
    return this.page.getByRole('table');
  }

  rows(): Locator {
    return this.table().locator('tbody tr');
  }

  /** The texts of one column, by its header. */
  async column(header: string): Promise<string[]> {
    const headers = await this.table().locator('thead th').allTextContents();
    const index = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === header);
    expect(index, `column ${header} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
    return this.rows().locator(`td:nth-child(${index + 1})`).allTextContents();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel(`Search ${this.plural.toLowerCase()}`).fill(text);
    await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, '(\\+|%20)')}`));
    await this.waitLoaded();
  }

  async sortBy(header: string): Promise<void> {
    await this.table().getByRole('button', { name: header }).click();
    await this.waitLoaded();
  }

  async filter(label: string, option: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Filters' }).getByLabel(label, { exact: true }).selectOption({ label: option });
    await this.waitLoaded();
  }

  async toggleColumn(label: string): Promise<void> {
    await this.page.getByText('Columns', { exact: true }).click();
    await this.page.getByRole('checkbox', { name: label, exact: true }).click();
    await this.page.getByText('Columns', { exact: true }).click();
  }

  async saveView(name: string): Promise<void> {
    await this.page.getByText(/^Views/).click();
    await this.page.getByLabel('Save current view as').fill(name);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.page.getByRole('button', { name, exact: true })).toBeVisible();
  }

  async openView(name: string): Promise<void> {
    await this.page.getByText(/^Views/).click();
    await this.page.getByRole('button', { name, exact: true }).click();
    await this.waitLoaded();
  }
}

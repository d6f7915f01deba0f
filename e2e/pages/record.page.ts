import { expect, type Page } from '@playwright/test';

/** A record's page: its fields, in-place editing, related lists, an opportunity's history. */
export class RecordPage {
  constructor(private readonly page: Page) {}

  async open(plural: string, id: string): Promise<void> {
    await this.page.goto(`/${plural}/${id}`);
  }

  async expectTitle(title: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(title);
  }

  async expectNotFound(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  }

  value(field: string) {
    return this.page.locator(`[data-field="${field}"] .value-row`);
  }

  /** Edits one field in place and saves with Enter. */
  async edit(label: string, text: string): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${label}`, exact: true }).click();
    const input = this.page.getByLabel(label, { exact: true });
    await input.fill(text);
    await input.press('Enter');
  }

  async expectFieldError(field: string, message: RegExp | string): Promise<void> {
    await expect(this.page.locator(`[data-field="${field}"] .field-error`)).toHaveText(message);
  }

  history() {
    return this.page.getByRole('list', { name: 'Changes, newest first' });
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** Quotas: the allocation form, its diagnostics, chart, sellers and cascade. */
export class QuotasPage {
  constructor(private readonly page: Page) {}

  get form(): Locator {
    return this.page.getByTestId('quota-form');
  }

  get sellers(): Locator {
    return this.page.getByTestId('quota-seller');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotas' }).click();
    await expect(this.page.getByRole('heading', { name: 'Quotas', level: 1 })).toBeVisible();
  }

  async allocate(values: { year: string; target: string; historyWeight?: string; maxGrowth?: string }): Promise<void> {
    await this.form.getByLabel('Fiscal year').fill(values.year);
    await this.form.getByLabel(/Company number/).fill(values.target);
    if (values.historyWeight !== undefined) await this.form.getByLabel('History weight %').fill(values.historyWeight);
    if (values.maxGrowth !== undefined) await this.form.getByLabel('Max vs last year %').fill(values.maxGrowth);
    await this.form.getByRole('button', { name: 'Allocate' }).click();
    await expect(this.page.getByTestId('quota-result')).toBeVisible();
  }
}

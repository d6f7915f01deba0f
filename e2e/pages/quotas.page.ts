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

  async allocate(values: { year: string; target: string; historyWeight?: string; maxGrowth?: string; measure?: string; basis?: string; model?: string }): Promise<void> {
    await this.form.getByLabel('Fiscal year').fill(values.year);
    if (values.measure !== undefined) await this.form.getByLabel('Measure').selectOption({ label: values.measure });
    if (values.basis !== undefined) await this.form.getByLabel('Share among').selectOption({ label: values.basis });
    if (values.model !== undefined) await this.form.getByLabel('Territory model').selectOption({ label: values.model });
    await this.form.getByLabel(/Company number/).fill(values.target);
    if (values.historyWeight !== undefined) await this.form.getByLabel('History weight %').fill(values.historyWeight);
    if (values.maxGrowth !== undefined) await this.form.getByLabel('Max vs last year %').fill(values.maxGrowth);
    await this.form.getByRole('button', { name: 'Allocate' }).click();
    await expect(this.page.getByTestId('quota-result')).toBeVisible();
  }
}

/** One quota plan: its grid over the hierarchy, inline edits, the approval actions and version comparison. */
export class QuotaPlanPage {
  constructor(private readonly page: Page) {}

  get status(): Locator {
    return this.page.getByTestId('quota-plan-status');
  }

  get lines(): Locator {
    return this.page.getByTestId('quota-line');
  }

  line(name: string): Locator {
    return this.lines.filter({ has: this.page.getByRole('rowheader', { name, exact: false }) });
  }

  /** Keeps the previewed allocation as the year's plan, with seasonality by quarter. */
  async keepAsPlan(year: string, seasonality: string, options: { waitForSignOffs?: boolean } = {}): Promise<void> {
    const panel = this.page.getByTestId('new-quota-plan');
    await panel.getByLabel('Seasonality % by quarter').fill(seasonality);
    if (options.waitForSignOffs) await panel.getByLabel('Approval waits for every manager\'s sign-off').check();
    await panel.getByRole('button', { name: `Keep as the FY${year} plan` }).click();
    await expect(this.page.getByRole('heading', { name: `FY${year} bookings quotas`, level: 1 })).toBeVisible();
  }

  async setQuota(name: string, amount: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: `Change the quota of ${name}` }).click();
    const editor = this.page.getByRole('form', { name: `New quota for ${name}` });
    await editor.getByLabel(/Annual quota/).fill(amount);
    await editor.getByLabel('Reason').fill(reason);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toHaveCount(0);
  }

  async act(button: string | RegExp, comment = ''): Promise<void> {
    const actions = this.page.getByTestId('quota-actions');
    if (comment !== '') await actions.getByLabel('Comment').fill(comment);
    await actions.getByRole('button', { name: button }).click();
  }
}

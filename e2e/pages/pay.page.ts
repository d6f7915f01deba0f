import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './login.page.js';

/** The pay area: the pay cycle (run, runs, statements, chart), a statement, and My pay. */
export class PayPage {
  constructor(private readonly page: Page) {}

  get progress(): Locator {
    return this.page.getByTestId('run-progress');
  }

  get runs(): Locator {
    return this.page.getByTestId('runs-table');
  }

  get statements(): Locator {
    return this.page.getByTestId('statements-table');
  }

  get chart(): Locator {
    return this.page.getByTestId('payout-bar-chart');
  }

  get statement(): Locator {
    return this.page.getByTestId('statement');
  }

  async openPayCycle(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pay cycle' }).click();
    await expect(this.page.getByRole('heading', { name: 'Pay cycle', level: 1 })).toBeVisible();
  }

  async openMyPay(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My pay' }).click();
    await expect(this.page.getByRole('heading', { name: 'My pay', level: 1 })).toBeVisible();
  }

  /** The chosen pay period's key. */
  period(): Locator {
    return this.page.getByLabel('Pay period');
  }

  async choosePeriod(key: string): Promise<void> {
    await this.period().selectOption(key);
    await expect(this.page).toHaveURL(new RegExp(`period=${key}`));
  }

  async runCalculation(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run calculation' }).click();
  }

  async expectPublished(): Promise<void> {
    await expect(this.progress).toHaveAttribute('data-status', 'published', { timeout: 20_000 });
    await expect(this.page.getByTestId('run-progress-detail')).toContainText(/Published: \d+ payees?, .+ payout in total/);
    await expect(this.page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  }

  /** Verifies the latest published run (the list starts latest first); its answer appears in the row. */
  async verifyLatestRun(): Promise<Locator> {
    const row = this.runs.locator('tr[data-status="published"]').first();
    await row.getByRole('button', { name: /^Verify run / }).click();
    return row.getByTestId('verify-result');
  }

  /** Sorts the statements by payout, largest first, and opens the first. */
  async openLargestStatement(): Promise<string> {
    const payout = this.statements.getByRole('button', { name: 'Payout' });
    await payout.click();
    await payout.click();
    await expect(this.statements.getByRole('columnheader', { name: 'Payout' })).toHaveAttribute('aria-sort', 'descending');
    const link = this.statements.getByTestId('statement-row').first().getByRole('link');
    const name = (await link.textContent()) ?? '';
    await link.click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
    return name;
  }

  async expectNotFound(): Promise<void> {
    await expect(this.page.getByTestId('not-found')).toBeVisible();
  }
}

/** An API session of a demo user outside the browser, to set data up or look it up (CSRF token included). */
export async function apiAs(request: APIRequestContext, email: string): Promise<{ csrf: string; personId: string | null }> {
  const response = await request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  const me = (await response.json()) as { csrfToken: string; user: { personId: string | null } };
  return { csrf: me.csrfToken, personId: me.user.personId };
}

/**
 * Makes sure the period has a published run, as finance would (specs share one database and
 * may run in any order): starts one when there is none and waits for it.
 */
export async function ensurePublished(request: APIRequestContext, period: string): Promise<void> {
  const { csrf } = await apiAs(request, 'finance@example.com');
  const list = async () => ((await (await request.get(`/api/v1/calc-runs?period=${period}`)).json()) as { items: { status: string }[] }).items;
  if ((await list()).some((r) => r.status === 'published')) return;
  if (!(await list()).some((r) => r.status === 'running')) {
    expect((await request.post('/api/v1/calc-runs', { data: { period }, headers: { 'x-csrf-token': csrf } })).status()).toBe(201);
  }
  await expect.poll(async () => (await list()).some((r) => r.status === 'published'), { timeout: 20_000 }).toBe(true);
}

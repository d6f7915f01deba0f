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

  /** The period panel of the pay cycle (status, close, reopen, payroll). */
  get periodPanel(): Locator {
    return this.page.getByTestId('period-panel');
  }

  /** The period's status as the panel shows it once loaded: 'open', 'closed', or 'none' (no run yet). */
  async periodStatus(): Promise<string> {
    const status = this.periodPanel.getByTestId('period-status');
    await expect(status).toBeVisible();
    return (await status.getAttribute('data-status')) ?? '';
  }

  /** How many statements the counts above the table give for a status. */
  approvalCount(status: string): Locator {
    return this.page.getByTestId('approval-counts').locator(`li[data-status="${status}"]`);
  }

  /** "Approve all I can"; answers how many it approved. */
  async approveAll(): Promise<number> {
    await this.page.getByRole('button', { name: 'Approve all I can' }).click();
    const count = this.page.getByTestId('approved-count');
    await expect(count).toBeVisible({ timeout: 15_000 });
    return Number(await count.getAttribute('data-count'));
  }

  async closePeriod(): Promise<void> {
    await this.periodPanel.getByRole('button', { name: 'Close period' }).click();
    await expect(this.periodPanel.getByTestId('period-status')).toHaveAttribute('data-status', 'closed');
  }

  async requestReopening(reason: string): Promise<void> {
    await this.periodPanel.getByLabel('Reason for reopening').fill(reason);
    await this.periodPanel.getByRole('button', { name: 'Request reopening' }).click();
    await expect(this.periodPanel.getByTestId('reopen-pending')).toContainText(reason);
  }

  async approveReopening(): Promise<void> {
    await this.periodPanel.getByRole('button', { name: 'Approve reopening' }).click();
    await expect(this.periodPanel.getByTestId('period-status')).toHaveAttribute('data-status', 'open');
  }

  /** "Export payroll": the batch as the panel shows it (total in major units, exactly as the file writes amounts). */
  async exportPayroll(): Promise<{ batchId: string; totalMajor: string; payees: number }> {
    await this.periodPanel.getByRole('button', { name: 'Export payroll' }).click();
    const batch = this.periodPanel.getByTestId('payroll-batch');
    await expect(batch).toBeVisible({ timeout: 15_000 });
    return {
      batchId: (await batch.getAttribute('data-batch-id')) ?? '',
      totalMajor: (await batch.getAttribute('data-total-major')) ?? '',
      payees: Number(await batch.getAttribute('data-payees')),
    };
  }

  /** Downloads the exported batch's CSV through its link, as the browser saves it. */
  async downloadPayrollCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.periodPanel.getByRole('link', { name: 'Download payroll CSV' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}

/** Parses an RFC 4180 file (quoted cells, doubled quotes, CRLF or LF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += c;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** "1234.56" (or "'-0.05", formula-safe) -> 123456n: a decimal amount in minor units, exactly (never a float). */
export function majorToMinor(text: string, decimals = 2): bigint {
  const value = text.startsWith("'") ? text.slice(1) : text;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new Error(`not an amount: ${text}`);
  const fraction = (match[3] ?? '').padEnd(decimals, '0');
  if (fraction.length > decimals) throw new Error(`more than ${decimals} decimals: ${text}`);
  const minor = BigInt(`${match[2]}${fraction}`);
  return match[1] === '-' ? -minor : minor;
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

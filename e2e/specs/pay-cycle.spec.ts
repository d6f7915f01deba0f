import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';
import { apiAs, ensurePublished, PayPage } from '../pages/pay.page.js';
import { ShellPage } from '../pages/shell.page.js';

// The demo's fiscal year starts in February: FY2027-Q1 is February to April 2026, when every plan runs.
const PERIOD = 'FY2027-Q1';

test('finance runs the quarter, watches it publish, verifies it and reads a statement', async ({ page }) => {
  await new LoginPage(page).signInAs('finance@example.com');
  const pay = new PayPage(page);
  await pay.openPayCycle();
  // The current fiscal quarter is chosen to begin with.
  await expect(pay.period()).toHaveValue(/^FY\d{4}-Q[1-4]$/);
  await pay.choosePeriod(PERIOD);

  await pay.runCalculation();
  await pay.expectPublished();
  await expect(pay.runs.locator('tr[data-status="published"]').first()).toBeVisible();
  await expect(await pay.verifyLatestRun()).toContainText(/ok · \d+ payees match/);

  // The statements it published, with the chart of payouts.
  await expect(pay.statements.getByTestId('statement-row').first()).toBeVisible();
  const count = await pay.statements.getByTestId('statement-row').count();
  await expect(pay.chart.getByRole('img')).toHaveAttribute('aria-label', new RegExp(`Payout per payee in ${PERIOD}: ${count} payees`));
  await expect(pay.chart.getByTestId('payout-bar')).toHaveCount(Math.min(count, 40));
  const first = (await pay.statements.getByTestId('statement-row').first().getByRole('link').textContent()) ?? '';
  await page.getByLabel('Filter by name').fill(first);
  await expect(pay.statements.getByTestId('statement-row').first()).toContainText(first);
  await page.getByLabel('Filter by name').fill('');

  await pay.openLargestStatement();
  await expect(page.getByTestId('statement-header')).toContainText(PERIOD);
  await expect(pay.statement.getByTestId('explanation-row').first()).toBeVisible();
  await expect(pay.statement.getByTestId('terms-steps').getByRole('listitem').first()).toBeVisible();
  await expect(pay.statement.getByTestId('credit-row').first()).toBeVisible();
  await expect(pay.statement.getByTestId('ledger-row').first()).toBeVisible();

  const csv = await pay.statement.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  expect(csv).toMatch(new RegExp(`^/api/v1/statements/[^/]+/${PERIOD}/csv$`));
  const answer = await page.request.get(csv as string);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('text/csv');
});

test('the rep reads her own statement in My pay, and another payee\'s is not found', async ({ page, playwright, baseURL }) => {
  const finance = await playwright.request.newContext({ baseURL: baseURL as string });
  await ensurePublished(finance, PERIOD);

  await new LoginPage(page).signInAs('rep@example.com');
  const nav = await new ShellPage(page).navItems();
  expect(nav).toContain('My pay');
  expect(nav).not.toContain('Pay cycle');
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { user: { name: string; personId: string } };

  const pay = new PayPage(page);
  await pay.openMyPay();
  await pay.choosePeriod(PERIOD);
  await expect(page.getByTestId('statement-header').getByRole('heading', { level: 1 })).toHaveText(me.user.name);
  await expect(page.getByTestId('statement-header')).toContainText(PERIOD);
  await expect(pay.statement.getByTestId('explanation-row').first()).toBeVisible();

  // Someone else's statement, by its address: the same page as an address that does not exist.
  await apiAs(finance, 'finance@example.com');
  const all = (await (await finance.get(`/api/v1/statements?period=${PERIOD}`)).json()) as { items: { personId: string; personName: string }[] };
  const theirs = all.items.find((s) => s.personId !== me.user.personId);
  expect(theirs).toBeDefined();
  await page.goto(`/statements/${theirs?.personId}/${PERIOD}`);
  await pay.expectNotFound();
  await expect(page.getByText(theirs?.personName ?? '')).toHaveCount(0);
  expect((await page.request.get(`/api/v1/statements/${theirs?.personId}/${PERIOD}`)).status()).toBe(404);
  expect((await page.request.get(`/api/v1/statements/${theirs?.personId}/${PERIOD}/csv`)).status()).toBe(404);
  await finance.dispose();
});

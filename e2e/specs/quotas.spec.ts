import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';
import { QuotasPage } from '../pages/quotas.page.js';

const minorOf = (text: string | null): bigint => BigInt((text ?? '').replace(/[^\d]/g, '') || '0');

test('sales ops cascades next year\'s number to the sellers and sees whether it is fair; a rep has no quota screen', async ({ page }) => {
  await new LoginPage(page).signInAs('ops@example.com');
  const quotas = new QuotasPage(page);
  await quotas.open();
  await quotas.allocate({ year: '2027', target: '60000000', historyWeight: '60', maxGrowth: '100' });
  // Every seller has a row, and the quotas add up to the number exactly.
  const count = await quotas.sellers.count();
  expect(count).toBeGreaterThan(5);
  const cells = await page.getByTestId('seller-quota').allTextContents();
  expect(cells.reduce((s, t) => s + minorOf(t), 0n)).toBe(6_000_000_000n);
  await expect(page.getByTestId('quota-total')).toContainText('60,000,000.00');
  await expect(page.getByTestId('quota-chart').getByTestId('quota-bar')).toHaveCount(count);
  await expect(page.getByTestId('quota-at-quota')).toBeVisible();
  await expect(page.getByTestId('quota-cascade').locator('tbody tr').first()).toBeVisible();
  // Sorting by seller puts the names in order.
  await page.getByTestId('quota-sellers').getByRole('button', { name: 'Seller' }).click();
  const names = await quotas.sellers.locator('th').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

  await page.context().clearCookies();
  await new LoginPage(page).signInAs('rep@example.com');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotas' })).toHaveCount(0);
});

import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';

test('a director reads her region\'s output, drills from a manager to a seller to a deal; a rep sees only her own', async ({ page }) => {
  test.setTimeout(60_000);
  await new LoginPage(page).signInAs('director@example.com');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Performance' }).click();
  await expect(page.getByRole('heading', { name: 'Performance', level: 1 })).toBeVisible();
  const root = page.getByTestId('performance-root');
  await expect(root.getByRole('heading', { level: 2 })).toContainText('Dana Director');
  await expect(root.getByTestId('perf-bookings')).toContainText('$');
  await expect(page.getByTestId('attainment-bars')).toBeVisible();
  // Sort by bookings, largest first, then open Maria's team and Ray's deals.
  const children = page.getByTestId('performance-children');
  await children.getByRole('button', { name: 'Bookings' }).click();
  await children.getByRole('button', { name: 'Bookings' }).click();
  await expect(children.getByRole('columnheader', { name: /Bookings/ })).toHaveAttribute('aria-sort', 'descending');
  // The table as a file, as on screen.
  const download = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Below Dana Director' }).getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^performance-FY\d{4}-Q\d-Dana Director\.csv$/);
  expect(await readFile(await file.path(), 'utf8')).toMatch(/^person,title,bookings[\s\S]*Maria Manager,/);
  await children.getByRole('button', { name: 'Maria Manager' }).click();
  await expect(root.getByRole('heading', { level: 2 })).toContainText('Maria Manager');
  await expect(page.getByRole('navigation', { name: 'Drill-down path' })).toContainText('Maria Manager');
  await page.getByTestId('performance-children').getByRole('button', { name: 'Ray Rep' }).click();
  const deals = page.getByTestId('performance-deals');
  await expect(deals.locator('tbody tr').first()).toBeVisible();
  // A year reads the same way.
  await page.getByLabel('Period').selectOption({ index: 4 });
  await expect(root.getByRole('heading', { level: 2 })).toContainText(/FY\d{4},/);
  const first = deals.locator('tbody tr').first().getByRole('link');
  const name = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

  await page.context().clearCookies();
  await new LoginPage(page).signInAs('rep@example.com');
  await page.goto('/performance');
  await expect(page.getByTestId('performance-root').getByRole('heading', { level: 2 })).toContainText('Ray Rep');
  await expect(page.getByTestId('performance-children')).toHaveCount(0);
  await expect(page.getByTestId('performance-deals')).toBeVisible();
});

test('a manager checks her team\'s CRM data quality, opens a rep\'s failing deals and goes to one to fix it', async ({ page }) => {
  test.setTimeout(60_000);
  await new LoginPage(page).signInAs('manager@example.com');
  await page.goto('/performance');
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Data quality' }).click();
  const panel = page.getByTestId('data-quality');
  await expect(panel.getByTestId('quality-summary')).toContainText('open deals pass every check');
  await expect(panel.getByTestId('quality-people').locator('tbody tr').first()).toContainText('Maria Manager');
  await panel.getByTestId('quality-people').getByRole('button', { name: 'Ray Rep' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Data quality: Ray Rep');
  const issues = panel.getByTestId('quality-issues');
  await expect(issues.locator('tbody tr').first()).toBeVisible();
  const link = issues.locator('tbody tr').first().getByRole('link');
  const name = (await link.textContent()) ?? '';
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
});

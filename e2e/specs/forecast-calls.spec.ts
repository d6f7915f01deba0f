import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';

test('a manager calls her quarter and adjusts a rep\'s commit; her director sees the roll-up with the statistical range beside it; the rep keeps his own call', async ({ page }) => {
  test.setTimeout(90_000);
  await new LoginPage(page).signInAs('manager@example.com');
  await page.goto('/forecast');
  const rollup = page.getByTestId('forecast-rollup');
  const row = (name: string) => rollup.locator(`tr[data-person="${name}"]`);
  await expect(row('Maria Manager')).toBeVisible();
  await rollup.getByLabel('Commit', { exact: true }).fill('6,000,000');
  await rollup.getByLabel('Best case', { exact: true }).fill('7,500,000');
  await rollup.getByLabel('Note').fill('two renewals land in January');
  await rollup.getByRole('button', { name: 'Submit call' }).click();
  await expect(rollup.getByRole('status')).toHaveText('Call submitted.');
  await expect(row('Maria Manager').getByTestId('rollup-forecast-commit')).toHaveText('$6,000,000.00');

  await row('Ray Rep').getByRole('button', { name: 'Adjust' }).click();
  const adjust = rollup.getByRole('form', { name: 'Adjust Ray Rep\'s forecast' });
  await adjust.getByLabel('Adjusted amount').fill('1,000,000');
  await adjust.getByLabel('Reason').fill('Acme slips to next quarter');
  await adjust.getByRole('button', { name: 'Save adjustment' }).click();
  await expect(row('Ray Rep').getByTestId('rollup-adjusted')).toHaveText('C $1,000,000.00');
  await expect(row('Ray Rep').getByTestId('rollup-forecast-commit')).toHaveText('$1,000,000.00');

  // Her director: Maria's call counts in her roll-up, with the statistical range of the same deals beside it.
  await page.context().clearCookies();
  await new LoginPage(page).signInAs('director@example.com');
  await page.goto('/forecast');
  await expect(row('Dana Director')).toBeVisible();
  await expect(row('Maria Manager').getByTestId('rollup-forecast-commit')).toHaveText('$6,000,000.00');
  await expect(row('Maria Manager').getByRole('button', { name: 'Adjust' })).toBeVisible();
  await expect(rollup.getByTestId('rollup-range').getByTestId('forecast-band-commit')).toBeVisible();
  // Drill into Maria's team, then read a past week as the Monday snapshot kept it.
  await row('Maria Manager').getByRole('button', { name: 'Maria Manager', exact: true }).click();
  await expect(rollup.getByRole('navigation', { name: 'Roll-up path' })).toContainText('Maria Manager');
  await expect(rollup.locator('tbody tr').first()).toHaveAttribute('data-person', 'Maria Manager');
  await expect(row('Ray Rep').getByTestId('rollup-adjusted')).toHaveText('C $1,000,000.00');
  const week = rollup.getByLabel('Week');
  await week.selectOption({ index: 2 });
  await expect(row('Maria Manager')).toBeVisible();
  await expect(rollup.getByRole('button', { name: 'Adjust' })).toHaveCount(0);

  // By territory: the active model's territories (or, on a demo without one, the way to get it).
  await rollup.getByRole('group', { name: 'Roll up by' }).getByRole('button', { name: 'By territory' }).click();
  await expect(rollup.getByTestId('territory-rollup').or(rollup.getByTestId('territory-rollup-none'))).toBeVisible();
  await rollup.getByRole('group', { name: 'Roll up by' }).getByRole('button', { name: 'By people' }).click();

  // Ray sees his own line, never his manager's adjustment of it.
  await page.context().clearCookies();
  await new LoginPage(page).signInAs('rep@example.com');
  await page.goto('/forecast');
  await expect(rollup.locator('tbody tr')).toHaveCount(1);
  await expect(row('Ray Rep').getByTestId('rollup-adjusted')).toHaveText('–');
});

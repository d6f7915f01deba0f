import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';

const moneyOf = (text: string | null): number => Number((text ?? '').replace(/[^\d.]/g, ''));

test('a manager sees her team\'s quarter with the P10-P90 band beside the baseline, then how such forecasts did week by week; a rep sees her own', async ({ page }) => {
  test.setTimeout(60_000);
  await new LoginPage(page).signInAs('manager@example.com');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click();
  await expect(page.getByRole('heading', { name: 'Forecast', level: 1 })).toBeVisible();
  const quarter = page.getByTestId('forecast-quarter');
  await expect(quarter.getByTestId('forecast-band')).toBeVisible();
  const teamP50 = moneyOf(await quarter.getByTestId('forecast-p50').textContent());
  expect(teamP50).toBeGreaterThan(0);
  // The P50 is at least what is won.
  expect(teamP50).toBeGreaterThanOrEqual(moneyOf(await quarter.getByTestId('forecast-won').textContent()));
  const thisQuarter = (await quarter.getByRole('heading', { level: 2 }).textContent())?.split(' ')[0] ?? '';
  await page.getByRole('button', { name: 'Next quarter' }).click();
  await expect(quarter.getByRole('heading', { level: 2 })).not.toContainText(thisQuarter);

  await page.getByRole('button', { name: 'Run the backtest' }).click();
  await expect(page.getByTestId('forecast-curve')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('forecast-backtest').locator('tbody tr')).toHaveCount(13);

  await page.context().clearCookies();
  await new LoginPage(page).signInAs('rep@example.com');
  await page.goto('/forecast');
  await expect(page.getByTestId('forecast-quarter')).toBeVisible();
});

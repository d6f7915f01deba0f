import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';
import { PlanEditorPage } from '../pages/plan-editor.page.js';
import { ShellPage } from '../pages/shell.page.js';

test('sales ops edits the AE plan: sees a problem by line and column, fixes it, previews and saves the next version; finance publishes it', async ({ page }) => {
  await new LoginPage(page).signInAs('ops@example.com');
  const plans = new PlanEditorPage(page);
  await plans.openList();
  // The demo has this year's version 1 and next year's version 2 published.
  await expect(await plans.latestVersionOf('ae-quota-commission')).toHaveText('2');
  await plans.openPlan('Account executive quota commission');
  const original = await plans.savedSource(2);

  // A typo in the tier mode: named with its line and column, inline and in the list.
  await plans.replaceSource(original.replace('mode: marginal', 'mode: marginall'));
  await plans.expectProblem('Line 15, column 13', 'plan.components[0].mode');
  await plans.goToProblem('Line 15, column 13');
  await expect(plans.activeLine()).toContainText('mode: marginall');

  await plans.replaceSource(original);
  await plans.expectNoProblems();
  await expect(plans.chart).toBeVisible();
  await expect(plans.chart.getByTestId('curve-point')).toHaveCount(41);

  await plans.saveNewVersion();
  await plans.expectSaved(3);
  // The version in the text was moved on for the user, comments and all.
  expect(await plans.savedSource(3)).toBe(original.replace('version: 2', 'version: 3'));

  // Her own draft: she cannot publish it.
  await expect(plans.version(3)).toContainText('you wrote it: another comp admin publishes it');
  await expect(plans.version(3).getByRole('button')).toHaveCount(0);

  await plans.openList();
  await expect(await plans.latestVersionOf('ae-quota-commission')).toHaveText('3');

  // Finance publishes it.
  await page.context().clearCookies();
  await new LoginPage(page).signInAs('finance@example.com');
  await plans.openList();
  await plans.openPlan('Account executive quota commission');
  await plans.publish(3);
  await expect(plans.version(2).locator('.badge')).toHaveText('published');
});

test('a rep has no Plans in the menu and finds nothing at /plans', async ({ page }) => {
  await new LoginPage(page).signInAs('rep@example.com');
  expect(await new ShellPage(page).navItems()).not.toContain('Plans');
  await page.goto('/plans');
  await expect(page.getByTestId('not-found')).toBeVisible();
  expect((await page.request.get('/api/v1/plans')).status()).toBe(403);
});

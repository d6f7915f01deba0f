import { expect, test } from '@playwright/test';
import { CoveragePage } from '../pages/coverage.page.js';
import { LoginPage } from '../pages/login.page.js';
import { ShellPage } from '../pages/shell.page.js';

// Specs share one demo database: counts are checked for being positive and adding up, never for exact values.
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

test('sales ops reshapes the starter model, plans a headcount, saves it and applies it to the accounts', async ({ page }) => {
  test.setTimeout(60_000);
  await new LoginPage(page).signInAs('ops@example.com');
  const coverage = new CoveragePage(page);

  let before: Record<string, number> = {};
  await test.step('the starter segments place every account', async () => {
    await coverage.open();
    await expect(coverage.version).toHaveText('Starter model, not saved yet');
    await coverage.settled();
    before = await coverage.segmentCounts();
    expect(Object.keys(before)).toEqual(['enterprise', 'mid-market', 'smb']);
    for (const count of Object.values(before)) expect(count).toBeGreaterThan(0);
    expect(sum(before)).toBe(await coverage.totalAccounts());
    await expect(coverage.segmentRow('enterprise')).toContainText(/employees ≥ [\d,]+/);
    await expect(coverage.segmentRow('smb')).toContainText('everything else');
  });

  // The starter cuts mid-market at 200 employees, as the demo's accounts were made; 500 moves some to SMB.
  await test.step('a higher mid-market threshold moves accounts to SMB', async () => {
    await coverage.setConditionValue('mid-market', 1, '500');
    await expect(coverage.segmentRow('mid-market')).toContainText('employees ≥ 500');
    await coverage.settled();
    const after = await coverage.segmentCounts();
    expect(after['mid-market']).toBeLessThan(before['mid-market'] as number);
    expect(after['smb']).toBeGreaterThan(before['smb'] as number);
    expect(sum(after)).toBe(sum(before));
  });

  await test.step('an AE headcount shows the potential it covers and leaves uncovered', async () => {
    const ae = coverage.roleRow('ae');
    await expect(ae.getByTestId('covered')).toHaveText('');
    await coverage.setHeadcount('Account executive', '2');
    await coverage.settled();
    await expect(ae.getByTestId('covered')).toContainText(/\$[\d,]+\.\d\d · [\d,]+ accounts/);
    await expect(ae.getByTestId('uncovered')).toContainText(/\$[\d,]+\.\d\d · [\d,]+ accounts/);
    await expect(ae.getByTestId('coverage-split')).toBeVisible();
  });

  await test.step('the model is saved as version 1 and applied to the accounts', async () => {
    await coverage.save();
    await expect(page.getByTestId('coverage-notice')).toHaveText('Saved as version 1.');
    await expect(coverage.version).toContainText('Version 1');
    await expect(coverage.editor.getByRole('group', { name: 'Role: Account executive' }).getByLabel('Headcount')).toHaveValue('2');
    await coverage.settled();
    const changes = await coverage.applyToAccounts();
    expect(changes).toBeGreaterThan(0);
    await expect(coverage.applyPanel.getByTestId('apply-result')).toContainText(`Applied version 1: ${changes.toLocaleString('en-US')} account`);
  });
});

test('a manager reads the coverage tables and charts without editing them', async ({ page }) => {
  await new LoginPage(page).signInAs('manager@example.com');
  const coverage = new CoveragePage(page);
  await coverage.open();
  await coverage.settled();
  expect(await coverage.totalAccounts()).toBeGreaterThan(0);
  await expect(page.getByTestId('segment-chart')).toBeVisible();
  await expect(page.getByTestId('capacity-table')).toBeVisible();
  await expect(coverage.editor).toHaveCount(0);
  await expect(coverage.applyPanel).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
});

test('a rep has no Coverage: not in the menu, and the API refuses her', async ({ page }) => {
  await new LoginPage(page).signInAs('rep@example.com');
  expect(await new ShellPage(page).navItems()).not.toContain('Coverage');
  expect((await page.request.get('/api/v1/coverage/model')).status()).toBe(403);
});

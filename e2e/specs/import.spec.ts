import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ImportPage } from '../pages/import.page.js';
import { LoginPage } from '../pages/login.page.js';
import { unlabelledInputs } from '../pages/quality.js';

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'attain-e2e-import-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV file in the test's temporary folder. */
function csvFile(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

test('sales ops imports accounts: the dry run names the bad row and blocks the import, the fixed file imports', async ({ page }) => {
  const tag = randomUUID().slice(0, 8);
  const name = `Importia ${tag}`;
  const header = 'externalId,name,industry,employees';
  const bad = csvFile('accounts-bad.csv', [header, `E2E-${tag}-1,${name},Software,120`, `E2E-${tag}-2,"${name} Two, Inc.",Retail,many`]);
  const good = csvFile('accounts-good.csv', [header, `E2E-${tag}-1,${name},Software,120`, `E2E-${tag}-2,"${name} Two, Inc.",Retail,45`]);

  await new LoginPage(page).signInAs('ops@example.com');
  const wizard = new ImportPage(page);
  await wizard.openFromNavigation();
  await wizard.chooseEntity('Accounts');
  await wizard.chooseSource('Attain CSV');
  await wizard.chooseFile(bad, 'accounts-bad.csv');
  await wizard.toMapping();
  expect(await unlabelledInputs(page)).toEqual([]);
  await expect(wizard.targetOf('employees')).toHaveValue('employees');
  await expect(wizard.targetOf('externalId')).toHaveValue('externalId');

  await wizard.dryRun();
  await expect(wizard.problems()).toBeVisible();
  expect(await wizard.problemRows()).toEqual([['3', 'employees', 'is not a number', 'many']]);
  await expect(wizard.cellsOfLine(3)).toContainText(`${name} Two, Inc.`);
  await expect(wizard.importButton()).toBeDisabled();
  await expect(page.getByText('Nothing can be imported while the file has problems')).toBeVisible();

  await wizard.chooseAnotherFile();
  await wizard.chooseFile(good, 'accounts-good.csv');
  await wizard.toMapping();
  await wizard.dryRun();
  await expect(page.getByText('No problems found')).toBeVisible();
  await expect(wizard.problems()).toHaveCount(0);
  await expect(wizard.importButton()).toHaveText('Import 2 rows');
  await wizard.importButton().click();

  await expect(wizard.progressBar()).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByText('Import complete')).toBeVisible();
  await expect(wizard.result()).toHaveText('Accounts imported: 2 created, 0 updated, 0 unchanged.');
  await expect(page.getByRole('link', { name: 'Open accounts' })).toHaveAttribute('href', '/accounts');

  await page.goto(`/accounts?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('main').getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByText(`${name} Two, Inc.`, { exact: true })).toBeVisible();
});

test('a rep has no Import in the navigation, and /import says she may not import', async ({ page }) => {
  await new LoginPage(page).signInAs('rep@example.com');
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByRole('link', { name: 'Accounts' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Import' })).toHaveCount(0);

  await page.goto('/import');
  await expect(page.getByTestId('import-not-allowed')).toContainText('You are not allowed to import records');
  await expect(page.getByLabel('CSV file')).toHaveCount(0);
});

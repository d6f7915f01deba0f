import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ListPage } from '../pages/list.page.js';
import { LoginPage } from '../pages/login.page.js';

test('the manager filters, sorts, picks columns, saves a view and exports it', async ({ page }) => {
  await new LoginPage(page).signInAs('manager@example.com');
  const list = new ListPage(page, 'Opportunities');
  await list.open();

  // Filter to one rep of the team: every row is hers.
  const owners = await page.getByRole('group', { name: 'Filters' }).getByLabel('Owner', { exact: true }).locator('option').allTextContents();
  const rep = owners.find((o) => o !== 'Any') as string;
  await list.filter('Owner', rep);
  expect(new Set(await list.column('Owner'))).toEqual(new Set([rep]));
  await list.filter('Closed', 'No');

  // Largest first.
  await list.sortBy('Amount');
  await list.sortBy('Amount');
  await expect(page.getByRole('columnheader', { name: /Amount/ })).toHaveAttribute('aria-sort', 'descending');
  const amounts = (await list.column('Amount')).map((a) => Number(a.replace(/[^0-9.]/g, '')));
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

  await list.toggleColumn('Next step');
  await expect(page.getByRole('columnheader', { name: 'Next step' })).toBeVisible();

  await list.saveView('E2E open deals by size');
  const saved = page.url();
  await list.open();
  await expect(page.getByRole('columnheader', { name: 'Next step' })).toHaveCount(0);
  await list.openView('E2E open deals by size');
  expect(new URL(page.url()).search).toBe(new URL(saved).search);
  await expect(page.getByRole('columnheader', { name: 'Next step' })).toBeVisible();

  // The export holds exactly the rows of the view.
  const shown = await list.rows().count();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toMatch(/^id,/);
  if (shown < 50) expect(lines.length - 1).toBe(shown);
  else expect(lines.length - 1).toBeGreaterThanOrEqual(shown);
});

test('search narrows a list by name', async ({ page }) => {
  await new LoginPage(page).signInAs('ops@example.com');
  const list = new ListPage(page, 'Accounts');
  await list.open();
  const first = (await list.column('Name'))[0] as string;
  const word = first.split(' ')[0] as string;
  await list.search(word);
  const names = await list.column('Name');
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name.toLowerCase()).toContain(word.toLowerCase());
});

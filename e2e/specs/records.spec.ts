import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';
import { RecordPage } from '../pages/record.page.js';

test('the rep creates an opportunity, edits it in place, and sees each change in its history', async ({ page }) => {
  await new LoginPage(page).signInAs('rep@example.com');
  await page.goto('/opportunities/new');
  await page.getByLabel('Name', { exact: true }).fill('E2E Globex expansion');
  await page.getByLabel('Amount', { exact: true }).fill('12,500.00');
  await page.getByRole('button', { name: 'Create opportunity' }).click();
  // The server names the missing field; the message sits under it.
  await expect(page.locator('.field', { has: page.getByLabel('Close date', { exact: true }) }).locator('.field-error')).toBeVisible();
  await page.getByLabel('Close date', { exact: true }).fill('2027-03-31');
  await page.getByRole('button', { name: 'Create opportunity' }).click();

  const record = new RecordPage(page);
  await record.expectTitle('E2E Globex expansion');
  await expect(record.value('amountMinor')).toContainText('$12,500.00');
  await expect(record.history()).toContainText('Created in');

  // Three decimals for dollars: refused before it reaches the server.
  await record.edit('Amount', '15000.005');
  await record.expectFieldError('amountMinor', /more than 2 decimals/);
  // A name cannot be emptied: the API's message is placed on the field.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await record.edit('Name', '');
  await expect(page.locator('[data-field="name"] .field-error')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await record.edit('Amount', '15000');
  await expect(record.value('amountMinor')).toContainText('$15,000.00');
  await expect(record.history()).toContainText('Amount: $12,500.00 → $15,000.00');
});

test('the rep marks an overdue activity done from her home', async ({ page }) => {
  await new LoginPage(page).signInAs('rep@example.com');
  const overdue = page.getByRole('region', { name: /Overdue activities/ }).getByRole('link').first();
  const subject = (await overdue.textContent()) as string;
  await overdue.click();
  const record = new RecordPage(page);
  await record.expectTitle(subject);
  await expect(record.value('doneAt')).toContainText('—');
  await page.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByRole('button', { name: 'Mark done' })).toHaveCount(0);
  await expect(record.value('doneAt')).not.toContainText('—');
});

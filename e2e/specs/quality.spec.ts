import { expect, test } from '@playwright/test';
import { ListPage } from '../pages/list.page.js';
import { LoginPage } from '../pages/login.page.js';
import { layoutShift, recordLayoutShifts, unlabelledInputs } from '../pages/quality.js';

test('pages do not shift as their data arrives, and every input has a label', async ({ page }) => {
  await recordLayoutShifts(page);
  await new LoginPage(page).signInAs('manager@example.com');
  for (const path of ['/', '/opportunities', '/accounts', '/board']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await layoutShift(page), `layout shift on ${path}`).toBeLessThanOrEqual(0.1);
    expect(await unlabelledInputs(page), `unlabelled inputs on ${path}`).toEqual([]);
  }
  const list = new ListPage(page, 'Opportunities');
  await list.open();
  await list.rows().first().getByRole('link').first().click();
  await page.waitForLoadState('networkidle');
  expect(await layoutShift(page), 'layout shift on a record page').toBeLessThanOrEqual(0.1);
  expect(await unlabelledInputs(page)).toEqual([]);
});

test('the keyboard reaches everything: skip link first, a visible focus ring, the palette by shortcut', async ({ page }) => {
  await new LoginPage(page).signInAs('rep@example.com');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // g then o goes to the opportunities; Ctrl+K opens the palette; Escape closes it.
  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await expect(page.getByRole('heading', { level: 1, name: 'Opportunities' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Search records or type a command' })).toBeFocused();
  await page.keyboard.type('board');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/board/);
});

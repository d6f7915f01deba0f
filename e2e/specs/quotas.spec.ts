import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';
import { QuotaPlanPage, QuotasPage } from '../pages/quotas.page.js';
import { ShellPage } from '../pages/shell.page.js';

const minorOf = (text: string | null): bigint => BigInt((text ?? '').replace(/[^\d]/g, '') || '0');

test('sales ops cascades next year\'s number to the sellers and sees whether it is fair, in bookings, new logos and ACV, over the sellers or a territory model\'s territories; a rep has no quota screen', async ({ page }) => {
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

  // New logos are allocated as whole customers, beside last year's new logos.
  await quotas.allocate({ year: '2027', target: '120', measure: 'New logos' });
  await expect(page.getByTestId('quota-total')).toHaveText(`120 to ${count} sellers`);
  const logos = await page.getByTestId('seller-quota').allTextContents();
  expect(logos.reduce((s, t) => s + BigInt(t.replace(/[^\d]/g, '') || '0'), 0n)).toBe(120n);
  await expect(page.getByTestId('quota-sellers').getByRole('button', { name: 'New logos last year' })).toBeVisible();

  // ACV: money, from the annual value of last year's new and expansion deals (the demo's multi-year contracts count a year each).
  await quotas.allocate({ year: '2027', target: '30000000', measure: 'ACV (annual contract value)' });
  await expect(page.getByTestId('quota-total')).toContainText('30,000,000.00');
  await expect(page.getByTestId('quota-sellers').getByRole('button', { name: 'ACV last year' })).toBeVisible();

  await test.step('over a territory model\'s territories: each territory\'s share, its owner carrying it', async () => {
    // A planning model of four territories, made through the API (planning territories in the browser is territories.spec's).
    const headers = { 'x-csrf-token': await new ShellPage(page).csrf() };
    const model = (await (await page.request.post('/api/v1/territory-models', { data: { name: 'Quota regions' }, headers })).json()) as { id: string };
    expect((await page.request.post(`/api/v1/territory-models/${model.id}/optimize`, { data: { territories: 4, baseVersion: 1 }, headers })).status()).toBe(200);
    await page.reload();
    await quotas.allocate({ year: '2027', target: '60000000', basis: 'Territories', model: 'Quota regions (planning)' });
    const territories = page.getByTestId('quota-territories');
    await expect(territories).toContainText('By the territories of Quota regions');
    await expect(territories.getByTestId('quota-territory')).toHaveCount(4);
    const shares = await territories.getByTestId('quota-territory').locator('td:last-child').allTextContents();
    expect(shares.reduce((sum, t) => sum + minorOf(t), 0n)).toBe(6_000_000_000n);
  });

  await page.context().clearCookies();
  await new LoginPage(page).signInAs('rep@example.com');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotas' })).toHaveCount(0);
});

test('next year\'s quotas: sales ops keeps the allocation as a plan with seasonality and ramp and sets one by hand; the manager proposes and signs off, which approval waits for; finance approves; the rep\'s assignment carries it', async ({ page }) => {
  // Four people sign in one after another.
  test.setTimeout(90_000);
  await new LoginPage(page).signInAs('ops@example.com');
  const quotas = new QuotasPage(page);
  const plan = new QuotaPlanPage(page);
  await quotas.open();
  await quotas.allocate({ year: '2028', target: '60000000', historyWeight: '60' });
  await plan.keepAsPlan('2028', '20, 20, 20, 40', { waitForSignOffs: true });
  await expect(plan.status).toHaveText('Draft');
  await expect(page.getByTestId('cascade-chart').getByTestId('cascade-bar').first()).toBeVisible();
  // The sellers' and placeholders' quotas under the company add up to the number exactly.
  const sellers = plan.lines.and(page.locator('[data-kind="seller"]'));
  expect(await sellers.count()).toBeGreaterThan(5);
  const annuals = await sellers.getByTestId('line-annual').allTextContents();
  expect(annuals.reduce((s, t) => s + minorOf(t), 0n)).toBe(6_000_000_000n);

  await test.step('a quota set by hand with its reason is the next version, and the comparison shows it', async () => {
    await plan.setQuota('Ray Rep', '2500000', 'takes the west');
    await expect(plan.line('Ray Rep').getByTestId('line-annual')).toContainText('2,500,000.00');
    await expect(page.getByTestId('quota-version')).toContainText('v2');
    await expect(page.getByTestId('quota-compare').getByTestId('compare-line')).toHaveCount(1);
    await expect(page.getByTestId('quota-compare').getByTestId('compare-line')).toContainText('takes the west');
    // A seller to be hired from May carries quota for the rest of the year only.
    const form = page.getByTestId('placeholder-form');
    await form.getByLabel('To be hired').fill('New AE (West)');
    await form.getByLabel('Manager').selectOption({ label: 'Maria Manager' });
    await form.getByLabel('Starts').fill('2027-05-01');
    await form.getByLabel(/Annual quota/).fill('1200000');
    await form.getByLabel('Why').fill('approved headcount');
    await form.getByRole('button', { name: 'Add' }).click();
    const hire = plan.line('New AE (West)');
    await expect(hire).toContainText('to be hired');
    await expect(hire.getByTestId('line-annual')).toContainText('1,200,000.00');
    expect(minorOf(await hire.getByTestId('line-in-year').textContent())).toBeLessThan(120_000_000n);
  });

  await test.step('bottom-up: the manager proposes a number for her team; sales ops takes it into the next version and submits; she signs it off', async () => {
    await page.context().clearCookies();
    await new LoginPage(page).signInAs('manager@example.com');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team quotas' }).click();
    await page.getByTestId('team-quota-plans').getByRole('link', { name: 'FY2028 bookings' }).click();
    const input = page.getByRole('textbox', { name: /^Proposed quota for / }).and(page.locator(':not([aria-label="Proposed quota for Ray Rep"])')).first();
    const name = ((await input.getAttribute('aria-label')) ?? '').replace('Proposed quota for ', '');
    await input.fill('1000000');
    await page.getByRole('textbox', { name: `Why, for ${name}` }).fill('a new territory to build');
    await page.getByRole('button', { name: 'Send proposal' }).click();
    await expect(page.getByTestId('team-quota-proposals')).toContainText(`${name} $1,000,000.00 (a new territory to build)`);

    await page.context().clearCookies();
    await new LoginPage(page).signInAs('ops@example.com');
    await quotas.open();
    await page.getByTestId('quota-plans').getByRole('link', { name: 'FY2028 bookings' }).click();
    await page.getByTestId('quota-proposal').getByRole('button', { name: 'Take into the next version' }).click();
    await expect(plan.line(name).getByTestId('line-annual')).toContainText('1,000,000.00');
    await expect(page.getByTestId('quota-version')).toContainText('v4');
    await plan.act('Submit for approval', 'FY2028 for approval');
    await expect(plan.status).toHaveText('In review');
    // The plan waits for the sign-off of every manager with a login, Maria and her director, before finance may approve it.
    await expect(page.getByTestId('quota-waiting')).toHaveText('Approval waits for the sign-off of Dana Director, Maria Manager.');

    for (const manager of ['manager@example.com', 'director@example.com']) {
      await page.context().clearCookies();
      await new LoginPage(page).signInAs(manager);
      await page.goto('/team-quotas');
      await page.getByTestId('team-quota-plans').getByRole('link', { name: 'FY2028 bookings' }).click();
      await page.getByRole('button', { name: 'Sign off version 4' }).click();
      await expect(page.getByTestId('team-quota')).toContainText('signed off by you');
    }
  });

  await test.step('finance approves (padding, if any, with the comment); the quotas go into the plan assignments', async () => {
    await page.context().clearCookies();
    await new LoginPage(page).signInAs('finance@example.com');
    await quotas.open();
    await page.getByTestId('quota-plans').getByRole('link', { name: 'FY2028 bookings' }).click();
    await expect(page.getByTestId('quota-sign-offs')).toContainText('Maria Manager');
    await expect(page.getByTestId('quota-sign-offs')).toContainText('Dana Director');
    await plan.act('Approve version 4', 'approved with the west');
    await expect(plan.status).toHaveText('Approved');
    await expect(page.getByTestId('quota-applied')).toContainText('Ray Rep: $2,500,000.00 a year from Feb 1, 2027 (rolled forward), to Dec 31, 2027: her plan version ends there');
    await expect(page.getByTestId('quota-history')).toContainText('Approved v4 by');
    await expect(page.getByTestId('quota-skipped')).toContainText('New AE (West): to be hired');
  });

  await test.step('the rep sees her new quota in her own plan assignments, phased by the plan\'s seasonality', async () => {
    await page.context().clearCookies();
    await new LoginPage(page).signInAs('rep@example.com');
    const mine = (await (await page.request.get('/api/v1/assignments')).json()) as { items: { id: string; validFrom: string; annualQuotaMinor: string | null }[] };
    const next = mine.items.find((a) => a.validFrom === '2027-02-01');
    expect(next?.annualQuotaMinor).toBe('250000000');
    const terms = (await (await page.request.get(`/api/v1/assignments/${next?.id}?period=FY2028-Q1`)).json()) as { terms: { quota: { amountMinor: string } } };
    expect(terms.terms.quota.amountMinor).toBe('50000000');
  });
});

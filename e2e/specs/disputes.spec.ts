import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';
import { ensurePublished, PayPage } from '../pages/pay.page.js';

// The demo's fiscal year starts in February: FY2027-Q1 (February to April 2026) stays open in every spec.
const PERIOD = 'FY2027-Q1';

test('a rep disputes a line and finance resolves it with an adjustment', async ({ page, browser, playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL: baseURL as string });
  await ensurePublished(api, PERIOD);
  const comment = `Tier rate looks low (${Date.now()})`;

  // The rep disputes the first line of her statement.
  await new LoginPage(page).signInAs('rep@example.com');
  const pay = new PayPage(page);
  await pay.openMyPay();
  await pay.choosePeriod(PERIOD);
  // Her statement's own page (My pay shows the same statement; disputes are raised from its page).
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { user: { personId: string } };
  await page.goto(`/statements/${me.user.personId}/${PERIOD}`);
  await pay.statement.getByTestId('dispute-line').first().click();
  const dialog = page.getByTestId('dispute-dialog');
  await dialog.getByLabel('What is wrong').fill(comment);
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toBeHidden();
  const mine = page.getByTestId('statement-dispute').filter({ hasText: /Open/ });
  await expect(mine.first()).toBeVisible();
  const statementUrl = page.url();

  // Finance finds it on the Disputes page with its age, answers and resolves it with 100.00.
  const financeContext = await browser.newContext();
  const finance = await financeContext.newPage();
  await new LoginPage(finance).signInAs('finance@example.com');
  await finance.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Disputes' }).click();
  await expect(finance.getByRole('heading', { name: 'Disputes', level: 1 })).toBeVisible();
  await expect(finance.getByTestId('dispute-count-open')).not.toContainText('…');
  await expect(finance.getByTestId('dispute-row').filter({ hasText: 'Ray Rep' }).first()).toBeVisible();
  await expect(finance.getByTestId('dispute-row').first().getByTestId('dispute-age')).toHaveText(/today|\d+ days?/);
  // Newest-raised is this one: open the rep's dispute whose thread holds the comment.
  await finance.getByTestId('dispute-row').filter({ hasText: 'Ray Rep' }).getByRole('link').first().click();
  await expect(finance.getByTestId('dispute-detail')).toBeVisible();
  if (!(await finance.getByTestId('dispute-message').filter({ hasText: comment }).isVisible())) {
    // More than one of hers is open (a re-run spec): pick ours through the API.
    const list = (await (await finance.request.get('/api/v1/disputes?status=open')).json()) as { items: { id: string; comment: string }[] };
    await finance.goto(`/disputes/${list.items.find((d) => d.comment === comment)?.id ?? ''}`);
  }
  await expect(finance.getByTestId('dispute-message').filter({ hasText: comment })).toBeVisible();
  await expect(finance.getByTestId('dispute-age')).toHaveText('today');
  await finance.getByTestId('dispute-assign-me').click();
  await expect(finance.getByTestId('dispute-status')).toHaveText('Assigned');
  await finance.getByLabel('Reply or answer').fill('The deal closed in February at the tier 1 rate; correcting.');
  await finance.getByTestId('dispute-answer').click();
  await expect(finance.getByTestId('dispute-status')).toHaveText('Answered');
  await finance.getByLabel('Resolution', { exact: true }).fill('Rate corrected by an adjustment');
  await finance.getByLabel(/^Adjustment \(/).fill('100.00');
  await finance.getByTestId('dispute-resolve').click();
  await expect(finance.getByTestId('dispute-status')).toHaveText('Resolved');
  await expect(finance.getByTestId('dispute-adjustment')).toContainText('100.00');
  await financeContext.close();

  // The rep sees it resolved, and the adjustment on her statement's ledger.
  await page.goto(statementUrl);
  await expect(page.getByTestId('statement-dispute').filter({ hasText: 'Rate corrected by an adjustment' })).toHaveAttribute('data-status', 'resolved');
  await expect(pay.statement.getByTestId('ledger-row').filter({ hasText: 'Rate corrected by an adjustment' })).toContainText('100.00');
});

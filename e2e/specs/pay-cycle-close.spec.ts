import { expect, test, type Browser, type Page } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';
import { apiAs, majorToMinor, parseCsv, PayPage } from '../pages/pay.page.js';

// A quarter no other spec uses (pay-cycle and disputes use FY2027-Q1): May to July 2026.
const PERIOD = 'FY2027-Q2';

interface StatementDetail {
  personId: string;
  postedMinor: string;
  paidMinor: string;
  approval: { status: string };
}

/** Runs `steps` signed in as `email` in a browser context of her own, closed afterwards. */
async function as<T>(browser: Browser, baseURL: string, email: string, steps: (page: Page, pay: PayPage) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await new LoginPage(page).signInAs(email);
    return await steps(page, new PayPage(page));
  } finally {
    await context.close();
  }
}

/** Finance's pay cycle on the period. */
async function openPeriod(pay: PayPage): Promise<void> {
  await pay.openPayCycle();
  await pay.choosePeriod(PERIOD);
}

test('finance runs the quarter, managers and finance approve, finance closes it and pays it; the rep sees it paid', async ({ browser, baseURL, playwright }) => {
  test.setTimeout(180_000);
  const base = baseURL as string;

  // The database may have been used by an earlier run: a closed quarter is reopened by two people first.
  const reopened = await as(browser, base, 'finance@example.com', async (_page, pay) => {
    await openPeriod(pay);
    if ((await pay.periodStatus()) !== 'closed') return false;
    await pay.requestReopening('e2e: run the quarter again');
    return true;
  });
  if (reopened) {
    await as(browser, base, 'controller@example.com', async (_page, pay) => {
      await openPeriod(pay);
      await pay.approveReopening();
    });
  }

  await test.step('finance runs the calculation', () => as(browser, base, 'finance@example.com', async (_page, pay) => {
    await openPeriod(pay);
    await pay.runCalculation();
    await pay.expectPublished();
    await expect(pay.statements.getByTestId('statement-row').first()).toBeVisible();
    // finance prepared the run: none of its statements is hers to approve.
    expect(await pay.approveAll()).toBe(0);
  }));

  await test.step('the manager approves her team', () => as(browser, base, 'manager@example.com', async (page, pay) => {
    await pay.openMyPay();
    await pay.choosePeriod(PERIOD);
    const team = page.getByTestId('team-statements');
    await expect(team.getByTestId('statement-row').first()).toBeVisible();
    await expect(team.getByRole('columnheader', { name: 'Approval' })).toBeVisible();
    const approved = await pay.approveAll();
    if (!reopened) {
      expect(approved).toBeGreaterThan(0);
      // Her own statement is someone else's to approve.
      await expect(page.getByTestId('approve-all-result')).toContainText('no one approves her own statement');
    }
    // Her team's statements now wait for finance at most (hers for its manager step).
    await expect(pay.approvalCount('pending-manager')).toHaveAttribute('data-count', /^[01]$/);
  }));

  if (!reopened) {
    await test.step('finance cannot close the quarter while statements wait', () => as(browser, base, 'finance@example.com', async (_page, pay) => {
      await openPeriod(pay);
      await pay.periodPanel.getByRole('button', { name: 'Close period' }).click();
      await expect(pay.periodPanel.getByTestId('close-error')).toContainText(`of ${PERIOD} are not approved as they stand`);
      await expect(pay.periodPanel.getByTestId('period-status')).toHaveAttribute('data-status', 'open');
    }));
  }

  await test.step('the admin approves the manager step of the other teams', () => as(browser, base, 'admin@example.com', async (_page, pay) => {
    await openPeriod(pay);
    await pay.approveAll();
    await expect(pay.approvalCount('pending-manager')).toHaveAttribute('data-count', '0');
  }));

  await test.step('the controller approves the finance step', () => as(browser, base, 'controller@example.com', async (page, pay) => {
    await openPeriod(pay);
    await pay.approveAll();
    for (const status of ['pending-manager', 'pending-finance', 'changed-since-approval']) await expect(pay.approvalCount(status)).toHaveAttribute('data-count', '0');
    const total = await pay.statements.getByTestId('statement-row').count();
    await expect(pay.approvalCount('approved')).toHaveAttribute('data-count', String(total));
    // The table filters by status.
    await page.getByLabel('Approval', { exact: true }).selectOption('pending-finance');
    await expect(pay.statements.getByTestId('statement-row')).toHaveCount(0);
    await page.getByLabel('Approval', { exact: true }).selectOption('approved');
    await expect(pay.statements.getByTestId('statement-row')).toHaveCount(total);
  }));

  // What the export should pay: each approved statement's posted total less what was paid already.
  const api = await playwright.request.newContext({ baseURL: base });
  await apiAs(api, 'finance@example.com');
  const list = (await (await api.get(`/api/v1/statements?period=${PERIOD}`)).json()) as { items: { personId: string }[] };
  const owed = new Map<string, bigint>();
  for (const { personId } of list.items) {
    const s = (await (await api.get(`/api/v1/statements/${personId}/${PERIOD}`)).json()) as StatementDetail;
    expect(s.approval.status).toBe('approved');
    const due = BigInt(s.postedMinor) - BigInt(s.paidMinor);
    if (due !== 0n) owed.set(personId, due);
  }
  // A quarter run for the first time owes every payee with a posted total.
  if (!reopened) expect(owed.size).toBeGreaterThan(0);

  await test.step('finance closes the quarter and exports payroll', () => as(browser, base, 'finance@example.com', async (_page, pay) => {
    await openPeriod(pay);
    await pay.closePeriod();
    await expect(pay.periodPanel.getByRole('button', { name: 'Close period' })).toHaveCount(0);
    const batch = await pay.exportPayroll();
    expect(batch.payees).toBe(owed.size);
    const file = await pay.downloadPayrollCsv();
    expect(file.name).toBe(`payroll-${PERIOD}-${batch.batchId}.csv`);
    const [header, ...rows] = parseCsv(file.text);
    expect(header).toEqual(['employee_id', 'external_id', 'name', 'email', 'period', 'period_start', 'period_end', 'currency', 'amount', 'batch', 'statement_hash']);
    // One line per approved payee still owed, each with what she is owed, and the total shown is the file's sum.
    expect(rows.map((r) => r[0]).sort()).toEqual([...owed.keys()].sort());
    for (const r of rows) expect(majorToMinor(r[8] as string)).toBe(owed.get(r[0] as string));
    expect(rows.every((r) => r[4] === PERIOD && r[9] === batch.batchId)).toBe(true);
    const sum = rows.reduce((total, r) => total + majorToMinor(r[8] as string), 0n);
    expect(sum).toBe(majorToMinor(batch.totalMajor));
    // The period's batches list it, latest first, with its file again.
    await expect(pay.periodPanel.getByTestId('payroll-batches').locator('tbody tr').first()).toHaveAttribute('data-batch-id', batch.batchId);
  }));

  await test.step('the rep reads her statement approved and paid; a peer\'s is not found', () => as(browser, base, 'rep@example.com', async (page, pay) => {
    const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { user: { personId: string } };
    const mine = (await (await page.request.get(`/api/v1/statements/${me.user.personId}/${PERIOD}`)).json()) as StatementDetail;
    await pay.openMyPay();
    await pay.choosePeriod(PERIOD);
    await expect(page.getByTestId('statement-header').getByTestId('approval-status')).toHaveAttribute('data-status', 'approved');
    await expect(page.getByTestId('statement-header')).toContainText('closed');
    await expect(page.getByTestId('statement-paid')).toHaveAttribute('data-paid-minor', mine.postedMinor);
    await expect(page.getByTestId('approval-panel').getByRole('button', { name: /^Approve/ })).toHaveCount(0);

    await page.goto(`/statements/${me.user.personId}/${PERIOD}`);
    await expect(page.getByTestId('approval-panel').getByTestId('approval-status')).toHaveText('Approved');
    await expect(page.getByTestId('approval-step')).toHaveCount(2);

    const peer = list.items.find((s) => s.personId !== me.user.personId);
    expect(peer).toBeDefined();
    await page.goto(`/statements/${peer?.personId}/${PERIOD}`);
    await pay.expectNotFound();
  }));
  await api.dispose();
});

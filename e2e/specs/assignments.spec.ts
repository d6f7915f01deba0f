import { expect, test } from '@playwright/test';
import { AssignmentsPage } from '../pages/assignments.page.js';
import { LoginPage } from '../pages/login.page.js';

// The demo's fiscal year starts in February: FY2027 is Feb 2026..Jan 2027, FY2027-Q3 is Aug..Oct 2026.
const PLAN = 'SDR meetings and pipeline (sdr-meetings-pipeline)';

interface Person { id: string; name: string; title: string | null }

test('sales ops reads the assignments, assigns a plan to an SDR, reads its terms and changes it from a date', async ({ page }) => {
  test.setTimeout(90_000);
  await new LoginPage(page).signInAs('ops@example.com');

  // The demo puts account executives and managers on plans, not SDRs: one without any is the new payee
  // (specs share a database, so she is looked up rather than named).
  const people = ((await (await page.request.get('/api/v1/people?limit=100')).json()) as { items: Person[] }).items;
  const assigned = new Set(((await (await page.request.get('/api/v1/assignments')).json()) as { items: { personId: string }[] }).items.map((a) => a.personId));
  const sdr = people.find((p) => p.title === 'Sales Development Representative' && !assigned.has(p.id));
  expect(sdr, 'an SDR without an assignment').toBeDefined();
  const name = (sdr as Person).name;

  const assignments = new AssignmentsPage(page);
  await test.step('the demo assignments are listed with their amounts', async () => {
    await assignments.open();
    await expect(assignments.rows.filter({ hasText: 'Account executive quota commission' }).first()).toBeVisible();
    await expect(assignments.rows.filter({ hasText: 'Sales manager override' }).first()).toContainText('$40,000.00');
    // The new hire's assignment, and its continuation on next year's version to the fiscal year's end.
    await assignments.filter('new-hire');
    await expect(assignments.rows).toHaveCount(2);
    await expect(assignments.rows.filter({ hasText: '25% / 50% / 75%, then 100%' })).toHaveCount(1);
    await assignments.filter('');
  });

  await test.step('a date before the plan version is refused next to the field', async () => {
    await assignments.startAssigning();
    await assignments.fillAssignment({ person: name, plan: PLAN, from: '2025-08-01', target: '12,000.00', reason: 'e2e: new SDR' });
    await assignments.submitAssignment();
    await expect(assignments.assignError('validFrom')).toContainText('must be on or after 2026-01-01');
    await expect(assignments.assignDialog.getByLabel('From', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  await test.step('the assignment is made and its terms read for a quarter', async () => {
    await assignments.assignDialog.getByLabel('From', { exact: true }).fill('2026-08-01');
    await assignments.submitAssignment();
    await expect(assignments.assignDialog).toBeHidden();
    await expect(page.getByTestId('assignments-notice')).toContainText(`${name} is on SDR meetings and pipeline v1 from 2026-08-01`);
    const row = assignments.rowsOf(name);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('$12,000.00');
    await expect(row).toContainText('open-ended');
    await assignments.showTerms(row, 'FY2027-Q3');
    // Aug..Oct 2026: 92 days on the plan; 12,000 x 92 / 365 = 3,024.66 (the plan year runs from January).
    await expect(assignments.terms.getByTestId('terms-steps')).toContainText('target incentive 2026-08-01..2026-10-31');
    await expect(assignments.terms).toContainText('$3,024.66');
    // A month of it: August, 31 days; 12,000 x 31 / 365 = 1,019.18.
    await assignments.showTerms(row, 'FY2027-M07');
    await expect(assignments.terms.getByTestId('terms-steps')).toContainText('target incentive 2026-08-01..2026-08-31');
    await expect(assignments.terms).toContainText('$1,019.18');
  });

  await test.step('a raise from a date ends the row and starts a new one', async () => {
    await assignments.changeFromDate(assignments.rowsOf(name).first(), { from: '2026-10-01', target: '15000', reason: 'e2e: raise' });
    const rows = assignments.rowsOf(name);
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('$12,000.00');
    await expect(rows.nth(0)).toContainText('Sep 30, 2026');
    await expect(rows.nth(1)).toContainText('$15,000.00');
    // The new row opens with its terms; its first quarter counts October only.
    await assignments.showTerms(rows.nth(1), 'FY2027-Q3');
    await expect(assignments.terms.getByTestId('terms-steps')).toContainText('target incentive 2026-10-01..2026-10-31');
  });
});

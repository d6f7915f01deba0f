import { expect, test } from '@playwright/test';
import { ListPage } from '../pages/list.page.js';
import { LoginPage } from '../pages/login.page.js';
import { ShellPage } from '../pages/shell.page.js';

const CRM = ['Home', 'Pipeline board', 'Forecast', 'Performance', 'Opportunities', 'Accounts', 'Contacts', 'Leads', 'Activities', 'People'];

// The navigation each demo role sees: every role works the CRM; all but reps read coverage and territories; admin, sales
// ops and finance plan quotas; only admin and sales ops import; the comp admins (admin, sales ops, finance) edit plans and assignments and see the pay cycle;
// admin and finance handle disputes; managers and reps see their own pay.
const roles = [
  ['admin@example.com', 'admin', [...CRM, 'Coverage', 'Territories', 'Quotas', 'Import', 'Plans', 'Assignments', 'Pay cycle', 'Disputes']],
  ['ops@example.com', 'sales_ops', [...CRM, 'Coverage', 'Territories', 'Quotas', 'Import', 'Plans', 'Assignments', 'Pay cycle']],
  ['finance@example.com', 'finance', [...CRM, 'Coverage', 'Territories', 'Quotas', 'Plans', 'Assignments', 'Pay cycle', 'Disputes']],
  ['manager@example.com', 'manager', [...CRM, 'Coverage', 'Territories', 'Team quotas', 'My pay']],
  ['rep@example.com', 'rep', [...CRM, 'My pay']],
] as const;

for (const [email, role, nav] of roles) {
  test(`${role} signs in and sees the navigation of the role`, async ({ page }) => {
    await new LoginPage(page).signInAs(email);
    const shell = new ShellPage(page);
    await shell.expectSignedInAs(role);
    expect(await shell.navItems()).toEqual(nav);
    await shell.signOut();
  });
}

test('a wrong password shows the error and keeps the user out', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('rep@example.com', 'wrong password');
  await expect(page.getByRole('alert')).toHaveText('Wrong e-mail or password.');
});

test('an ended session asks to sign in again over the screen, then carries on', async ({ page, context }) => {
  await new LoginPage(page).signInAs('manager@example.com');
  // Let the home page's own requests finish first: one still in flight when the cookie goes
  // would end the session (and cover the navigation with the dialog) before the click.
  await page.waitForLoadState('networkidle');
  await context.clearCookies();
  await new ShellPage(page).go('Accounts');
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('E-mail')).toHaveValue('manager@example.com');
  await dialog.getByLabel('Password').fill('attain-demo');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await new ListPage(page, 'Accounts').waitLoaded();
  expect(await new ListPage(page, 'Accounts').rows().count()).toBeGreaterThan(0);
});

test('Ctrl+K finds an account by name and opens it', async ({ page }) => {
  await new LoginPage(page).signInAs('manager@example.com');
  const list = new ListPage(page, 'Accounts');
  await list.open();
  const name = (await list.column('Name'))[0] as string;
  await new ShellPage(page).searchAndOpen(name.slice(0, 8), name);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login.page.js';

const roles = [
  ['admin@example.com', 'admin'],
  ['ops@example.com', 'sales_ops'],
  ['finance@example.com', 'finance'],
  ['manager@example.com', 'manager'],
  ['rep@example.com', 'rep'],
] as const;

for (const [email, role] of roles) {
  test(`${role} signs in with the demo login and sees what the role may use`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.open();
    await login.signIn(email);
    await login.expectSignedInAs(role);
    const abilities = await login.abilities();
    expect(abilities.includes('user:manage')).toBe(role === 'admin');
    expect(abilities.includes('import:run')).toBe(role === 'admin' || role === 'sales_ops');
    await login.signOut();
  });
}

test('a wrong password shows the error and keeps the user out', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn('rep@example.com', 'wrong password');
  await expect(page.getByRole('alert')).toHaveText('Wrong e-mail or password.');
});

test('as the rep, the API gives only her opportunities and hides another rep\'s by id', async ({ page, playwright, baseURL }) => {
  // Sales ops sees the whole org: pick a deal that belongs to someone else.
  const ops = await playwright.request.newContext({ baseURL: baseURL as string });
  expect((await ops.post('/api/v1/auth/login', { data: { email: 'ops@example.com', password: 'attain-demo' } })).status()).toBe(200);

  const login = new LoginPage(page);
  await login.open();
  await login.signIn('rep@example.com');
  await login.expectSignedInAs('rep');
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  const mine = await (await page.request.get('/api/v1/opportunities?limit=500')).json();
  expect(mine.items.length).toBeGreaterThan(0);
  expect(mine.items.every((o: { ownerId: string }) => o.ownerId === me.user.personId)).toBe(true);

  const all = await (await ops.get('/api/v1/opportunities?limit=500')).json();
  const theirs = all.items.find((o: { ownerId: string }) => o.ownerId !== me.user.personId);
  expect(theirs).toBeDefined();
  expect((await ops.get(`/api/v1/opportunities/${theirs.id}`)).status()).toBe(200);
  const denied = await page.request.get(`/api/v1/opportunities/${theirs.id}`);
  expect(denied.status()).toBe(404);
  expect((await denied.json()).error.code).toBe('not_found');
  await ops.dispose();
});

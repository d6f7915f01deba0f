import { expect, test } from '@playwright/test';
import { ListPage } from '../pages/list.page.js';
import { LoginPage } from '../pages/login.page.js';
import { RecordPage } from '../pages/record.page.js';

test('the rep sees only her opportunities and cannot open another rep\'s by its address', async ({ page, playwright, baseURL }) => {
  // Sales ops sees the whole org: find a deal that belongs to someone else.
  const ops = await playwright.request.newContext({ baseURL: baseURL as string });
  expect((await ops.post('/api/v1/auth/login', { data: { email: 'ops@example.com', password: 'attain-demo' } })).status()).toBe(200);

  await new LoginPage(page).signInAs('rep@example.com');
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  const list = new ListPage(page, 'Opportunities');
  await list.open();
  const owners = await list.column('Owner');
  expect(owners.length).toBeGreaterThan(0);
  expect(new Set(owners)).toEqual(new Set([me.user.name]));

  const all = await (await ops.get('/api/v1/opportunities?limit=500')).json();
  const theirs = all.items.find((o: { ownerId: string }) => o.ownerId !== me.user.personId);
  expect(theirs).toBeDefined();
  const record = new RecordPage(page);
  await record.open('opportunities', theirs.id);
  await record.expectNotFound();
  await expect(page.getByText(theirs.name)).toHaveCount(0);
  // The API says the same.
  expect((await page.request.get(`/api/v1/opportunities/${theirs.id}`)).status()).toBe(404);
  await ops.dispose();
});

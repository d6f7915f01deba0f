import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import { bearerClient, startTestServer, type TestServer } from './test-support/http.js';

warnIfPostgresSkipped();

describe.each(testDialects())('authentication on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg();
  });
  afterAll(async () => s.close());

  it('sets an HttpOnly SameSite session cookie and returns the abilities', async () => {
    const res = await s.anonymous.post('/auth/login', { email: t.users.rep.email.toUpperCase(), password: 'correct horse battery staple' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/attain_session=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.body).toMatchObject({ user: { role: 'rep' }, abilities: { 'opportunity:create': true, 'user:manage': false, 'import:run': false } });
  });

  it('answers 401 with one message for a wrong password or unknown e-mail', async () => {
    const wrong = await s.anonymous.post('/auth/login', { email: t.users.ops.email, password: 'not the password' });
    const unknown = await s.anonymous.post('/auth/login', { email: 'nobody@nowhere.example', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('throttles repeated failures with 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await s.anonymous.post('/auth/login', { email: t.users.finance.email, password: `wrong ${i}` })).status).toBe(401);
    const blocked = await s.anonymous.post('/auth/login', { email: t.users.finance.email, password: 'correct horse battery staple' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('requires the CSRF token for writes made with the session cookie', async () => {
    const rep = await s.as(t, 'rep');
    const noToken = await rep.request('POST', '/accounts', { name: 'No token' }, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.body).toMatchObject({ error: { code: 'csrf_failed' } });
    expect((await rep.post('/accounts', { name: 'With token' })).status).toBe(201);
  });

  it('ends the session on logout', async () => {
    const rep = await s.as(t, 'rep2');
    expect((await rep.get('/auth/me')).status).toBe(200);
    expect((await rep.post('/auth/logout')).status).toBe(200);
    expect((await rep.get('/auth/me')).status).toBe(401);
  });

  it('ends every session of a user the moment she is disabled', async () => {
    const admin = await s.as(t, 'admin');
    const created = await admin.post<{ id: string }>('/users', { email: `temp.${Date.now()}@test.example`, name: 'Temp', role: 'rep', password: 'a long enough password' });
    expect(created.status).toBe(201);
    const temp = await s.login((created.body as unknown as { email: string }).email, 'a long enough password');
    expect((await temp.get('/auth/me')).status).toBe(200);
    expect((await admin.patch(`/users/${created.body.id}`, { disabled: true })).status).toBe(200);
    expect((await temp.get('/auth/me')).status).toBe(401);
  });

  it('serves integrations by API token, scoped by the token role, until revoked', async () => {
    const admin = await s.as(t, 'admin');
    const issued = await admin.post<{ id: string; token: string; role: string }>('/api-tokens', { name: 'warehouse sync', role: 'finance' });
    expect(issued.status).toBe(201);
    const bot = bearerClient(s.server, issued.body.token);
    expect((await bot.get('/opportunities')).status).toBe(200);
    // Finance reads the CRM but does not write it; bearer requests need no CSRF token.
    expect((await bot.post('/accounts', { name: 'From a bot' })).status).toBe(403);
    const listed = await admin.get<{ items: { id: string; token?: string }[] }>('/api-tokens');
    expect(listed.body.items.find((i) => i.id === issued.body.id)).not.toHaveProperty('token');
    expect((await admin.post(`/api-tokens/${issued.body.id}/revoke`)).status).toBe(200);
    expect((await bot.get('/opportunities')).status).toBe(401);
  });
});

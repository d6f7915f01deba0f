import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import { bearerClient, startTestServer, type TestServer } from './test-support/http.js';

warnIfPostgresSkipped();

describe.each(testDialects())('hardening on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg();
  });
  afterAll(async () => s.close());

  it('refuses links to records the caller cannot see, as if they did not exist', async () => {
    const ops = await s.as(t, 'ops');
    const theirs = await ops.post<{ id: string }>('/accounts', { name: 'Not yours', ownerId: t.people.otherRep.id });
    const rep = await s.as(t, 'rep');
    const contact = await rep.post('/contacts', { lastName: 'Sneaky', accountId: theirs.body.id });
    expect(contact).toMatchObject({ status: 422, body: { error: { details: [{ field: 'accountId', message: `no account with id "${theirs.body.id}"` }] } } });
    const missing = await rep.post('/contacts', { lastName: 'Sneaky', accountId: 'acc_missing' });
    expect((missing.body as { error: { details: { message: string }[] } }).error.details[0]?.message).toBe('no account with id "acc_missing"');
  });

  it('keeps a converted lead converted', async () => {
    const rep = await s.as(t, 'rep');
    const lead = await rep.post<{ id: string }>('/leads', { lastName: 'Once', company: 'Once Co' });
    expect((await rep.post(`/leads/${lead.body.id}/convert`, {})).status).toBe(200);
    expect((await rep.patch(`/leads/${lead.body.id}`, { status: 'open' })).status).toBe(409);
    expect((await rep.post(`/leads/${lead.body.id}/convert`, {})).status).toBe(409);
    expect((await rep.post(`/leads/${lead.body.id}/archive`)).status).toBe(200);
  });

  it('never lets a token reach further than its user', async () => {
    const admin = await s.as(t, 'admin');
    const created = await admin.post<{ id: string; email: string }>('/users', { email: `admin2.${Date.now()}@test.example`, name: 'Admin Two', role: 'admin', password: 'a long enough password' });
    const admin2 = await s.login(created.body.email, 'a long enough password');
    const issued = await admin2.post<{ token: string }>('/api-tokens', { name: 'narrow', role: 'manager' });
    expect(issued.status).toBe(201);
    const bot = bearerClient(s.server, issued.body.token);
    expect((await bot.get('/opportunities')).status).toBe(200);
    // Demoted to rep, her manager-scoped token reaches further than she does: it stops working.
    expect((await admin.patch(`/users/${created.body.id}`, { role: 'rep' })).status).toBe(200);
    expect((await bot.get('/opportunities')).status).toBe(401);
    const ops = await s.as(t, 'ops');
    expect((await ops.post('/api-tokens', { name: 'x' })).status).toBe(403);
  });

  it('refuses a parent that is the record itself or below it', async () => {
    const ops = await s.as(t, 'ops');
    const a = await ops.post<{ id: string }>('/accounts', { name: 'Parent A', ownerId: t.people.rep.id });
    const b = await ops.post<{ id: string }>('/accounts', { name: 'Child B', ownerId: t.people.rep.id, parentId: a.body.id });
    expect((await ops.patch(`/accounts/${a.body.id}`, { parentId: a.body.id })).status).toBe(422);
    expect((await ops.patch(`/accounts/${a.body.id}`, { parentId: b.body.id })).body).toMatchObject({ error: { details: [{ field: 'parentId' }] } });
  });

  it('answers 422, not 500, to numbers beyond what the database holds', async () => {
    const rep = await s.as(t, 'rep');
    expect((await rep.post('/opportunities', { name: 'Huge', amountMinor: '99999999999999999999', closeDate: '2027-01-01' })).status).toBe(422);
    expect((await rep.post('/accounts', { name: 'Huge', employees: 3_000_000_000 })).status).toBe(422);
    expect((await rep.get('/accounts?potentialMinor=99999999999999999999')).status).toBe(422);
    expect((await rep.get('/accounts?employees.gte=1.5')).status).toBe(422);
  });

  it('refuses a cursor made for another sort, or forged', async () => {
    const ops = await s.as(t, 'ops');
    for (let i = 0; i < 3; i++) await ops.post('/accounts', { name: `Cursor ${i}`, ownerId: t.people.rep2.id });
    const page = await ops.get<{ nextCursor: string }>(`/accounts?limit=1&ownerId=${t.people.rep2.id}`);
    expect(page.body.nextCursor).toBeTruthy();
    expect((await ops.get(`/accounts?limit=1&sort=-name&cursor=${page.body.nextCursor}`)).status).toBe(422);
    const forged = Buffer.from(JSON.stringify(['name', false, { x: 1 }, 'a'])).toString('base64url');
    expect((await ops.get(`/accounts?cursor=${forged}`)).status).toBe(422);
  });

  it('does not replay a refused request, and tells a different query from a retry', async () => {
    const rep = await s.as(t, 'rep');
    const refused = await rep.request('POST', '/accounts', { name: 'Keyed' }, { 'x-csrf-token': 'wrong', 'idempotency-key': 'k-csrf' });
    expect(refused.status).toBe(403);
    const retried = await rep.post('/accounts', { name: 'Keyed' }, { 'idempotency-key': 'k-csrf' });
    expect(retried.status).toBe(201);
    const first = await rep.post('/accounts?x=1', { name: 'Query' }, { 'idempotency-key': 'k-query' });
    expect(first.status).toBe(201);
    expect((await rep.post('/accounts', { name: 'Query' }, { 'idempotency-key': 'k-query' })).status).toBe(409);
  });

  it('answers 404 to a malformed static path', async () => {
    expect((await s.server.app.request('/api/docs/assets/%E0%A4%A')).status).toBe(404);
  });
});

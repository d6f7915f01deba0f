import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import { startTestServer, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

interface View {
  id: string;
  entity: string;
  name: string;
  definition: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

const bigDeals = {
  entity: 'opportunities',
  name: 'Big deals',
  definition: { q: 'acme', sort: '-amountMinor', filters: { 'amountMinor.gte': '100000' }, columns: ['name', 'amountMinor', 'closeDate'] },
};

describe.each(testDialects())('saved views API on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Views A');
    other = await s.newOrg('Views B');
  });
  afterAll(async () => s.close());

  it('saves, replaces by name, lists by entity and deletes', async () => {
    const rep = await s.as(t, 'rep');
    const created = await rep.post<View>('/views', bigDeals);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), ...bigDeals, createdAt: expect.any(String), updatedAt: created.body.createdAt });

    const replaced = await rep.post<View>('/views', { ...bigDeals, definition: { sort: 'closeDate' } });
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ id: created.body.id, definition: { sort: 'closeDate' }, createdAt: created.body.createdAt });

    await rep.post('/views', { entity: 'accounts', name: 'My accounts', definition: { filters: { ownerId: t.people.rep.id } } });
    const opps = await rep.get<{ items: View[] }>('/views?entity=opportunities');
    expect(opps).toMatchObject({ status: 200, body: { items: [replaced.body] } });
    const all = await rep.get<{ items: View[] }>('/views');
    expect(all.body.items.map((v) => v.name)).toEqual(['My accounts', 'Big deals']);

    const deleted = await rep.request('DELETE', `/views/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expect((await rep.get<{ items: View[] }>('/views?entity=opportunities')).body.items).toEqual([]);
    expect((await rep.request('DELETE', `/views/${created.body.id}`)).status).toBe(404);
  });

  it('names the offending fields and refuses an unknown list', async () => {
    const rep = await s.as(t, 'rep');
    const bad = await rep.post('/views', { entity: 'users', name: '', definition: { q: 'x'.repeat(201), color: 'red' } });
    expect(bad.status).toBe(422);
    const fields = (bad.body as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();
    expect(fields).toEqual(['color', 'definition.q', 'entity', 'name']);
    expect(await rep.get('/views?entity=users')).toMatchObject({ status: 422, body: { error: { details: [{ field: 'entity' }] } } });
  });

  it('refuses every route without a session, and a cookie write without its CSRF token', async () => {
    const rep = await s.as(t, 'rep');
    const view = await rep.post<View>('/views', { ...bigDeals, name: 'CSRF' });
    expect((await s.anonymous.get('/views')).status).toBe(401);
    expect((await s.anonymous.post('/views', bigDeals)).status).toBe(401);
    expect((await s.anonymous.request('DELETE', `/views/${view.body.id}`)).status).toBe(401);

    const noToken = await rep.request('POST', '/views', { ...bigDeals, name: 'No token' }, { 'x-csrf-token': '' });
    expect(noToken).toMatchObject({ status: 403, body: { error: { code: 'csrf_failed' } } });
    const wrongToken = await rep.request('DELETE', `/views/${view.body.id}`, undefined, { 'x-csrf-token': 'wrong' });
    expect(wrongToken).toMatchObject({ status: 403, body: { error: { code: 'csrf_failed' } } });
    expect((await rep.get<{ items: View[] }>('/views')).body.items.map((v) => v.name)).not.toContain('No token');
    expect((await rep.get<{ items: View[] }>('/views')).body.items.map((v) => v.id)).toContain(view.body.id);
  });

  it('keeps a user\'s views from every other user of her org, admins included, and from other orgs', async () => {
    const rep = await s.as(t, 'rep');
    const view = await rep.post<View>('/views', { entity: 'leads', name: 'Only mine', definition: { q: 'private' } });
    const others = [await s.as(t, 'rep2'), await s.as(t, 'manager'), await s.as(t, 'admin'), await s.as(other, 'admin'), await s.as(other, 'rep')];
    for (const client of others) {
      const list = await client.get<{ items: View[] }>('/views?entity=leads');
      expect(list.status).toBe(200);
      expect(list.body.items.map((v) => v.id)).not.toContain(view.body.id);
      const del = await client.request('DELETE', `/views/${view.body.id}`);
      expect(del).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    }
    // Every role may keep views: finance, who may not write the CRM, saves her own.
    const finance = await s.as(t, 'finance');
    expect((await finance.post('/views', { entity: 'opportunities', name: 'Closed won', definition: {} })).status).toBe(201);
    expect((await rep.get<{ items: View[] }>('/views?entity=leads')).body.items.map((v) => v.id)).toEqual([view.body.id]);
  });
});

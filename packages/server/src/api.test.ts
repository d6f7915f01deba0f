import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import { startTestServer, type TestServer } from './test-support/http.js';

warnIfPostgresSkipped();

describe('the API surface', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(async () => s.close());

  it('requires one ability per route; a change here is a permission change to review', async () => {
    const table = s.server.registry.list().map((r) => `${r.method.padEnd(6)} ${r.path.padEnd(48)} ${r.ability}`).join('\n');
    await expect(`${table}\n`).toMatchFileSnapshot('./__snapshots__/route-abilities.txt');
  });

  it('publishes a valid OpenAPI 3.1 document covering every route', async () => {
    const res = await s.anonymous.get<Record<string, unknown> & { openapi: string; paths: Record<string, Record<string, unknown>> }>('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const rule of s.server.registry.list()) {
      const path = rule.path.replace('/api/v1', '');
      expect(res.body.paths[path]?.[rule.method.toLowerCase()], `${rule.method} ${path} in OpenAPI`).toBeDefined();
    }
  });

  it('serves browsable docs without a CDN', async () => {
    const page = await s.server.app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/docs/assets/swagger-ui-bundle.js');
    const bundle = await s.server.app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await s.server.app.request('/api/docs/assets/../../../package.json')).status).toBe(404);
  });
});

describe.each(testDialects())('API behaviour on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg();
  });
  afterAll(async () => s.close());

  it('reports health with status, db and version', async () => {
    const res = await s.anonymous.get('/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', db: 'ok', version: 'test', dialect } });
  });

  it('names every offending field, and refuses unknown fields instead of dropping them', async () => {
    const rep = await s.as(t, 'rep');
    const bad = await rep.post('/opportunities', { name: '', amountMinor: '12.5', closeDate: '2026-02-30' });
    expect(bad.status).toBe(422);
    const fields = (bad.body as { error: { details: { field: string }[] } }).error.details.map((d) => d.field).sort();
    expect(fields).toEqual(['amountMinor', 'closeDate', 'name']);
    const extra = await rep.post('/accounts', { name: 'Ok', ownerId: t.people.rep.id, isAdmin: true });
    expect(extra).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', details: [{ field: 'isAdmin' }] } } });
    const badQuery = await rep.get('/accounts?sort=password');
    expect(badQuery).toMatchObject({ status: 422, body: { error: { details: [{ field: 'sort' }] } } });
    const notJson = await rep.request('POST', '/accounts', '{"name":', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(422);
  });

  it('replays a POST with the same Idempotency-Key instead of creating twice', async () => {
    const rep = await s.as(t, 'rep');
    const body = { name: `Idem ${Date.now()}`, amountMinor: '4200', closeDate: '2027-02-01' };
    const first = await rep.post<{ id: string }>('/opportunities', body, { 'idempotency-key': 'key-1' });
    const again = await rep.post<{ id: string }>('/opportunities', body, { 'idempotency-key': 'key-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const list = await rep.get<{ items: unknown[] }>(`/opportunities?q=${encodeURIComponent(body.name)}`);
    expect(list.body.items).toHaveLength(1);
    const other = await rep.post('/opportunities', { ...body, amountMinor: '1' }, { 'idempotency-key': 'key-1' });
    expect(other).toMatchObject({ status: 409, body: { error: { code: 'idempotency_mismatch' } } });
  });

  it('filters, searches and sorts lists, and carries an ability map on each record', async () => {
    const ops = await s.as(t, 'ops');
    for (const [name, amount] of [['Alpha filter', '500'], ['Beta filter', '1500'], ['Gamma filter', '2500']] as const) {
      await ops.post('/opportunities', { name, amountMinor: amount, closeDate: '2027-05-01', ownerId: t.people.rep2.id });
    }
    const res = await ops.get<{ items: { name: string; amountMinor: string; abilities: unknown }[] }>(`/opportunities?q=filter&amountMinor.gte=1000&sort=-amountMinor&ownerId=${t.people.rep2.id}`);
    expect(res.body.items.map((o) => o.name)).toEqual(['Gamma filter', 'Beta filter']);
    expect(res.body.items[0]).toMatchObject({ amountMinor: '2500', abilities: { read: true, update: true, archive: true } });
  });

  it('converts a lead into account, contact and opportunity with history', async () => {
    const rep = await s.as(t, 'rep');
    const lead = await rep.post<{ id: string }>('/leads', { firstName: 'Lena', lastName: 'Lead', company: 'Convert Co', email: 'lena@convert.example' });
    const converted = await rep.post<{ accountId: string; contactId: string; opportunityId: string; lead: { status: string } }>(`/leads/${lead.body.id}/convert`, { amountMinor: '990000', closeDate: '2027-06-30' });
    expect(converted.status).toBe(200);
    expect(converted.body.lead.status).toBe('converted');
    expect((await rep.get(`/accounts/${converted.body.accountId}`)).body).toMatchObject({ name: 'Convert Co' });
    expect((await rep.get(`/contacts/${converted.body.contactId}`)).body).toMatchObject({ lastName: 'Lead', accountId: converted.body.accountId });
    const history = await rep.get<{ items: unknown[] }>(`/opportunities/${converted.body.opportunityId}/history`);
    expect(history.body.items).toHaveLength(1);
    expect((await rep.post(`/leads/${lead.body.id}/convert`, {})).status).toBe(409);
  });

  it('keeps exchange rates by date as exact decimals, set by finance only', async () => {
    const finance = await s.as(t, 'finance');
    expect((await finance.post('/exchange-rates', { currency: 'GBP', effectiveDate: '2026-01-01', rate: '1.271234567' })).status).toBe(201);
    expect((await finance.post('/exchange-rates', { currency: 'GBP', effectiveDate: '2026-07-01', rate: '1.25' })).status).toBe(201);
    const bad = await finance.post('/exchange-rates', { currency: 'GBP', effectiveDate: '2026-07-01', rate: '1.2345678901' });
    expect(bad).toMatchObject({ status: 422, body: { error: { details: [{ field: 'rate' }] } } });
    const rep = await s.as(t, 'rep');
    expect((await rep.post('/exchange-rates', { currency: 'GBP', effectiveDate: '2026-08-01', rate: '2' })).status).toBe(403);
    const rates = await rep.get<{ items: unknown[] }>('/exchange-rates');
    expect(rates.body.items).toEqual([
      { currency: 'GBP', effectiveDate: '2026-01-01', rate: '1.271234567' },
      { currency: 'GBP', effectiveDate: '2026-07-01', rate: '1.25' },
    ]);
    expect((await rep.get<{ currencies: string[] }>('/org')).body.currencies).toContain('GBP');
  });

  it('sums line items into the opportunity amount', async () => {
    const ops = await s.as(t, 'ops');
    const product = await ops.post<{ id: string }>('/products', { name: 'Seat', listPriceMinor: '12000' });
    const opp = await ops.post<{ id: string }>('/opportunities', { name: 'Seats', amountMinor: '0', closeDate: '2027-01-15', ownerId: t.people.rep.id });
    await ops.post(`/opportunities/${opp.body.id}/line-items`, { productId: product.body.id, quantity: 10, discountBps: 1000 });
    await ops.post(`/opportunities/${opp.body.id}/line-items`, { productId: product.body.id, quantity: 1, unitPriceMinor: '5000' });
    expect((await ops.get(`/opportunities/${opp.body.id}`)).body).toMatchObject({ amountMinor: '113000' });
  });
});

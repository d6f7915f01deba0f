import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, TEST_PASSWORD, type TestOrg } from '@attain/app/test-support';
import type { AppContext } from '@attain/app';
import type { Database } from '@attain/store';
import { createServer, type AttainServer } from '../server.js';
import { Client } from '../test-support/http.js';

warnIfPostgresSkipped();

const CSV = { 'content-type': 'text/csv' };

describe.each(testDialects())('import and export routes on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let server: AttainServer;
  let t: TestOrg;
  let ops: Client;
  let rep: Client;
  let manager: Client;

  const login = async (email: string): Promise<Client> => {
    const res = await server.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
    const me = (await res.json()) as { csrfToken: string };
    return new Client(server, { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: me.csrfToken });
  };

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    server = createServer({ ctx, version: 'test' });
    t = await createTestOrg(ctx, 'Routes');
    [ops, rep, manager] = [await login(t.users.ops.email), await login(t.users.rep.email), await login(t.users.manager.email)];
  });
  afterAll(async () => database.close());

  const file = ['externalId,name,ownerName,annualRevenue', 'H-1,Hooli,Rita Rep,"1,000.00"', 'H-2,"=HYPERLINK(""x"")",Rob Rep,-5', ''].join('\r\n');

  it('reports every bad row of a dry run and refuses the file with 422, naming line and field', async () => {
    const bad = `${file}H-3,,Rita Rep,\r\nH-4,Ok,Nobody,\r\n`;
    const dry = await ops.request('POST', '/imports/accounts?dryRun=true', bad, CSV);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      entity: 'accounts', dryRun: true, rows: 4, created: 2, updated: 0, unchanged: 0,
      errors: [
        { line: 4, field: 'name', message: 'is required' },
        { line: 5, field: 'ownerName', message: 'no person with name "Nobody"' },
      ],
    });
    const commit = await ops.request('POST', '/imports/accounts', bad, CSV);
    expect(commit.status).toBe(422);
    expect(commit.body).toMatchObject({
      error: { code: 'import_failed', details: [{ field: 'name', message: 'is required', line: 4 }, { field: 'ownerName', line: 5 }] },
    });
    const list = await ops.get<{ items: unknown[] }>('/accounts?q=hooli');
    expect(list.body.items).toHaveLength(0);
  });

  it('imports a good file, then finds it unchanged; exports it with relations and neutralised cells', async () => {
    const first = await ops.request('POST', '/imports/accounts?preset=native', file, CSV);
    expect(first).toMatchObject({ status: 200, body: { created: 2, updated: 0, errors: [] } });
    const again = await ops.request('POST', '/imports/accounts', file, { ...CSV, 'Idempotency-Key': 'import-1' });
    expect(again).toMatchObject({ status: 200, body: { created: 0, updated: 0, unchanged: 2 } });

    const exported = await ops.get<string>('/exports/accounts');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = exported.body.split('\r\n');
    expect(lines[0]?.split(',').slice(0, 3)).toEqual(['id', 'externalId', 'name']);
    expect(lines.find((l) => l.includes('H-1'))).toContain(',1000.00,USD,');
    expect(lines.find((l) => l.includes('H-1'))).toContain(',Rita Rep,');
    expect(lines.find((l) => l.includes('H-2'))).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(lines.find((l) => l.includes('H-2'))).toContain(',-5.00,USD,');
  });

  it('applies a preset and a custom mapping from the query', async () => {
    const sf = '"Account ID","Account Name","Rating"\r\n"001A","Salesforce Row","Hot"\r\n';
    const res = await ops.request('POST', `/imports/accounts?dryRun=true&preset=salesforce&mapping=${encodeURIComponent(JSON.stringify({ Rating: 'segment' }))}`, sf, CSV);
    expect(res).toMatchObject({ status: 200, body: { created: 1, errors: [], warnings: [] } });
  });

  it('refuses bad parameters with 422', async () => {
    expect((await ops.request('POST', '/imports/widgets', file, CSV)).body).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'entity' }] } });
    expect((await ops.request('POST', '/imports/accounts?preset=zoho', file, CSV)).status).toBe(422);
    expect((await ops.request('POST', '/imports/accounts?dryRun=maybe', file, CSV)).status).toBe(422);
    expect((await ops.request('POST', '/imports/accounts?mapping=%7Bnope', file, CSV)).body).toMatchObject({ error: { details: [{ field: 'mapping' }] } });
    expect((await ops.request('POST', '/imports/accounts?mapping=%7B%22a%22%3A%22b%22%7D', file, CSV)).body).toMatchObject({ error: { details: [{ field: 'mapping.a' }] } });
    expect((await ops.request('POST', '/imports/accounts', '{"name":"x"}', { 'content-type': 'application/json' })).body).toMatchObject({ error: { details: [{ field: 'content-type' }] } });
    expect((await ops.request('POST', '/imports/accounts?dryRun=true', '', CSV)).body).toMatchObject({ errors: [{ line: 1, field: 'file' }] });
    expect((await ops.get('/exports/widgets')).status).toBe(422);
  });

  it('lets admins and sales ops import, everyone but reps export; nobody without a session', async () => {
    const rows = 'name\r\nRep attempt\r\n';
    expect((await rep.request('POST', '/imports/accounts?dryRun=true', rows, CSV)).status).toBe(403);
    expect((await manager.request('POST', '/imports/accounts?dryRun=true', rows, CSV)).status).toBe(403);
    expect((await rep.get('/exports/accounts')).status).toBe(403);
    expect((await rep.get('/exports/people')).status).toBe(403);
    const managerExport = await manager.get<string>('/exports/accounts');
    expect(managerExport.status).toBe(200);
    expect((await new Client(server).request('POST', '/imports/accounts', rows, CSV)).status).toBe(401);
    expect((await new Client(server).get('/exports/accounts')).status).toBe(401);
    const noCsrf = new Client(server, { cookie: (ops as unknown as { auth: { cookie: string } }).auth.cookie });
    expect((await noCsrf.request('POST', '/imports/accounts', rows, CSV)).status).toBe(403);
  });

  it('declares both routes, once each, in the registry and the OpenAPI document', async () => {
    expect(server.registry.list().filter((r) => /\/(imports|exports)\//.test(r.path))).toEqual([
      { method: 'GET', path: '/api/v1/exports/{entity}', ability: 'export:run' },
      { method: 'POST', path: '/api/v1/imports/{entity}', ability: 'import:run' },
    ]);
    const doc = server.openapi() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/imports/{entity}'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/exports/{entity}'] ?? {})).toEqual(['get']);
  });
});

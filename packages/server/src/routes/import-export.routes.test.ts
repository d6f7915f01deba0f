import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, TEST_PASSWORD, type TestOrg } from '@attain/app/test-support';
import type { AppContext } from '@attain/app';
import type { Database } from '@attain/store';
import { createServer, type AttainServer } from '../server.js';
import { Client } from '../test-support/http.js';

warnIfPostgresSkipped();

const CSV = { 'content-type': 'text/csv' };
const NDJSON = { ...CSV, accept: 'application/x-ndjson' };

type Line = { type: 'progress'; rows: number; done: number; total: number } | { type: 'report'; report: Record<string, unknown> } | { type: 'error'; status: number; error: Record<string, unknown> };

/** The lines of an NDJSON body: every line a JSON object, the body ending in a line break. */
function linesOf(text: string): Line[] {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Line);
}

/** Progress lines, then exactly one final line; returns that line. */
function finalOf(lines: Line[]): Line {
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(0, -1).every((l) => l.type === 'progress')).toBe(true);
  const last = lines.at(-1) as Line;
  expect(last.type).not.toBe('progress');
  return last;
}

/** An accounts file of `n` rows with external ids `<tag>-<i>`. */
const accountsFile = (tag: string, n: number): string =>
  ['externalId,name,city,ownerName', ...Array.from({ length: n }, (_, i) => `${tag}-${i},${tag} Account ${i} Zürich,Padded City Name ${'x'.repeat(40)},Rita Rep`), ''].join('\r\n');

describe.each(testDialects())('import and export routes on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let server: AttainServer;
  let t: TestOrg;
  let ops: Client;
  let rep: Client;
  let manager: Client;
  let otherOps: Client;

  const credentialsOf = async (email: string): Promise<{ cookie: string; csrf: string }> => {
    const res = await server.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
    const me = (await res.json()) as { csrfToken: string };
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: me.csrfToken };
  };
  const login = async (email: string): Promise<Client> => new Client(server, await credentialsOf(email));
  /** POSTs a file asking for NDJSON; the body stays text (the test client would parse a one-line body as JSON). */
  const postNdjson = async (path: string, body: string, headers: Record<string, string> = CSV) => {
    const { cookie, csrf } = await opsCredentials;
    const res = await server.app.request(`/api/v1${path}`, { method: 'POST', headers: { ...headers, accept: 'application/x-ndjson', cookie, 'x-csrf-token': csrf }, body });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  let opsCredentials: Promise<{ cookie: string; csrf: string }>;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    server = createServer({ ctx, version: 'test' });
    t = await createTestOrg(ctx, 'Routes');
    [ops, rep, manager] = [await login(t.users.ops.email), await login(t.users.rep.email), await login(t.users.manager.email)];
    otherOps = await login((await createTestOrg(ctx, 'Other')).users.ops.email);
    opsCredentials = credentialsOf(t.users.ops.email);
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

  describe('import with progress (Accept: application/x-ndjson)', () => {
    it('streams progress lines, then the report, and imports the file', async () => {
      const body = accountsFile('P', 1500);
      const res = await postNdjson('/imports/accounts', body);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      const lines = linesOf(res.body);
      const progress = lines.filter((l) => l.type === 'progress');
      const total = Buffer.byteLength(body);
      expect(progress.length).toBeGreaterThanOrEqual(3);
      expect(progress[0]).toEqual({ type: 'progress', rows: 0, done: 0, total });
      expect(progress.at(-1)).toEqual({ type: 'progress', rows: 1500, done: total, total });
      for (let i = 1; i < progress.length; i += 1) {
        expect(progress[i]!.rows).toBeGreaterThanOrEqual(progress[i - 1]!.rows);
        expect(progress[i]!.rows - progress[i - 1]!.rows).toBeLessThanOrEqual(1000);
        expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
      }
      expect(finalOf(lines)).toMatchObject({ type: 'report', report: { entity: 'accounts', dryRun: false, rows: 1500, created: 1500, errors: [], errorCount: 0 } });
      const listed = await ops.get<{ items: { name: string }[] }>('/accounts?externalId=P-1499');
      expect(listed.body.items.map((a) => a.name)).toEqual(['P Account 1499 Zürich']);
    });

    it('sends progress lines to the client while the import is still running', async () => {
      const http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' });
      try {
        await new Promise<void>((resolve) => (http.listening ? resolve() : http.once('listening', () => resolve())));
        const { port } = http.address() as AddressInfo;
        const { cookie, csrf } = await credentialsOf(t.users.ops.email);
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/imports/accounts?dryRun=true`, {
          method: 'POST', headers: { ...NDJSON, cookie, 'x-csrf-token': csrf }, body: accountsFile('S', 3000),
        });
        expect(res.status).toBe(200);
        const reader = (res.body as ReadableStream<Uint8Array>).getReader();
        const decoder = new TextDecoder();
        const chunks: string[] = [];
        for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(decoder.decode(next.value, { stream: true }));
        // The first piece to arrive holds progress only: the lines were written as the rows went by, not at the end.
        expect(chunks.length).toBeGreaterThan(1);
        expect(chunks[0]).toContain('"type":"progress"');
        expect(chunks[0]).not.toContain('"type":"report"');
        expect(finalOf(linesOf(chunks.join('')))).toMatchObject({ type: 'report', report: { dryRun: true, rows: 3000, created: 3000 } });
      } finally {
        await new Promise((resolve) => http.close(resolve));
      }
    }, 120_000);

    it('ends a bad file with one error line (the JSON variant\'s 422 body) and writes nothing', async () => {
      const bad = 'externalId,name,ownerName\r\nB-1,Bad One,Rita Rep\r\nB-2,,Rita Rep\r\nB-3,Bad Three,Nobody\r\n';
      const dry = linesOf((await postNdjson('/imports/accounts?dryRun=true', bad)).body);
      expect(finalOf(dry)).toMatchObject({
        type: 'report', report: { dryRun: true, rows: 3, errorCount: 2, errors: [{ line: 3, field: 'name', message: 'is required' }, { line: 4, field: 'ownerName' }] },
      });
      const json = await ops.request('POST', '/imports/accounts', bad, CSV);
      const res = await postNdjson('/imports/accounts', bad);
      expect(res.status).toBe(200);
      const last = finalOf(linesOf(res.body));
      expect(last).toEqual({ type: 'error', status: 422, error: (json.body as { error: unknown }).error });
      expect(last).toMatchObject({ error: { code: 'import_failed', details: [{ line: 3, field: 'name', message: 'is required' }, { line: 4, field: 'ownerName' }] } });
      expect((await ops.get<{ items: unknown[] }>('/accounts?externalId=B-1')).body.items).toHaveLength(0);
    });

    it('ends with an error line for bad parameters, a bad entity or a body that is not CSV', async () => {
      const file = 'name\r\nParam test\r\n';
      for (const [path, field] of [['/imports/accounts?preset=zoho', 'preset'], ['/imports/widgets', 'entity'], ['/imports/accounts?mapping=%7Bnope', 'mapping']] as const) {
        const res = await postNdjson(path, file);
        expect(res.status).toBe(200);
        expect(linesOf(res.body)).toEqual([{ type: 'error', status: 422, error: expect.objectContaining({ code: 'validation_failed', details: [expect.objectContaining({ field })] }) }]);
      }
      const json = await postNdjson('/imports/accounts', '{}', { 'content-type': 'application/json' });
      expect(linesOf(json.body)).toMatchObject([{ type: 'error', status: 422, error: { details: [{ field: 'content-type' }] } }]);
    });

    it('is guarded like the JSON variant: 401, 403 and CSRF refusals stay plain JSON', async () => {
      const rows = 'name\r\nGuard\r\n';
      expect(await rep.request('POST', '/imports/accounts', rows, NDJSON)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      expect((await new Client(server).request('POST', '/imports/accounts', rows, NDJSON)).status).toBe(401);
      const noCsrf = new Client(server, { cookie: (ops as unknown as { auth: { cookie: string } }).auth.cookie });
      expect((await noCsrf.request('POST', '/imports/accounts', rows, NDJSON)).status).toBe(403);
    });
  });

  describe('export of a list view', () => {
    type Page = { items: { id: string }[]; nextCursor: string | null };
    const idsOf = (csv: string): string[] => csv.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[0] ?? '');

    beforeAll(async () => {
      const rows = [
        ['V-1', 'View Alpha', 'Vistatech', '30', 'Rita Rep'],
        ['V-2', 'View Beta', 'Vistatech', '10', 'Rob Rep'],
        ['V-3', 'View Gamma', 'Vistatech', '20', 'Olga Rep'],
        ['V-4', 'View Delta', 'Otherindustry', '40', 'Rita Rep'],
        ['V-5', 'Unseen Epsilon', 'Vistatech', '50', 'Rita Rep'],
        ['V-6', 'View Zeta', 'Vistatech', '5', 'Rita Rep'],
      ];
      const file = ['externalId,name,industry,employees,ownerName', ...rows.map((r) => r.join(',')), ''].join('\r\n');
      expect((await ops.request('POST', '/imports/accounts', file, CSV)).status).toBe(200);
      const zeta = await ops.get<Page>('/accounts?externalId=V-6');
      expect((await ops.post(`/accounts/${zeta.body.items[0]?.id ?? ''}/archive`)).status).toBe(200);
    });

    it('holds exactly the records of the list with the same search, filters and sort, in its order', async () => {
      const query = 'q=view&industry=Vistatech&employees.gte=10&sort=-employees';
      const list = await ops.get<Page>(`/accounts?${query}`);
      const exported = await ops.get<string>(`/exports/accounts?${query}`);
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(exported.body.split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[2])).toEqual(['View Alpha', 'View Gamma', 'View Beta']);
      expect(idsOf(exported.body)).toEqual(list.body.items.map((a) => a.id));
      const ascending = await ops.get<string>('/exports/accounts?q=view&industry=Vistatech&sort=employees&includeArchived=true');
      expect(ascending.body.split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[2])).toEqual(['View Zeta', 'View Beta', 'View Gamma', 'View Alpha']);
    });

    it('keeps the read scope: a manager exports her team\'s records only, another org nothing', async () => {
      const query = 'industry=Vistatech&sort=name';
      const managerList = await manager.get<Page>(`/accounts?${query}`);
      const managerExport = await manager.get<string>(`/exports/accounts?${query}`);
      expect(managerExport.status).toBe(200);
      const names = managerExport.body.split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[2]);
      expect(names).toEqual(['Unseen Epsilon', 'View Alpha', 'View Beta']);
      expect(idsOf(managerExport.body)).toEqual(managerList.body.items.map((a) => a.id));
      const other = await otherOps.get<string>(`/exports/accounts?${query}`);
      expect(other.status).toBe(200);
      expect(idsOf(other.body)).toEqual([]);
      expect((await rep.get(`/exports/accounts?${query}`)).status).toBe(403);
      expect((await new Client(server).get(`/exports/accounts?${query}`)).status).toBe(401);
    });

    it('refuses an unknown parameter, a bad filter value or sort with 422 naming it', async () => {
      expect(await ops.get('/exports/accounts?bogus=1')).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', details: [{ field: 'bogus' }] } } });
      expect(await ops.get('/exports/accounts?stageId=s1')).toMatchObject({ status: 422, body: { error: { details: [{ field: 'stageId' }] } } });
      expect(await ops.get('/exports/accounts?limit=5')).toMatchObject({ status: 422, body: { error: { details: [{ field: 'limit' }] } } });
      expect(await ops.get('/exports/accounts?employees.gte=many')).toMatchObject({ status: 422, body: { error: { details: [{ field: 'employees.gte' }] } } });
      expect(await ops.get('/exports/accounts?sort=nope')).toMatchObject({ status: 422, body: { error: { details: [{ field: 'sort' }] } } });
      expect(await ops.get('/exports/opportunities?stageId=s1')).toMatchObject({ status: 200 });
    });
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

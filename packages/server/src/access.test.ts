import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import { startTestServer, type Client, type TestServer } from './test-support/http.js';

warnIfPostgresSkipped();

type Created = Record<string, { path: string; id: string }>;

/** One record of every owned kind, owned by `ownerId`, created by a sales-ops user. */
async function seedRecords(ops: Client, ownerId: string, tag: string): Promise<Created> {
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await ops.post<{ id: string }>(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return { path, id: res.body.id };
  };
  const account = await post('/accounts', { name: `Account ${tag}`, ownerId });
  return {
    account,
    contact: await post('/contacts', { lastName: `Contact ${tag}`, accountId: account.id, ownerId }),
    lead: await post('/leads', { lastName: `Lead ${tag}`, company: `Lead Co ${tag}`, ownerId }),
    opportunity: await post('/opportunities', { name: `Deal ${tag}`, accountId: account.id, amountMinor: '100000', closeDate: '2027-03-31', ownerId }),
    activity: await post('/activities', { type: 'call', subject: `Call ${tag}`, accountId: account.id, ownerId }),
  };
}

/** Every way to reach one record by id; each must answer 404 to someone who may not see it. */
function byIdRequests(r: { path: string; id: string }): [string, string, unknown][] {
  const requests: [string, string, unknown][] = [
    ['GET', `${r.path}/${r.id}`, undefined],
    ['PATCH', `${r.path}/${r.id}`, { externalId: 'x-try' }],
    ['POST', `${r.path}/${r.id}/archive`, {}],
  ];
  if (r.path === '/opportunities') {
    requests.push(['GET', `${r.path}/${r.id}/history`, undefined], ['GET', `${r.path}/${r.id}/line-items`, undefined]);
  }
  if (r.path === '/leads') requests.push(['POST', `${r.path}/${r.id}/convert`, {}]);
  return requests;
}

describe.each(testDialects())('access control on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;
  let peer: Created;
  let own: Created;
  let foreign: Created;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Org A');
    other = await s.newOrg('Org B');
    const ops = await s.as(t, 'ops');
    own = await seedRecords(ops, t.people.rep.id, 'own');
    peer = await seedRecords(ops, t.people.otherRep.id, 'peer');
    foreign = await seedRecords(await s.as(other, 'ops'), other.people.rep.id, 'foreign');
  });
  afterAll(async () => s.close());

  it('refuses every guarded route without a session (401), and answers the public ones', async () => {
    for (const rule of s.server.registry.list()) {
      const path = rule.path.replace('/api/v1', '').replace('{id}', 'xyz');
      const res = await s.anonymous.request(rule.method, path, rule.method === 'GET' ? undefined : {});
      if (rule.ability === 'public') expect([200, 401, 422], `${rule.method} ${rule.path}`).toContain(res.status);
      else expect(res.status, `${rule.method} ${rule.path}`).toBe(401);
    }
  });

  it('hides another rep\'s records from a rep: every by-id route is 404, lists leave them out', async () => {
    const rep = await s.as(t, 'rep');
    for (const record of Object.values(peer)) {
      for (const [method, path, body] of byIdRequests(record)) {
        const res = await rep.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body).toMatchObject({ error: { code: 'not_found' } });
      }
      const list = await rep.get<{ items: { id: string }[] }>(record.path);
      expect(list.body.items.map((i) => i.id)).not.toContain(record.id);
    }
    for (const record of Object.values(own)) expect((await rep.get(`${record.path}/${record.id}`)).status).toBe(200);
  });

  it('gives GET /opportunities to a rep with only her own deals', async () => {
    const rep = await s.as(t, 'rep');
    const list = await rep.get<{ items: { ownerId: string }[] }>('/opportunities?limit=500');
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(new Set(list.body.items.map((o) => o.ownerId))).toEqual(new Set([t.people.rep.id]));
  });

  it('lets a manager reach her own team only', async () => {
    const manager = await s.as(t, 'manager');
    expect((await manager.get(`/opportunities/${own.opportunity?.id}`)).status).toBe(200);
    expect((await manager.get(`/opportunities/${peer.opportunity?.id}`)).status).toBe(404);
  });

  it('lets finance read but not change the CRM, and keeps admin work to admins', async () => {
    const finance = await s.as(t, 'finance');
    expect((await finance.get(`/opportunities/${peer.opportunity?.id}`)).status).toBe(200);
    expect((await finance.patch(`/opportunities/${peer.opportunity?.id}`, { nextStep: 'x' })).status).toBe(403);
    const rep = await s.as(t, 'rep');
    for (const [method, path] of [['GET', '/users'], ['POST', '/users'], ['GET', '/api-tokens'], ['GET', '/audit'], ['POST', '/audit/verify'], ['POST', '/people'], ['POST', '/products'], ['POST', '/pipelines']]) {
      expect((await rep.request(method as string, path as string, method === 'GET' ? undefined : {})).status, `${method} ${path}`).toBe(403);
    }
  });

  it('keeps organisations apart through every route', async () => {
    // Admin and sales ops hold every CRM ability, so only tenancy stands between them and a record.
    const clients = [await s.as(other, 'admin'), await s.as(other, 'ops'), await s.as(other, 'finance')];
    for (const client of clients) {
      for (const record of Object.values(own)) {
        if (client !== clients[2]) {
          for (const [method, path, body] of byIdRequests(record)) expect((await client.request(method, path, body)).status, `${method} ${path}`).toBe(404);
        }
        const list = await client.get<{ items: { id: string }[] }>(`${record.path}?limit=500`);
        expect(list.status).toBe(200);
        expect(list.body.items.map((i) => i.id)).not.toContain(record.id);
        const search = await client.get<{ items: { id: string }[] }>(`${record.path}?q=own`);
        expect(search.body.items).toEqual([]);
      }
      for (const id of [t.people.rep.id, t.users.rep.id]) {
        expect((await client.get(`/people/${id}`)).status).toBe(404);
      }
    }
    const otherOps = clients[1] as Client;
    // Links into another organisation are refused as unknown ids, never stored.
    const crossLink = await otherOps.post('/opportunities', { name: 'X', accountId: own.account?.id, amountMinor: '1', closeDate: '2027-01-01' });
    expect(crossLink.status).toBe(422);
    expect(crossLink.body).toMatchObject({ error: { details: [{ field: 'accountId' }] } });
    const crossOwner = await otherOps.post('/accounts', { name: 'Y', ownerId: t.people.rep.id });
    expect(crossOwner.status).toBe(422);
    const audit = await otherOps.get<{ items: { entityId: string }[] }>('/audit?limit=1000');
    const ownIds = new Set(Object.values(own).map((r) => r.id));
    expect(audit.body.items.some((e) => ownIds.has(e.entityId))).toBe(false);
    expect(Object.values(foreign).length).toBe(5);
  });
});

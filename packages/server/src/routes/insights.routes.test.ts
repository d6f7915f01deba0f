import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HomeFiguresSchema, PipelineBoardSchema } from '@attain/contract';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import { startTestServer, type Client, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

describe.each(testDialects())('board and home routes on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;
  let ops: Client;
  let pipelineId: string;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Org A');
    other = await s.newOrg('Org B');
    ops = await s.as(t, 'ops');
    pipelineId = (await ops.get<{ items: { id: string }[] }>('/pipelines')).body.items[0]?.id ?? '';
    for (const [ownerId, amountMinor] of [[t.people.rep.id, '123456'], [t.people.otherRep.id, '1000']]) {
      const res = await ops.post('/opportunities', { name: `Deal ${amountMinor}`, ownerId, amountMinor, closeDate: '2030-01-15' });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => s.close());

  it('refuses both without a session (401)', async () => {
    expect((await s.anonymous.get(`/pipelines/${pipelineId}/board`)).status).toBe(401);
    expect((await s.anonymous.get('/home')).status).toBe(401);
  });

  it('serves the board in its documented shape, money as strings, scoped to the caller', async () => {
    const all = await ops.get(`/pipelines/${pipelineId}/board`);
    expect(all.status).toBe(200);
    const board = PipelineBoardSchema.parse(all.body);
    expect(board.stages).toHaveLength(7);
    expect(board.stages[0]).toMatchObject({ count: 2, amountMinor: '124456', weightedAmountMinor: '12446', hasMore: false });
    expect(board.stages[0]?.cards[0]).toMatchObject({ amountMinor: '123456', currency: 'USD', ownerName: 'Rita Rep' });
    const rep = await (await s.as(t, 'rep')).get<typeof board>(`/pipelines/${pipelineId}/board?cardsPerStage=1`);
    expect(rep.body.stages[0]).toMatchObject({ count: 1, amountMinor: '123456' });
    const finance = await (await s.as(t, 'finance')).get<typeof board>(`/pipelines/${pipelineId}/board?closeFrom=2030-01-01&closeTo=2030-01-31`);
    expect(finance.body.stages[0]?.count).toBe(2);
  });

  it('validates the query (422)', async () => {
    for (const query of ['cardsPerStage=0', 'cardsPerStage=201', 'closeFrom=2030-02-30', 'unknown=1', 'closeFrom=2030-02-01&closeTo=2030-01-01']) {
      expect((await ops.get(`/pipelines/${pipelineId}/board?${query}`)).status, query).toBe(422);
    }
  });

  it('shows another organisation nothing: its pipeline is 404, its people 404', async () => {
    const outsider = await s.as(other, 'admin');
    const res = await outsider.get(`/pipelines/${pipelineId}/board`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
    expect((await outsider.get(`/home?ownerId=${t.people.rep.id}`)).status).toBe(404);
    const own = HomeFiguresSchema.parse((await outsider.get('/home')).body);
    expect(own.openPipeline).toEqual({ amountMinor: '0', weightedAmountMinor: '0', count: 0 });
  });

  it('refuses a person outside the caller\'s scope with 403: people are visible to all, their deals are not', async () => {
    const rep = await s.as(t, 'rep');
    const home = await rep.get(`/home?ownerId=${t.people.otherRep.id}`);
    expect(home.status).toBe(403);
    expect(home.body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await rep.get(`/pipelines/${pipelineId}/board?ownerId=${t.people.rep2.id}`)).status).toBe(403);
    const manager = await s.as(t, 'manager');
    expect((await manager.get(`/home?ownerId=${t.people.otherRep.id}`)).status).toBe(403);
    expect((await manager.get(`/home?ownerId=${t.people.rep.id}`)).status).toBe(200);
  });

  it('serves the home page in its documented shape', async () => {
    const res = await (await s.as(t, 'manager')).get('/home');
    expect(res.status).toBe(200);
    const home = HomeFiguresSchema.parse(res.body);
    expect(home).toMatchObject({ currency: 'USD', target: null, coverage: null, openPipeline: { amountMinor: '123456', count: 1 } });
    expect(home.byRepAndStage.reps).toEqual([
      expect.objectContaining({ ownerId: t.people.rep.id, ownerName: 'Rita Rep', totalMinor: '123456' }),
    ]);
  });
});

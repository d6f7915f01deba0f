import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { PlanListItem, PlanPreview, PlanSaved, PlanValidation, PlanVersionDetail } from '@attain/contract';
import { startTestServer, type TestServer } from '../test-support/http.js';

warnIfPostgresSkipped();

const AE = readFileSync(fileURLToPath(new URL('../../../../plans/templates/ae-quota-commission.yaml', import.meta.url)), 'utf8');
const withKey = (key: string, version = 1) => AE.replace('id: ae-quota-commission', `id: ${key}`).replace(/^ {2}version: \d+/m, `  version: ${version}`);

describe.each(testDialects())('plans API on %s', (dialect) => {
  let s: TestServer;
  let t: TestOrg;
  let other: TestOrg;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    t = await s.newOrg('Plans A');
    other = await s.newOrg('Plans B');
  });
  afterAll(async () => s.close());

  it('creates a plan, saves its next version, lists and reads them back', async () => {
    const ops = await s.as(t, 'ops');
    const created = await ops.post<PlanSaved>('/plans', { source: withKey('ae-api') });
    expect(created.status).toBe(201);
    expect(created.body.version).toMatchObject({ version: 1, status: 'draft', planKey: 'ae-api' });
    const id = created.body.plan.id;

    const stale = await ops.post(`/plans/${id}/versions`, { source: withKey('ae-api', 1) });
    expect(stale).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', details: [{ field: 'plan.version', line: 7, column: 12 }] } } });
    expect((stale.body as { error: { message: string } }).error.message).toMatch(/^line 7, column 12: plan\.version: must be 2/);

    const finance = await s.as(t, 'finance');
    const saved = await finance.post<PlanSaved>(`/plans/${id}/versions`, { source: withKey('ae-api', 2) });
    expect(saved).toMatchObject({ status: 201, body: { version: { version: 2, status: 'draft' }, plan: { versions: [{ version: 2 }, { version: 1 }] } } });

    const list = await ops.get<{ items: PlanListItem[] }>('/plans');
    expect(list.body.items.find((p) => p.id === id)).toMatchObject({ key: 'ae-api', latest: { version: 2 } });
    const v1 = await ops.get<PlanVersionDetail>(`/plans/${id}/versions/1`);
    expect(v1).toMatchObject({ status: 200, body: { version: 1, source: withKey('ae-api') } });
    expect((await ops.get(`/plans/${id}/versions/9`)).status).toBe(404);
    expect((await ops.get(`/plans/${id}`)).body).toMatchObject({ key: 'ae-api', versions: [{ version: 2 }, { version: 1 }] });

    // Finance wrote version 2: she may not publish it; ops may, once.
    expect((await finance.post(`/plans/${id}/versions/2/publish`, {})).status).toBe(403);
    expect(await ops.post(`/plans/${id}/versions/2/publish`, {})).toMatchObject({ status: 200, body: { version: { version: 2, status: 'published' } } });
    expect(await finance.post(`/plans/${id}/versions/2/publish`, {})).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
  });

  it('validates and previews without saving', async () => {
    const admin = await s.as(t, 'admin');
    const bad = await admin.post<PlanValidation>('/plans/validate', { source: AE.replace('mode: marginal', 'mode: marginall') });
    expect(bad).toMatchObject({ status: 200, body: { ok: false, plan: null, issues: [{ field: 'plan.components[0].mode', line: 15, column: 13 }] } });
    const good = await admin.post<PlanValidation>('/plans/validate', { source: AE });
    expect(good.body).toMatchObject({ ok: true, issues: [], plan: { id: 'ae-quota-commission' } });

    const preview = await admin.post<PlanPreview>('/plans/preview', { source: AE, quota: '500000.00', targetIncentive: '50000.00', sampleDeal: { amount: '650000.00', date: '2026-02-10' } });
    expect(preview.status).toBe(200);
    expect(preview.body.curve).toHaveLength(41);
    expect(preview.body.curve.at(-1)).toMatchObject({ attainmentPercent: 200, totalMinor: '10000000' });
    expect(preview.body.sample).toMatchObject({ amountMinor: '65000000', calculation: { totalMinor: '7250000' } });
    const badAmount = await admin.post('/plans/preview', { source: AE, quota: '-5', targetIncentive: '1' });
    expect(badAmount).toMatchObject({ status: 422, body: { error: { details: [{ field: 'quota' }] } } });
  });

  it('refuses reps and managers (403), strangers (401) and hides other organisations\' plans (404)', async () => {
    const ops = await s.as(t, 'ops');
    const created = await ops.post<PlanSaved>('/plans', { source: withKey('ae-guarded') });
    const id = created.body.plan.id;
    const requests: [string, string, unknown][] = [
      ['GET', '/plans', undefined],
      ['GET', `/plans/${id}`, undefined],
      ['GET', `/plans/${id}/versions/1`, undefined],
      ['POST', '/plans/validate', { source: AE }],
      ['POST', '/plans/preview', { source: AE, quota: '1', targetIncentive: '1' }],
      ['POST', '/plans', { source: withKey('ae-rogue') }],
      ['POST', `/plans/${id}/versions`, { source: withKey('ae-guarded', 2) }],
      ['POST', `/plans/${id}/versions/1/publish`, {}],
    ];
    for (const who of ['rep', 'manager'] as const) {
      const client = await s.as(t, who);
      for (const [method, path, body] of requests) expect([who, method, path, (await client.request(method, path, body)).status]).toEqual([who, method, path, 403]);
    }
    for (const [method, path, body] of requests) expect((await s.anonymous.request(method, path, body)).status).toBe(401);

    const stranger = await s.as(other, 'ops');
    expect((await stranger.get(`/plans/${id}`)).status).toBe(404);
    expect((await stranger.get(`/plans/${id}/versions/1`)).status).toBe(404);
    expect((await stranger.post(`/plans/${id}/versions`, { source: withKey('ae-guarded', 2) })).status).toBe(404);
    expect((await stranger.post(`/plans/${id}/versions/1/publish`, {})).status).toBe(404);
    expect((await stranger.get<{ items: PlanListItem[] }>('/plans')).body.items).toEqual([]);
    // Nothing was written by the refused requests.
    expect((await ops.get(`/plans/${id}`)).body).toMatchObject({ versions: [{ version: 1, status: 'draft' }] });
  });
});

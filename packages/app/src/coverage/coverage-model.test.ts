import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepo, type Database } from '@attain/store';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import type { AppContext } from '../context.js';
import { accounts } from '../crm/entities.js';
import { createRecord, getRecord } from '../crm/records.js';
import { setExchangeRate } from '../org-settings.js';
import { createTestOrg, testContext, type TestOrg } from '../test-support/factories.js';
import { analyzeCoverageModel, applyCoverageSegments, getCoverageModel, saveCoverageModel, STARTER_COVERAGE_MODEL } from './coverage-model.js';

warnIfPostgresSkipped();

const MODEL = {
  segments: [
    { key: 'large', name: 'Large', rule: { field: 'employees', op: 'gte', value: '500' }, coverage: [{ role: 'ae', hoursPerAccount: '30' }] },
    { key: 'rest', name: 'Everyone else', rule: null, coverage: [{ role: 'ae', hoursPerAccount: '5' }] },
  ],
  roles: [{ key: 'ae', name: 'AE', hoursPerRep: '40', headcount: 1 }],
};

describe.each(testDialects())('the coverage model on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  let other: TestOrg;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database, () => new Date('2026-11-27T12:00:00Z'));
    t = await createTestOrg(ctx, 'Coverage');
    other = await createTestOrg(ctx, 'Coverage B');
    const make = async (name: string, employees: number | null, potentialMinor: string, currency?: string) => {
      ids[name] = (await createRecord(ctx, t.actors.ops, accounts, { name, employees, potentialMinor, ...(currency ? { currency } : {}) })).id;
    };
    await make('Big', 2000, '100000000');
    await make('Medium', 800, '20000000');
    await make('Small', 20, '1000000');
    await make('Unknown size', null, '500000');
    await createRecord(ctx, other.actors.ops, accounts, { name: 'Elsewhere', employees: 9000, potentialMinor: '999999999' });
  });
  afterAll(async () => database.close());

  it('starts from the starter model and analyses every account of the organisation, and only those', async () => {
    expect(await getCoverageModel(ctx, t.actors.manager)).toEqual({ version: null, model: STARTER_COVERAGE_MODEL, createdBy: null, createdAt: null });
    const analysis = await analyzeCoverageModel(ctx, t.actors.ops);
    expect([analysis.accounts, analysis.potentialMinor, analysis.currency]).toEqual([4, '121500000', 'USD']);
    expect(analysis.segments.map((s) => [s.key, s.accounts])).toEqual([['enterprise', 1], ['mid-market', 1], ['smb', 2]]);
    expect(analysis.changes).toBe(4);
    await expect(analyzeCoverageModel(ctx, t.actors.rep)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('saves versions checked and in order, analyses a draft, and applies the saved one to every account at once', async () => {
    await expect(saveCoverageModel(ctx, t.actors.ops, { model: { ...MODEL, roles: [{ key: 'ae', name: 'AE', hoursPerRep: 'lots' }] }, baseVersion: null }))
      .rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'roles[0].hoursPerRep' }] });
    await expect(saveCoverageModel(ctx, t.actors.manager, { model: MODEL, baseVersion: null })).rejects.toMatchObject({ code: 'forbidden' });
    const saved = await saveCoverageModel(ctx, t.actors.ops, { model: MODEL, baseVersion: null });
    expect(saved).toMatchObject({ version: 1, model: MODEL, createdBy: t.actors.ops.userId });
    // Someone else saved meanwhile: her edit of "no version" is refused, not silently overwritten.
    await expect(saveCoverageModel(ctx, t.actors.admin, { model: MODEL, baseVersion: null })).rejects.toMatchObject({ code: 'conflict' });
    expect((await getCoverageModel(ctx, other.actors.ops)).version).toBeNull();

    // Large: 2 x 30 h, the rest 2 x 5 h = 70 h; one AE has 40: Big (100,000.00 for 30 h) first, then Small (10,000.00/5 h), then Unknown size.
    const analysis = await analyzeCoverageModel(ctx, t.actors.finance);
    expect(analysis.segments.map((s) => [s.key, s.accounts, s.potentialMinor])).toEqual([['large', 2, '120000000'], ['rest', 2, '1500000']]);
    expect(analysis.roles[0]).toMatchObject({ workloadHours: '70', repsNeeded: '2', covered: { accounts: 3, potentialMinor: '101500000', hours: '40' }, uncovered: { accounts: 1, potentialMinor: '20000000', largest: [{ id: ids.Medium, name: 'Medium', potentialMinor: '20000000' }] } });
    expect(analysis.changes).toBe(4);

    const applied = await applyCoverageSegments(ctx, t.actors.ops);
    expect(applied).toEqual({ version: 1, changed: 4, bySegment: { large: 2, rest: 2 } });
    expect((await getRecord(ctx, t.actors.ops, accounts, ids.Medium as string)).segment).toBe('Large');
    expect((await analyzeCoverageModel(ctx, t.actors.ops)).changes).toBe(0);
    expect(await applyCoverageSegments(ctx, t.actors.ops)).toEqual({ version: 1, changed: 0, bySegment: { large: 0, rest: 0 } });
    const audit = await auditRepo.list(database.db, { orgId: t.org.id, entity: 'coverage_model', limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['coverage_model.apply', 'coverage_model.apply', 'coverage_model.save']);
  });

  it('counts potential in the organisation\'s currency, and names a currency it has no rate for', async () => {
    const euro = await createRecord(ctx, t.actors.ops, accounts, { name: 'Euro GmbH', employees: 10, potentialMinor: '1000000', currency: 'EUR' });
    await expect(analyzeCoverageModel(ctx, t.actors.ops)).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('no exchange rate for EUR') });
    await setExchangeRate(ctx, t.actors.admin, { currency: 'EUR', effectiveDate: '2026-01-01', rate: '1.1' });
    const analysis = await analyzeCoverageModel(ctx, t.actors.ops);
    expect(analysis.segments[1]).toMatchObject({ accounts: 3, potentialMinor: String(1_500_000 + 1_100_000) });
    expect(euro.id).toBeTruthy();
  });
});

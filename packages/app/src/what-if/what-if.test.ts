import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calcRunRepo, ledgerRepo, type Database } from '@attain/store';
import { createPayCycleOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import { runCalc } from '../calc/run-calc.js';
import { listStatements } from '../calc/statement-queries.js';
import type { AppContext } from '../context.js';
import { getPlanVersion } from '../plans/plan-queries.js';
import { savePlanVersion } from '../plans/save-plan-version.js';
import { bucketsOf } from './distribution.js';
import { planCostScenarios } from './plan-cost-scenarios.js';
import { whatIfPlanVersion } from './what-if-plan-version.js';

warnIfPostgresSkipped();

describe('bucketsOf', () => {
  it('puts every value in exactly one inclusive bar and covers min..max', () => {
    const values = [-5n, 0n, 3n, 3n, 17n, 120n];
    const buckets = bucketsOf(values, 4);
    expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(values.length);
    expect(buckets[0]?.fromMinor).toBe(-5n);
    expect(buckets.at(-1)?.toMinor).toBeGreaterThanOrEqual(120n);
    for (const [i, b] of buckets.entries()) if (i > 0) expect(b.fromMinor).toBe((buckets[i - 1]?.toMinor ?? 0n) + 1n);
    expect(bucketsOf([7n, 7n])).toEqual([{ fromMinor: 7n, toMinor: 7n, count: 2 }]);
    expect(bucketsOf([])).toEqual([]);
  });
});

describe.each(testDialects())('what-if on a plan version on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;
  let planId: string;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createPayCycleOrg(ctx, 'What-if');
    planId = t.plans['ae-quota-commission'] as string;
    // Quarterly quota 200,000.00 and target incentive 15,000.00.
    await t.assign(t.people.rep.id, 'ae-quota-commission', '6000000', '80000000');
    await t.assign(t.people.rep2.id, 'ae-quota-commission', '6000000', '80000000');
    await t.winDeal(t.actors.rep, '10000000', '2026-02-10');
    await t.winDeal(t.actors.rep2, '5000000', '2026-03-01');
    await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    // A draft v2 paying 12% below quota instead of 10% (its examples, written for 10%, left out).
    const v1 = (await getPlanVersion(ctx, t.actors.ops, planId, 1)).source;
    const draft = v1.split('\n  examples:')[0]?.replace('version: 1', 'version: 2').replace('rate: "0.10"', 'rate: "0.12"') as string;
    await savePlanVersion(ctx, t.actors.ops, planId, { source: `${draft}\n` });
  });
  afterAll(async () => database.close());

  it('re-runs a quarter under a draft: exact differences per payee, totals, a histogram, and nothing published', async () => {
    const runsBefore = (await calcRunRepo.list(database.db, t.org.id)).length;
    const ledgerBefore = await ledgerRepo.listForPeriods(database.db, t.org.id, { forPeriods: ['FY2026-Q1'] });
    const result = await whatIfPlanVersion(ctx, t.actors.finance, { planId, version: 2, period: '2026-Q1' });
    expect(result).toMatchObject({ version: 2, versionStatus: 'draft', periodKeys: ['FY2026-Q1'], currency: 'USD' });
    // 100,000.00 at 10% = 10,000.00 -> at 12% = 12,000.00; 50,000.00 -> 5,000.00 / 6,000.00.
    expect(result.payees.map((p) => [p.personName, p.baselineMinor, p.scenarioMinor, p.differenceMinor])).toEqual([
      ['Rita Rep', '1000000', '1200000', '200000'], ['Rob Rep', '500000', '600000', '100000'],
    ]);
    expect(result.totals).toEqual({ baselineMinor: '1500000', scenarioMinor: '1800000', differenceMinor: '300000' });
    expect(result.distribution.change.reduce((s, b) => s + b.count, 0)).toBe(2);
    expect(result.distribution.change[0]).toMatchObject({ fromMinor: '100000', count: 1 });
    // The baseline ties to the published statements.
    const published = await listStatements(ctx, t.actors.finance, { period: '2026-Q1' });
    expect(published.map((s) => s.payoutMinor)).toEqual(result.payees.map((p) => p.baselineMinor));
    expect((await calcRunRepo.list(database.db, t.org.id)).length).toBe(runsBefore);
    expect(await ledgerRepo.listForPeriods(database.db, t.org.id, { forPeriods: ['FY2026-Q1'] })).toEqual(ledgerBefore);
  });

  it('re-runs a fiscal year quarter by quarter; the same version changes nothing', async () => {
    const year = await whatIfPlanVersion(ctx, t.actors.ops, { planId, version: 2, period: 'FY2026' });
    expect(year.periodKeys).toEqual(['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4']);
    expect(year.totals.differenceMinor).toBe('300000');
    const same = await whatIfPlanVersion(ctx, t.actors.finance, { planId, version: 1, period: '2026-Q1' });
    expect(same.totals).toEqual({ baselineMinor: '1500000', scenarioMinor: '1500000', differenceMinor: '0' });
  });

  it('costs the plan at 50/100/150% and at historical attainment', async () => {
    const cost = await planCostScenarios(ctx, t.actors.finance, { planId, version: 1, period: '2026-Q1' });
    expect(cost.payees.map((p) => [p.personName, p.quotaMinor, p.historicalAttainment, p.payoutMinor])).toEqual([
      ['Rita Rep', '19726027', '0.5069', { '50': '986301', '100': '1972603', '150': '2958904', historical: '1000000' }],
      ['Rob Rep', '19726027', '0.2535', { '50': '986301', '100': '1972603', '150': '2958904', historical: '500000' }],
    ]);
    // Quota 800,000.00 x 90/365 days = 197,260.27. 50%: 98,630.14 (half-even) x 10% = 9,863.01; 100%: 19,726.03 (half-even);
    // 150%: 19,726.03 + 98,630.13 x 15% = 34,520.55, capped at 2 x 14,794.52 = 29,589.04. Historical: the deals themselves.
    expect(cost.scenarios.map((s) => [s.key, s.totalMinor, s.payeeCount])).toEqual([['50', '1972602', 2], ['100', '3945206', 2], ['150', '5917808', 2], ['historical', '1500000', 2]]);
    const draft = await planCostScenarios(ctx, t.actors.finance, { planId, version: 2, period: '2026-Q1' });
    // 12% of 98,630.14 = 11,835.6168 -> 11,835.62 each.
    expect(draft.scenarios[0]?.totalMinor).toBe('2367124');
  });

  it('is for org-wide comp roles, refuses a year for costs and a pay period of the other frequency', async () => {
    await expect(whatIfPlanVersion(ctx, t.actors.rep, { planId, version: 2, period: '2026-Q1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(whatIfPlanVersion(ctx, t.actors.manager, { planId, version: 2, period: '2026-Q1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(planCostScenarios(ctx, t.actors.rep, { planId, version: 1, period: '2026-Q1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(whatIfPlanVersion(ctx, t.actors.finance, { planId, version: 2, period: '2026-M01' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(planCostScenarios(ctx, t.actors.finance, { planId, version: 1, period: 'FY2026' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(whatIfPlanVersion(ctx, t.actors.finance, { planId, version: 9, period: '2026-Q1' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

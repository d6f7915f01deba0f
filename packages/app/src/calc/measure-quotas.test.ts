import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@attain/store';
import { openPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import { assignPlan } from '../assignments/assign-plan.js';
import { listAssignments } from '../assignments/assignment-queries.js';
import { changeAssignment } from '../assignments/change-assignment.js';
import { parsePlanFile } from '../comp/plan-file.js';
import type { AppContext } from '../context.js';
import { opportunities } from '../crm/entities.js';
import { createRecord, updateRecord } from '../crm/records.js';
import { getPipeline } from '../crm/pipelines.js';
import { runCalc } from './run-calc.js';
import { approveQuotaPlan, createQuotaPlan, submitQuotaPlan } from '../quotas/quota-plans.js';
import { getStatement } from './statement-queries.js';

warnIfPostgresSkipped();

/** The template: 500.00 per new logo up to the period's logo quota, 1,000.00 each above it. */
const LOGOS_PLAN = readFileSync(fileURLToPath(new URL('../../../../plans/templates/ae-new-logos.yaml', import.meta.url)), 'utf8');

describe('a plan file naming a measure quota', () => {
  it('is a count measure\'s quota of a known measure, per period', () => {
    expect(parsePlanFile({ text: LOGOS_PLAN }).components[0]).toMatchObject({ quotaMeasure: 'new-logos' });
    const bad = (from: string, to: string) => () => parsePlanFile({ text: LOGOS_PLAN.replace(from, to) });
    expect(bad('quota: new-logos', 'quota: arr')).toThrow(/measure\.quota: must be one of new-logos/);
    expect(bad('aggregate: count, quota', 'aggregate: sum, quota')).toThrow(/new-logos is a count: the measure's aggregate must be count/);
    expect(bad('mode: marginal', 'mode: marginal\n      accumulation: year-to-date')).toThrow(/quota of new-logos is measured per period/);
  });
});

describe.each(testDialects())('quotas of other measures on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;
  let planId: string;

  beforeAll(async () => {
    ({ database, ctx, t } = await openPayCycleOrg(dialect, 'Logos'));
    planId = t.plans['ae-new-logos'] as string;
  });
  afterAll(async () => database.close());

  it('pays new logos against the assignment\'s logo quota, phased for the quarter; a plan that measures one needs it', async () => {
    const assign = (measureQuotas?: { 'new-logos': string }) => assignPlan(ctx, t.actors.finance, {
      personId: t.people.rep.id, planId, planVersion: 1, validFrom: '2026-01-01', targetIncentiveMinor: '1000000', reason: 'logos', ...(measureQuotas ? { measureQuotas } : {}),
    });
    await expect(assign()).rejects.toMatchObject({ issues: [{ field: 'measureQuotas.new-logos', message: expect.stringContaining('New logos') }] });
    const assigned = await assign({ 'new-logos': '8' });
    expect(assigned.measureQuotas).toEqual({ 'new-logos': '8' });

    // Three new customers and one expansion in Q1: only the new business counts as a logo.
    for (const amountMinor of ['1000000', '2000000', '3000000']) await t.winDeal(t.actors.rep, amountMinor, '2026-02-10');
    const expansion = await createRecord(ctx, t.actors.rep, opportunities, { name: 'More seats', amountMinor: '500000', closeDate: '2026-03-01', type: 'expansion' });
    const won = (await getPipeline(ctx, t.actors.rep, expansion.pipelineId)).stages.find((s) => s.isWon)?.id as string;
    await updateRecord(ctx, t.actors.rep, opportunities, expansion.id, { stageId: won });

    await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    const statement = await getStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q1' });
    // The quarter's logo quota by days: 8 x 90/365 = 1.97 -> 2. Three logos: 150%. Two at 500.00, the third at 1,000.00.
    const slices = statement.plans[0]?.explanation.filter((row) => row.step === 'slice-at-rate').map((row) => [row.slice, row.rate, row.amountMinor]);
    expect(slices).toEqual([['2', '50000', '100000'], ['1', '100000', '100000']]);
    expect(statement.earnedMinor).toBe('200000');
    expect(statement.plans[0]?.explanation.find((row) => row.step === 'measure')).toMatchObject({ measureValue: '3', attainment: '1.5000' });
    expect(statement.credits.filter((c) => c.creditType === 'new-logo')).toHaveLength(3);

    // A change replaces the quotas from its day and keeps them otherwise.
    const changed = await changeAssignment(ctx, t.actors.finance, assigned.id, { effectiveFrom: '2026-07-01', measureQuotas: { 'new-logos': '12' }, reason: 'bigger patch' });
    expect([changed.ended.measureQuotas, changed.created.measureQuotas]).toEqual([{ 'new-logos': '8' }, { 'new-logos': '12' }]);
    const kept = await changeAssignment(ctx, t.actors.finance, changed.created.id, { effectiveFrom: '2026-10-01', targetIncentiveMinor: '2000000', reason: 'raise' });
    expect(kept.created.measureQuotas).toEqual({ 'new-logos': '12' });
  });

  it('allocates a year\'s new logos in a quota plan of their own, approved into the assignments\' new-logos quotas', async () => {
    const plan = await createQuotaPlan(ctx, t.actors.ops, { fiscalYear: 2026, measure: 'new-logos', targetMinor: '30', roles: ['ae'] });
    expect(plan).toMatchObject({ measure: 'new-logos', unit: 'count', targetMinor: '30' });
    const sellers = plan.lines.filter((l) => l.kind === 'seller');
    // Nobody won a logo the year before and nobody covers potential: equal parts of the number, which the lines sum to exactly.
    expect(sellers.reduce((sum, l) => sum + BigInt(l.annualMinor), 0n)).toBe(30n);
    expect(plan.diagnostics.quotaToOte).toBeNull();
    await submitQuotaPlan(ctx, t.actors.ops, plan.id, {});
    const approved = await approveQuotaPlan(ctx, t.actors.finance, plan.id, { version: 1 });
    const rita = sellers.find((l) => l.personId === t.people.rep.id);
    const today = new Date().toISOString().slice(0, 10);
    expect(approved.applied).toEqual([expect.objectContaining({ personId: t.people.rep.id, annualMinor: rita?.annualMinor, validFrom: today, how: 'changed' })]);
    expect(approved.skipped.find((x) => x.key === t.people.rep2.id)?.reason).toContain('no plan assignment with a new-logos quota');
    const now = (await listAssignments(ctx, t.actors.finance, { personId: t.people.rep.id })).find((a) => a.validFrom === today);
    expect(now).toMatchObject({ annualQuotaMinor: null, measureQuotas: { 'new-logos': rita?.annualMinor } });
  });
});

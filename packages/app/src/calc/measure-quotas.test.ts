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

  it('pays ACV against the assignment\'s ACV quota: a three-year deal counts a year of it, a renewal none; and allocates a year of ACV', async () => {
    const acvPlan = t.plans['ae-acv-commission'] as string;
    // 400,000.00 of ACV a year.
    await assignPlan(ctx, t.actors.finance, { personId: t.people.rep2.id, planId: acvPlan, planVersion: 1, validFrom: '2026-01-01', targetIncentiveMinor: '1000000', reason: 'acv', measureQuotas: { acv: '40000000' } });
    const win = async (name: string, amountMinor: string, extra: Record<string, unknown>) => {
      const deal = await createRecord(ctx, t.actors.rep2, opportunities, { name, amountMinor, closeDate: '2026-02-20', ...extra });
      const won = (await getPipeline(ctx, t.actors.rep2, deal.pipelineId)).stages.find((s) => s.isWon)?.id as string;
      await updateRecord(ctx, t.actors.rep2, opportunities, deal.id, { stageId: won });
    };
    await win('Three years', '24000000', { contractTermMonths: 36 });
    await win('More seats', '1200000', { type: 'expansion' });
    await win('Renewed', '5000000', { type: 'renewal' });
    await runCalc(ctx, t.actors.finance, { period: '2026-Q2' });
    const run = await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    expect(run.status).toBe('published');
    const statement = await getStatement(ctx, t.actors.rep2, { personId: t.people.rep2.id, period: '2026-Q1' });
    // ACV 240,000.00 / 3 = 80,000.00 + 12,000.00 = 92,000.00 against 400,000.00 x 90/365 = 98,630.14 (93.28%): 92,000.00 x 8% = 7,360.00.
    expect(statement.plans[0]?.explanation.find((row) => row.step === 'measure')).toMatchObject({ measureValue: '9200000', attainment: '0.9328' });
    expect(statement.earnedMinor).toBe('736000');
    const acvCredits = statement.credits.filter((c) => c.creditType === 'acv').map((c) => c.amountMinor).sort();
    expect(acvCredits).toEqual(['1200000', '8000000']);
    expect(statement.credits.find((c) => c.creditType === 'acv' && c.amountMinor === '8000000')).toMatchObject({ basisMinor: '8000000', termMonths: 36 });

    // A year of ACV allocated: last year's history is the annual value of what each won.
    const plan = await createQuotaPlan(ctx, t.actors.ops, { fiscalYear: 2027, measure: 'acv', targetMinor: '100000000', roles: ['ae'] });
    expect(plan).toMatchObject({ measure: 'acv', unit: 'money' });
    expect(plan.lines.find((l) => l.personId === t.people.rep2.id)?.historyMinor).toBe('9200000');
    expect(plan.lines.filter((l) => l.kind === 'seller').reduce((sum, l) => sum + BigInt(l.annualMinor), 0n)).toBe(100_000_000n);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerRepo, type Database } from '@attain/store';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import { assignPlan } from '../assignments/assign-plan.js';
import type { AppContext } from '../context.js';
import { approveStatement } from '../period-close/approve-statement.js';
import { closePeriod } from '../period-close/period-close.js';
import { opportunities } from '../crm/entities.js';
import { getPipeline } from '../crm/pipelines.js';
import { getRecord, updateRecord } from '../crm/records.js';
import { createPlanFromSource, publishPlanVersion } from '../plans/save-plan-version.js';
import { testContext } from '../test-support/factories.js';
import { createPayCycleOrg, type PayCycleOrg } from '../test-support/pay-cycle-org.js';
import type { CalcInputs } from './calc-inputs.js';
import { settleRecalculations } from './recalculate-payees.js';
import { runCalc } from './run-calc.js';
import { runPlanLoader, statementPlans } from './statement-body.js';
import { getStatement } from './statement-queries.js';
import { verifyCalcRun } from './verify-calc-run.js';

warnIfPostgresSkipped();

const AE_PLAN = readFileSync(new URL('../../../../plans/templates/ae-quota-commission.yaml', import.meta.url), 'utf8');

/** The AE template under another id, with a clawback policy. */
const withClawback = (id: string, clawback: string): string =>
  AE_PLAN.replace('id: ae-quota-commission', `id: ${id}`).replace('  currency: USD\n', `  currency: USD\n  clawback: ${clawback}\n`);

describe.each(testDialects())('deals lost after their period closed, by the plan\'s clawback policy, on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;
  let today = '2026-03-20T12:00:00.000Z';

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database, () => new Date(today));
    t = await createPayCycleOrg(ctx, 'Late');
  });
  afterAll(async () => database.close());

  it('keeps the closed period\'s earnings and posts the policy\'s share of the deal to the next open period, once', async () => {
    const halfBack = await createPlanFromSource(ctx, t.actors.finance, { source: withClawback('ae-half-back', '{ method: of-earned, percentage: "0.5" }') });
    const prorated = await createPlanFromSource(ctx, t.actors.finance, { source: withClawback('ae-prorated', '{ method: prorated-unserved, termMonths: 12 }') });
    for (const [personId, planId] of [[t.people.rep.id, halfBack.plan.id], [t.people.rep2.id, prorated.plan.id]] as const) {
      await publishPlanVersion(ctx, t.actors.ops, planId, 1);
      await assignPlan(ctx, t.actors.finance, { personId, planId, planVersion: 1, validFrom: '2026-01-01', targetIncentiveMinor: '6000000', annualQuotaMinor: '80000000', reason: 'test' });
    }
    // 100,000.00 each in Q1, under the 200,000.00 quarter quota: 10% = 10,000.00 each.
    const ritas = await t.winDeal(t.actors.rep, '10000000', '2026-02-10');
    const robs = await t.winDeal(t.actors.rep2, '10000000', '2026-02-10');
    await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    for (const personId of [t.people.rep.id, t.people.rep2.id]) {
      await approveStatement(ctx, t.actors.manager, { personId, period: '2026-Q1' });
      await approveStatement(ctx, t.actors.admin, { personId, period: '2026-Q1' });
    }
    await closePeriod(ctx, t.actors.finance, { period: '2026-Q1' });
    await runCalc(ctx, t.actors.finance, { period: '2026-Q2' });

    today = '2026-06-15T12:00:00.000Z';
    await t.loseDeal(t.actors.rep, ritas.id);
    await t.loseDeal(t.actors.rep2, robs.id);
    await settleRecalculations(ctx);
    const q2Ledger = async (personId: string) => (await getStatement(ctx, t.actors.finance, { personId, period: '2026-Q2' })).ledger.map((e) => [e.type, e.forPeriod, e.amountMinor]);
    // Half of the 10,000.00 comes back; the earning of the closed quarter stands.
    expect(await q2Ledger(t.people.rep.id)).toEqual([['clawback', 'FY2026-Q1', '-500000']]);
    // The term 2026-02-10..2027-02-09 is 365 days, 125 served by 2026-06-15: 10,000.00 x 240/365 = 6,575.34 (half-even).
    expect(await q2Ledger(t.people.rep2.id)).toEqual([['clawback', 'FY2026-Q1', '-657534']]);

    // A full run of the closed quarter says the same: nothing more is posted, and it verifies.
    const entries = (await ledgerRepo.listForPeriods(database.db, t.org.id, { forPeriods: ['FY2026-Q1'] })).length;
    const run = await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    expect((await ledgerRepo.listForPeriods(database.db, t.org.id, { forPeriods: ['FY2026-Q1'] })).length).toBe(entries);
    expect((await verifyCalcRun(ctx, t.actors.finance, run.id)).ok).toBe(true);

    // Her latest Q1 result explains it; the statement she was paid by stays as it closed.
    const body = (await database.db.selectFrom('calc_results').select('body').where('run_id', '=', run.id).where('person_id', '=', t.people.rep2.id).executeTakeFirstOrThrow()).body as string;
    const latest = JSON.parse(body);
    const inputs = JSON.parse(run.inputs) as CalcInputs;
    const [plan] = statementPlans(body, inputs, await runPlanLoader(database.db, t.org.id, inputs));
    expect(plan?.explanation.filter((r: { step: string }) => r.step === 'clawback')).toEqual([expect.objectContaining({
      amountMinor: '-657534', acted: expect.stringMatching(/10,?000\.00 earned x 240\/365 days of the term 2026-02-10\.\.2027-02-09 not served \(lost 2026-06-15\)/),
    })]);
    expect(latest.earnedMinor).toBe('1000000');
    expect(await getStatement(ctx, t.actors.rep2, { personId: t.people.rep2.id, period: '2026-Q1' })).toMatchObject({ postedMinor: '1000000', approval: { status: 'approved' } });

    // Rita wins the deal back, on its old date: it is booked again, so nothing is taken back after all.
    const pipeline = await getPipeline(ctx, t.actors.rep, (await getRecord(ctx, t.actors.rep, opportunities, ritas.id)).pipelineId as string);
    await updateRecord(ctx, t.actors.rep, opportunities, ritas.id, { stageId: pipeline.stages.find((st) => st.isWon)?.id as string });
    await settleRecalculations(ctx);
    expect(await q2Ledger(t.people.rep.id)).toEqual([['clawback', 'FY2026-Q1', '-500000'], ['clawback', 'FY2026-Q1', '500000']]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compTransactionRepo, type Database } from '@attain/store';
import { openPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import { postLedgerEntry } from '../calc/post-ledger-entry.js';
import { runCalc } from '../calc/run-calc.js';
import type { AppContext } from '../context.js';
import { estimateDeal } from './estimate-deal.js';
import { myEarnings } from './my-earnings.js';

warnIfPostgresSkipped();

describe.each(testDialects())("a rep's earnings and the deal estimator on %s", (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;

  beforeAll(async () => {
    ({ database, ctx, t } = await openPayCycleOrg(dialect, 'My pay'));
    await t.assignAes(t.people.rep.id, t.people.rep2.id);
    await t.winDeal(t.actors.rep, '10000000', '2026-02-10');
    await t.winDeal(t.actors.rep2, '5000000', '2026-03-01');
    await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
  });
  afterAll(async () => database.close());

  it('shows her own periods: earned, posted, on hold until released, attainment per component', async () => {
    const hold = await postLedgerEntry(ctx, t.actors.finance, { personId: t.people.rep.id, period: '2026-Q1', type: 'hold', amountMinor: '100000', reason: 'order form missing' });
    await postLedgerEntry(ctx, t.actors.finance, { personId: t.people.rep.id, period: '2026-Q1', type: 'hold-release', amountMinor: '40000', reason: 'part found', relatedEntryId: hold.id });
    const mine = await myEarnings(ctx, t.actors.rep, { fiscalYear: 2026 });
    expect(mine).toMatchObject({ personId: t.people.rep.id, personName: 'Rita Rep', fiscalYear: 2026, currency: 'USD' });
    expect(mine.periods).toHaveLength(1);
    expect(mine.periods[0]).toMatchObject({ periodKey: 'FY2026-Q1', status: 'open', earnedMinor: '1000000', postedMinor: '940000', paidMinor: '0', onHoldMinor: '60000' });
    expect(mine.periods[0]?.attainment).toEqual([{
      planId: 'ae-quota-commission', planName: 'Account executive quota commission', componentId: 'commission', componentName: 'Bookings commission',
      measureMinor: '10000000', quotaMinor: '19726027', attainment: '0.5069',
    }]);
    expect(mine.totals).toEqual({ earnedMinor: '1000000', postedMinor: '940000', paidMinor: '0', onHoldMinor: '60000' });
    // Her colleague sees only her own statement; another year is empty.
    expect((await myEarnings(ctx, t.actors.rep2, { fiscalYear: 2026 })).periods.map((p) => [p.earnedMinor, p.onHoldMinor])).toEqual([['500000', '0']]);
    expect((await myEarnings(ctx, t.actors.rep, { fiscalYear: 2025 })).periods).toEqual([]);
  });

  it('estimates a deal: both payouts, the exact difference, the rows that explain it, and stores nothing', async () => {
    const seq = await compTransactionRepo.lastSeq(database.db, t.org.id);
    // 100,000.00 + 120,000.00 = 220,000.00 of 197,260.27: 197,260.27 x 10% + 22,739.73 x 15% = 19,726.027 + 3,410.9595 = 23,136.99.
    const estimate = await estimateDeal(ctx, t.actors.rep, { amountMinor: '12000000', closeDate: '2026-03-15' });
    expect(estimate).toMatchObject({ personId: t.people.rep.id, baselineMinor: '1000000', scenarioMinor: '2313699', differenceMinor: '1313699', currency: 'USD' });
    expect(estimate.periods).toEqual([{ periodKey: 'FY2026-Q1', baselineMinor: '1000000', scenarioMinor: '2313699', differenceMinor: '1313699' }]);
    const rows = estimate.plans[0]?.explanation ?? [];
    expect(rows.filter((r) => r.step === 'slice-at-rate').map((r) => [r.tier, r.rate])).toEqual([[0, '0.1'], [1, '0.15']]);
    expect(rows.find((r) => r.step === 'measure')).toMatchObject({ measureValue: '22000000', attainment: '1.1153' });
    expect(await compTransactionRepo.lastSeq(database.db, t.org.id)).toBe(seq);
  });

  it('is refused without a person, with a bad amount, and on a day she has no plan', async () => {
    await expect(myEarnings(ctx, t.actors.finance, { fiscalYear: 2026 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(estimateDeal(ctx, t.actors.admin, { amountMinor: '100', closeDate: '2026-03-15' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(estimateDeal(ctx, t.actors.rep, { amountMinor: '0', closeDate: '2026-03-15' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(estimateDeal(ctx, t.actors.rep, { amountMinor: '100', closeDate: '2025-03-15' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(estimateDeal(ctx, t.actors.manager, { amountMinor: '100', closeDate: '2026-03-15' })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

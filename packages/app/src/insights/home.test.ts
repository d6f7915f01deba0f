import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgRepo, type Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { activities, opportunities } from '../crm/entities.js';
import { getPipeline, listPipelines } from '../crm/pipelines.js';
import { archiveRecord, createRecord } from '../crm/records.js';
import { setExchangeRate } from '../org-settings.js';
import { coverageOf, getHome } from './home.js';

warnIfPostgresSkipped();

/*
 * A small hand-built org with known answers. Today is 2026-05-15; the fiscal year starts in
 * February, so this is FY2027-Q2 (2026-05-01..2026-07-31) and the trailing four quarters
 * start on 2025-08-01. EUR is 1.1 USD from 2025-01-01 and 1.2 USD from 2026-06-01.
 */
describe.each(testDialects())('home figures on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  const stageIds: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const setup = testContext(database);
    t = await createTestOrg(setup);
    await orgRepo.update(database.db, { ...t.org, fiscalYearStartMonth: 2 });
    await setExchangeRate(setup, t.admin, { currency: 'EUR', effectiveDate: '2025-01-01', rate: '1.1' });
    await setExchangeRate(setup, t.admin, { currency: 'EUR', effectiveDate: '2026-06-01', rate: '1.2' });
    for (const s of (await getPipeline(setup, t.admin, (await listPipelines(setup, t.admin)).items[0]?.id ?? '')).stages) stageIds[s.name] = s.id;
    const { rep, rep2, otherRep } = t.people;
    const deal = async (key: string, ownerId: string, stage: string, amountMinor: string, currency: string, closeDate: string) => {
      ids[key] = (await createRecord(setup, t.admin, opportunities, { name: key, ownerId, stageId: stageIds[stage], amountMinor, currency, closeDate })).id;
    };
    await deal('A won in Q2', rep.id, 'Closed Won', '100000', 'USD', '2026-05-10');
    await deal('B won in Q1', rep.id, 'Closed Won', '10000', 'EUR', '2026-03-15');
    await deal('C lost', rep.id, 'Closed Lost', '50000', 'USD', '2026-01-20');
    await deal('D lost too early', rep.id, 'Closed Lost', '7000', 'USD', '2025-07-31');
    await deal('E proposal', rep.id, 'Proposal', '200000', 'USD', '2026-05-20');
    await deal('F qualification', rep.id, 'Qualification', '30001', 'EUR', '2026-06-15');
    await deal('G negotiation', rep.id, 'Negotiation', '40000', 'USD', '2026-09-30');
    await deal('H archived', rep.id, 'Proposal', '999999', 'USD', '2026-05-16');
    await archiveRecord(setup, t.admin, opportunities, ids['H archived'] as string);
    await deal('I won at quarter end', rep2.id, 'Closed Won', '20000', 'EUR', '2026-07-31');
    await deal('J discovery', rep2.id, 'Discovery', '15000', 'USD', '2026-05-31');
    await deal('K other won', otherRep.id, 'Closed Won', '500000', 'USD', '2026-05-01');
    await deal('L other overdue', otherRep.id, 'Solution', '80000', 'USD', '2026-05-05');
    const activity = async (key: string, ownerId: string, input: Record<string, unknown>) => {
      ids[key] = (await createRecord(setup, t.admin, activities, { subject: key, ownerId, type: 'call', ...input })).id;
    };
    await activity('overdue call', rep.id, { dueDate: '2026-05-14', opportunityId: ids['E proposal'] });
    await activity('due today', rep.id, { type: 'task', dueDate: '2026-05-15' });
    await activity('done in Q2', rep.id, { dueDate: '2026-05-01', doneAt: '2026-05-03T10:00:00.000Z' });
    await activity('done in Q1', rep.id, { dueDate: '2026-04-30', doneAt: '2026-04-30T23:59:59.000Z' });
    await activity('archived overdue', rep.id, { dueDate: '2026-05-01' });
    await archiveRecord(setup, t.admin, activities, ids['archived overdue'] as string);
    await activity('old email', rep2.id, { type: 'email', dueDate: '2026-04-01' });
    await activity('other meeting', otherRep.id, { type: 'meeting', dueDate: '2026-05-01' });
    ctx = testContext(database, () => new Date('2026-05-15T12:00:00.000Z'));
  });
  afterAll(async () => database.close());

  it('gives a rep her own figures on the fiscal calendar', async () => {
    const home = await getHome(ctx, t.actors.rep);
    expect(home).toMatchObject({
      currency: 'USD',
      today: '2026-05-15',
      quarter: { key: 'FY2027-Q2', start: '2026-05-01', end: '2026-07-31' },
      month: { start: '2026-05-01', end: '2026-05-31' },
      bookings: { amountMinor: 100_000n, count: 1 },
      target: null,
      coverage: null,
      // A and B won (B's EUR 100.00 at 1.1 on its close date), C lost; D closed before the window.
      winRate: { won: 2, lost: 1, wonAmountMinor: 111_000n, lostAmountMinor: 50_000n, periodStart: '2025-08-01', periodEnd: '2026-05-15' },
      // E + F (EUR 300.01 at 1.2 = 360.012) + G = 2,760.012 -> 276,001; weighted 1,200 + 36.0012 + 320 -> 155,600.
      openPipeline: { amountMinor: 276_001n, weightedAmountMinor: 155_600n, count: 3 },
      pipelineThisQuarter: { amountMinor: 236_001n, count: 2 },
      overdueActivityCount: 1,
      activitiesDoneThisQuarter: 1,
    });
    expect(home.closingThisMonth).toEqual([
      expect.objectContaining({ id: ids['E proposal'], name: 'E proposal', ownerName: 'Rita Rep', amountMinor: 200_000n, currency: 'USD', closeDate: '2026-05-20', stageName: 'Proposal' }),
    ]);
    expect(home.overdueActivities).toEqual([
      { id: ids['overdue call'], subject: 'overdue call', type: 'call', dueDate: '2026-05-14', accountId: null, accountName: null, opportunityId: ids['E proposal'], ownerId: t.people.rep.id, ownerName: 'Rita Rep' },
    ]);
    expect(home.byRepAndStage.stages.map((s) => s.name)).toEqual(['Qualification', 'Discovery', 'Solution', 'Proposal', 'Negotiation']);
    expect(home.byRepAndStage.reps).toEqual([
      {
        ownerId: t.people.rep.id, ownerName: 'Rita Rep', totalMinor: 276_001n,
        stages: [
          { stageId: stageIds.Qualification, amountMinor: 36_001n, count: 1 },
          { stageId: stageIds.Discovery, amountMinor: 0n, count: 0 },
          { stageId: stageIds.Solution, amountMinor: 0n, count: 0 },
          { stageId: stageIds.Proposal, amountMinor: 200_000n, count: 1 },
          { stageId: stageIds.Negotiation, amountMinor: 40_000n, count: 1 },
        ],
      },
    ]);
  });

  it('gives a manager her team, with deals won on the last day of the quarter', async () => {
    const home = await getHome(ctx, t.actors.manager);
    // A + I (EUR 200.00 at 1.2 on 2026-07-31)
    expect(home.bookings).toEqual({ amountMinor: 124_000n, count: 2 });
    expect(home.closingThisMonth.map((o) => o.name)).toEqual(['E proposal', 'J discovery']);
    expect(home.overdueActivities.map((a) => a.subject)).toEqual(['old email', 'overdue call']);
    expect(home.overdueActivityCount).toBe(2);
    expect(home.byRepAndStage.reps.map((r) => [r.ownerName, r.totalMinor])).toEqual([['Rita Rep', 276_001n], ['Rob Rep', 15_000n]]);
  });

  it('gives org-wide roles everyone, and one person on request', async () => {
    const home = await getHome(ctx, t.actors.ops);
    expect(home.bookings).toEqual({ amountMinor: 624_000n, count: 3 });
    expect(home.closingThisMonth.map((o) => o.name)).toEqual(['L other overdue', 'E proposal', 'J discovery']);
    expect(home.overdueActivityCount).toBe(3);
    expect(home.byRepAndStage.reps.map((r) => r.ownerName)).toEqual(['Rita Rep', 'Olga Rep', 'Rob Rep']);
    const rob = await getHome(ctx, t.actors.finance, { ownerId: t.people.rep2.id });
    expect(rob.bookings).toEqual({ amountMinor: 24_000n, count: 1 });
    expect(rob.winRate).toMatchObject({ won: 0, lost: 0, wonAmountMinor: 0n });
    expect(rob.openPipeline).toEqual({ amountMinor: 15_000n, weightedAmountMinor: 3_000n, count: 1 });
    const manager = await getHome(ctx, t.actors.manager, { ownerId: t.people.rep.id });
    expect(manager.bookings).toEqual({ amountMinor: 100_000n, count: 1 });
  });

  it('refuses a person outside the scope', async () => {
    await expect(getHome(ctx, t.actors.rep, { ownerId: t.people.rep2.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getHome(ctx, t.actors.manager, { ownerId: t.people.otherRep.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getHome(ctx, t.actors.ops, { ownerId: 'per_missing' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('coverage', () => {
  it('is pipeline / (target - bookings) with two decimals, null without a target or with nothing left to cover', () => {
    expect(coverageOf(300_000n, 200_000n, 50_000n)).toBe('2.00');
    expect(coverageOf(100_000n, 400_000n, 100_000n)).toBe('0.33');
    expect(coverageOf(5n, 1_000n, 0n)).toBe('0.00');
    expect(coverageOf(100n, null, 0n)).toBeNull();
    expect(coverageOf(100n, 100n, 100n)).toBeNull();
  });
});

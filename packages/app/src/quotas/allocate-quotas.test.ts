import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insightsRepo, type Database } from '@attain/store';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import type { AppContext } from '../context.js';
import { opportunities } from '../crm/entities.js';
import { createRecord, updateRecord } from '../crm/records.js';
import { createTestOrg, testContext, type TestOrg } from '../test-support/factories.js';
import { sellersBook } from '../test-support/sellers-book.js';
import { flatTerritoryModel } from '../test-support/territory-model.js';
import { allocateQuotas } from './allocate-quotas.js';
import { createQuotaPlan } from './quota-plans.js';

warnIfPostgresSkipped();

describe.each(testDialects())('quota allocation on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  let accountIds: string[];

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database, () => new Date('2026-11-27T12:00:00Z'));
    t = await createTestOrg(ctx, 'Quotas');
    const { rep, rep2, otherRep } = t.people;
    // Potential 6,000.00 / 3,000.00 / 1,000.00; bookings in FY2026 2,000.00 / 3,000.00 / 5,000.00.
    const sellers = [
      { ownerId: rep.id, potentialMinor: '600000', bookedMinor: '200000' }, { ownerId: rep2.id, potentialMinor: '300000', bookedMinor: '300000' },
      { ownerId: otherRep.id, potentialMinor: '100000', bookedMinor: '500000' },
    ];
    const book = await sellersBook(ctx, t.actors.ops, sellers, '2026-06-30');
    const { wonStageId } = book;
    accountIds = book.accountIds;
    for (const [k, { ownerId }] of sellers.entries()) {
      const accountId = accountIds[k];
      // Neither a deal won the year before nor one still open counts.
      const old = await createRecord(ctx, t.actors.ops, opportunities, { name: 'Old', accountId, amountMinor: '999999', closeDate: '2025-06-30', ownerId });
      await updateRecord(ctx, t.actors.ops, opportunities, old.id, { stageId: wonStageId });
      await createRecord(ctx, t.actors.ops, opportunities, { name: 'Open', accountId, amountMinor: '777777', closeDate: '2026-07-31', ownerId });
    }
  });
  afterAll(async () => database.close());

  const quotasOf = (a: Awaited<ReturnType<typeof allocateQuotas>>) => Object.fromEntries(a.sellers.map((s) => [s.name, s.quotaMinor]));

  it('cascades the company number by the even blend of last year\'s bookings and potential, summed up the hierarchy', async () => {
    const a = await allocateQuotas(ctx, t.actors.ops, { fiscalYear: 2027, targetMinor: '1000000' });
    // Shares 0.5 x 0.2 + 0.5 x 0.6 = 0.4, 0.3 and 0.3.
    expect(quotasOf(a)).toEqual({ 'Rita Rep': '400000', 'Rob Rep': '300000', 'Olga Rep': '300000' });
    expect([a.historyFrom, a.historyTo, a.totalMinor, a.currency]).toEqual(['2026-01-01', '2026-12-31', '1000000', 'USD']);
    expect(a.sellers.find((s) => s.name === 'Olga Rep')).toMatchObject({ historyMinor: '500000', potentialMinor: '100000', share: 0.3, growth: -0.4, managerName: 'Otto Manager', bound: null });
    expect(a.managers.map((m) => [m.name, m.sellers, m.quotaMinor])).toEqual([['Vera VP', 3, '1000000'], ['Mona Manager', 2, '700000'], ['Otto Manager', 1, '300000']]);
    // Quota per unit of potential 0.667, 1 and 3; the number is what they booked; FY2026 is still running on the 27th of November.
    // Whether a year is whole is asked in one query: the months with deals won (open deals do not count).
    expect(await insightsRepo.wonMonths(database.db, t.org.id, '2025-01-01', '2026-12-31')).toEqual(['2025-06', '2026-06']);
    expect(a.diagnostics).toMatchObject({ shareAtQuota: null, notEnoughHistory: 'FY2026 is not over', totalOverBookings: 1, quotaPerPotential: { sellers: 3, min: 400_000 / 600_000, max: 3 }, quotaToOte: null });
  });

  it('weights history by role, keeps floors and caps against last year, and takes overrides with their reason', async () => {
    expect(quotasOf(await allocateQuotas(ctx, t.actors.finance, { fiscalYear: 2027, targetMinor: '1000000', weightsByRole: { ae: '1' } })))
      .toEqual({ 'Rita Rep': '200000', 'Rob Rep': '300000', 'Olga Rep': '500000' });
    // At least last year's bookings, at most half as much again: a cap of 300,000 and a floor of 500,000 leave Rob 200,000, under his floor of 300,000: each gets her floor.
    const bounded = await allocateQuotas(ctx, t.actors.ops, { fiscalYear: 2027, targetMinor: '1000000', minGrowth: '0', maxGrowth: '0.5' });
    expect(quotasOf(bounded)).toEqual({ 'Rita Rep': '200000', 'Rob Rep': '300000', 'Olga Rep': '500000' });
    const overridden = await allocateQuotas(ctx, t.actors.ops, { fiscalYear: 2027, targetMinor: '1000000', overrides: [{ personId: t.people.otherRep.id, amountMinor: '100000', reason: 'moves to a new territory in March' }] });
    expect(quotasOf(overridden)).toEqual({ 'Rita Rep': '514286', 'Rob Rep': '385714', 'Olga Rep': '100000' });
    expect(overridden.sellers.find((s) => s.name === 'Olga Rep')).toMatchObject({ bound: 'override', reason: 'moves to a new territory in March' });
  });

  it('allocates over a territory model\'s territories by what was booked on their accounts and their potential; owners carry their territories, an empty seat its own', async () => {
    // Rob's account goes West to Olga; Olga's goes to the empty southern seat.
    const modelId = await flatTerritoryModel(ctx, t.actors.ops, 'FY2027 territories', [
      { key: 'N', name: 'North', ownerId: t.people.rep.id }, { key: 'W', name: 'West', ownerId: t.people.otherRep.id }, { key: 'S', name: 'South', ownerId: null, seat: 'New AE (South)' },
    ], [{ accountId: accountIds[0] as string, territory: 'N' }, { accountId: accountIds[1] as string, territory: 'W' }, { accountId: accountIds[2] as string, territory: 'S' }]);
    const body = { fiscalYear: 2027, targetMinor: '1000000', basis: 'territories' as const, territoryModelId: modelId };
    const a = await allocateQuotas(ctx, t.actors.ops, body);
    // The blend of the territories: North 0.5 x 0.2 + 0.5 x 0.6 = 0.4, West 0.3 + 0.3 halves = 0.3, South 0.3.
    expect(a.territories.map((x) => [x.name, x.ownerName, x.accounts, x.historyMinor, x.potentialMinor, x.quotaMinor])).toEqual([
      ['North', 'Rita Rep', 1, '200000', '600000', '400000'], ['West', 'Olga Rep', 1, '300000', '300000', '300000'], ['South', 'New AE (South)', 1, '500000', '100000', '300000'],
    ]);
    expect(quotasOf(a)).toEqual({ 'Rita Rep': '400000', 'Rob Rep': '0', 'Olga Rep': '300000' });
    expect(a.sellers.find((x) => x.name === 'Olga Rep')).toMatchObject({ historyMinor: '300000', potentialMinor: '300000', reason: 'territories of FY2027 territories: West' });
    expect(a.sellers.find((x) => x.name === 'Rob Rep')?.reason).toBe('owns no territory of FY2027 territories');
    expect([a.basis, a.territoryModel?.name, a.totalMinor, a.vacantMinor]).toEqual(['territories', 'FY2027 territories', '700000', '300000']);
    // Kept as a plan, the empty seat is a seller to be hired with its territory's quota: the plan adds up to the number.
    const plan = await createQuotaPlan(ctx, t.actors.ops, body);
    expect(plan.lines.find((l) => l.kind === 'placeholder')).toMatchObject({ name: 'New AE (South)', annualMinor: '300000', reason: 'territory South of FY2027 territories has no seller on 2027-01-01' });
    expect(plan.lines.filter((l) => l.kind !== 'manager').reduce((sum, l) => sum + BigInt(l.annualMinor), 0n)).toBe(1_000_000n);
    // No model active, none named; overrides go on the plan's lines instead.
    await expect(allocateQuotas(ctx, t.actors.ops, { ...body, territoryModelId: undefined })).rejects.toMatchObject({ issues: [{ field: 'basis' }] });
    await expect(allocateQuotas(ctx, t.actors.ops, { ...body, overrides: [{ personId: t.people.rep.id, amountMinor: '1', reason: 'x' }] })).rejects.toMatchObject({ issues: [{ field: 'overrides' }] });
  });

  it('names what is wrong, and is not for reps or managers', async () => {
    await expect(allocateQuotas(ctx, t.actors.ops, { fiscalYear: 2027, targetMinor: '-5' })).rejects.toMatchObject({ issues: [{ field: 'targetMinor' }] });
    await expect(allocateQuotas(ctx, t.actors.ops, { fiscalYear: 2027, targetMinor: '100', historyWeight: '1.5' })).rejects.toMatchObject({ issues: [{ field: 'historyWeight' }] });
    await expect(allocateQuotas(ctx, t.actors.ops, { fiscalYear: 2027, targetMinor: '100', roles: ['se'] })).rejects.toMatchObject({ issues: [{ field: 'roles' }] });
    await expect(allocateQuotas(ctx, t.actors.ops, { fiscalYear: 2027, targetMinor: '100', overrides: [{ personId: t.people.manager.id, amountMinor: '1', reason: 'x' }] }))
      .rejects.toMatchObject({ issues: [{ field: 'overrides[0].personId' }] });
    await expect(allocateQuotas(ctx, t.actors.ops, { fiscalYear: 2027, targetMinor: '100', minGrowth: '0' })).rejects.toMatchObject({ issues: [{ field: 'targetMinor', message: expect.stringContaining('floors') }] });
    await expect(allocateQuotas(ctx, t.actors.rep, { fiscalYear: 2027, targetMinor: '100' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(allocateQuotas(ctx, t.actors.manager, { fiscalYear: 2027, targetMinor: '100' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

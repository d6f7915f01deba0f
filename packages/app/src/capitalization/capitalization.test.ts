import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepo, inTransaction, ledgerRepo, type Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { RollForwardWire } from '@attain/contract';
import { assignPlan } from '../assignments/assign-plan.js';
import { settleRecalculations } from '../calc/recalculate-payees.js';
import { runCalc } from '../calc/run-calc.js';
import type { AppContext } from '../context.js';
import { opportunities } from '../crm/entities.js';
import { getPipeline } from '../crm/pipelines.js';
import { createRecord, updateRecord } from '../crm/records.js';
import { listPlans } from '../plans/plan-queries.js';
import { seedPlanTemplates } from '../plans/seed-plan-templates.js';
import { capitalizationCosts } from './capitalization-costs.js';
import { getCapitalizationPolicy, setCapitalizationPolicy } from './capitalization-policy.js';
import { journalEntries, journalEntriesCsv, rollForward } from './capitalization-reports.js';

warnIfPostgresSkipped();

const ACCOUNTS = {
  deferredCommissionAsset: '1450 Deferred commissions', commissionExpense: '6100 Commission expense',
  commissionsPayable: '2150 Commissions payable', impairmentExpense: '6110 Commission impairment',
};
/** Customer life of 60 months: 3,000.00 over 60 months is 50.00 a month. */
const LIFE_60 = { incrementalComponentIds: ['commission'], benefitPeriod: { basis: 'customer-life', months: 60 }, practicalExpedient: true, defaultContractTermMonths: 24, accounts: ACCOUNTS };
/** Contract term, contracts assumed 24 months: 6,000.00 over 24 months is 250.00 a month. */
const TERM_24 = { ...LIFE_60, benefitPeriod: { basis: 'contract-term' } };
/** Contracts of 12 months with the practical expedient: everything is expensed. */
const TERM_12 = { ...TERM_24, defaultContractTermMonths: 12 };

const ties = (l: { openingMinor: string; capitalizedMinor: string; amortizedMinor: string; impairedMinor: string; closingMinor: string }) =>
  BigInt(l.openingMinor) + BigInt(l.capitalizedMinor) - BigInt(l.amortizedMinor) - BigInt(l.impairedMinor) === BigInt(l.closingMinor);
const column = (r: RollForwardWire, key: 'capitalizedMinor' | 'amortizedMinor' | 'impairedMinor') => r.months.map((m) => m[key]);

describe.each(testDialects())('commission capitalization on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  let today = new Date('2026-04-10T12:00:00.000Z');
  const deals: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database, () => today);
    t = await createTestOrg(ctx, 'Capitalization');
    await inTransaction(database.db, (tx) => seedPlanTemplates(ctx, tx, t.admin));
    const plans = Object.fromEntries((await listPlans(ctx, t.actors.ops)).map((p) => [p.key, p.id]));
    for (const person of [t.people.rep, t.people.rep2, t.people.otherRep]) {
      await assignPlan(ctx, t.actors.finance, {
        personId: person.id, planId: plans['ae-quota-commission'] as string, planVersion: 1, validFrom: '2026-01-01', targetIncentiveMinor: '6000000', annualQuotaMinor: '80000000', reason: 'FY2026',
      });
    }
    const probe = await createRecord(ctx, t.actors.rep, opportunities, { name: 'Probe', amountMinor: '1', closeDate: '2026-06-01' });
    const stages = (await getPipeline(ctx, t.actors.rep, probe.pipelineId)).stages;
    const won = stages.find((s) => s.isWon)?.id as string;
    const lost = stages.find((s) => s.isClosed && !s.isWon)?.id as string;
    const win = async (key: string, actor: TestOrg['actors']['rep'], amountMinor: string, closeDate: string) => {
      const deal = await createRecord(ctx, actor, opportunities, { name: `Deal ${key}`, amountMinor, closeDate });
      await updateRecord(ctx, actor, opportunities, deal.id, { stageId: won });
      deals[key] = deal.id;
    };
    // Q1 at 10% of bookings: Rita 3,000.00, Rob 6,000.00, Olga 5,000.00.
    await win('A', t.actors.rep, '3000000', '2026-02-10');
    await win('B', t.actors.rep2, '6000000', '2026-03-20');
    await win('C', t.actors.otherRep, '5000000', '2026-03-05');
    await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    // Olga's customer leaves in June: the deal is lost (a clawback event dated 2026-06-15) and, Q1 being open,
    // her Q1 is recalculated without it: its commission is taken back, so it never becomes a cost.
    today = new Date('2026-06-15T12:00:00.000Z');
    await updateRecord(ctx, t.actors.otherRep, opportunities, deals.C as string, { stageId: lost, lostReason: 'churned' });
    // The recalculation that follows finishes before the clock moves on (a run silent for days would count as interrupted).
    await settleRecalculations(ctx);
    // Q2: Rita books 10,000.00 and 20,000.01; 10% of 30,000.01 is 3,000.00 after rounding, shared 1,000.00 / 2,000.00.
    await win('D', t.actors.rep, '1000000', '2026-05-04');
    await win('E', t.actors.rep, '2000001', '2026-05-05');
    await settleRecalculations(ctx);
    today = new Date('2026-07-02T12:00:00.000Z');
    await runCalc(ctx, t.actors.finance, { period: '2026-Q2' });
  }, 60_000);
  afterAll(async () => database.close());

  it('keeps the policy as append-only versions, checked by core and audited; only finance and admins write it', async () => {
    await expect(getCapitalizationPolicy(ctx, t.actors.finance)).rejects.toMatchObject({ code: 'not_found' });
    await expect(setCapitalizationPolicy(ctx, t.actors.finance, { ...LIFE_60, defaultContractTermMonths: 0 })).rejects.toMatchObject({ issues: [{ field: 'defaultContractTermMonths' }] });
    await expect(setCapitalizationPolicy(ctx, t.actors.finance, { ...LIFE_60, accounts: { ...ACCOUNTS, commissionExpense: ACCOUNTS.deferredCommissionAsset } }))
      .rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'accounts.commissionExpense' }] });
    await expect(setCapitalizationPolicy(ctx, t.actors.finance, { ...LIFE_60, expedient: true })).rejects.toMatchObject({ issues: [{ field: 'expedient' }] });
    await expect(setCapitalizationPolicy(ctx, t.actors.ops, LIFE_60)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setCapitalizationPolicy(ctx, t.actors.rep, LIFE_60)).rejects.toMatchObject({ code: 'forbidden' });

    expect(await setCapitalizationPolicy(ctx, t.actors.finance, TERM_12)).toMatchObject({ version: 1, policy: TERM_12, createdBy: t.users.finance.id });
    expect(await setCapitalizationPolicy(ctx, t.actors.admin, LIFE_60)).toMatchObject({ version: 2, policy: LIFE_60 });
    expect(await getCapitalizationPolicy(ctx, t.actors.ops)).toMatchObject({ version: 2, policy: LIFE_60 });
    await expect(getCapitalizationPolicy(ctx, t.actors.rep)).rejects.toMatchObject({ code: 'forbidden' });
    const audit = await auditRepo.list(database.db, { orgId: t.org.id, entity: 'capitalization_policy', limit: 50 });
    expect(audit.map((e) => e.entityId).sort()).toEqual(['1', '2']);
  });

  it('derives costs from the ledger: each earning split over the contracts whose credits made it, to the cent', async () => {
    const { costs, events } = await capitalizationCosts(ctx, t.actors.finance);
    const ledger = await ledgerRepo.listForPeriods(database.db, t.org.id, { forPeriods: ['FY2026-Q1', 'FY2026-Q2'] });
    const earned = ledger.filter((e) => e.componentId === 'commission').reduce((s, e) => s + e.amountMinor, 0n);
    expect(costs.reduce((s, c) => s + c.amountMinor, 0n)).toBe(earned);
    expect(costs.map((c) => [c.contractId, c.amountMinor, c.recognizedOn, c.contractStart, c.contractEnd])).toEqual(expect.arrayContaining([
      [deals.A, 300000n, '2026-03-31', '2026-02-10', '2028-02-09'],
      [deals.B, 600000n, '2026-03-31', '2026-03-20', '2028-03-19'],
      [deals.D, 100000n, '2026-06-30', '2026-05-04', '2028-05-03'],
      [deals.E, 200000n, '2026-06-30', '2026-05-05', '2028-05-04'],
    ]));
    expect(costs).toHaveLength(4);
    expect(costs.some((c) => c.contractId === deals.C)).toBe(false);
    expect(events).toEqual([]);
  });

  it('rolls forward to the cent: 3,000 over 60 months is 50 a month; a deal lost and clawed back leaves nothing to impair', async () => {
    await setCapitalizationPolicy(ctx, t.actors.finance, LIFE_60);
    const r = await rollForward(ctx, t.actors.finance, { from: '2026-02', to: '2026-12' });
    expect(r.months.every(ties) && ties(r.total)).toBe(true);
    r.months.forEach((m, i) => i > 0 && expect(m.openingMinor).toBe(r.months[i - 1]?.closingMinor));
    expect(column(r, 'capitalizedMinor')).toEqual(['0', '900000', '0', '0', '300000', '0', '0', '0', '0', '0', '0']);
    expect(column(r, 'impairedMinor')).toEqual(Array<string>(11).fill('0'));
    // A 50.00 and B 100.00 a month from March (10 months); D 16.66 and E 33.33 a month from June (7 months).
    const amortized = 10 * 15000 + 7 * (1666 + 3333);
    expect(r.total).toEqual({ openingMinor: '0', capitalizedMinor: '1200000', amortizedMinor: String(amortized), impairedMinor: '0', closingMinor: String(1200000 - amortized) });
    const a = r.byContract.find((c) => c.contractId === deals.A);
    expect(a?.months.map((m) => m.amortizedMinor)).toEqual(['0', ...Array<string>(10).fill('5000')]);
    expect(a?.total.closingMinor).toBe('250000');
    expect(r.byContract.find((c) => c.contractId === deals.C)).toBeUndefined();
    expect(r.expensedMinor).toBe('0');

    await setCapitalizationPolicy(ctx, t.actors.finance, TERM_24);
    const term = await rollForward(ctx, t.actors.finance, { from: '2026-03', to: '2026-03' });
    expect(term.byContract.find((c) => c.contractId === deals.B)?.total.amortizedMinor).toBe('25000');
    expect(ties(term.total)).toBe(true);
  });

  it('expenses short contracts under the practical expedient: nothing is capitalized', async () => {
    await setCapitalizationPolicy(ctx, t.actors.finance, TERM_12);
    const r = await rollForward(ctx, t.actors.finance, { from: '2026-01', to: '2026-12' });
    expect(r.total).toEqual({ openingMinor: '0', capitalizedMinor: '0', amortizedMinor: '0', impairedMinor: '0', closingMinor: '0' });
    expect(r.expensedMinor).toBe('1200000');
    const j = await journalEntries(ctx, t.actors.finance, { from: '2026-01', to: '2026-12' });
    expect(j.items.map((e) => e.kind)).toEqual(Array<string>(4).fill('expense'));
    expect(j.items[0]?.lines).toEqual([
      { account: ACCOUNTS.commissionExpense, side: 'debit', amountMinor: expect.any(String) },
      { account: ACCOUNTS.commissionsPayable, side: 'credit', amountMinor: expect.any(String) },
    ]);
  });

  it('exports balanced journal entries whose asset movements are the roll-forward, and a formula-safe CSV', async () => {
    await setCapitalizationPolicy(ctx, t.actors.finance, { ...LIFE_60, accounts: { ...ACCOUNTS, deferredCommissionAsset: '=1450' } });
    const range = { from: '2026-03', to: '2026-06' };
    const j = await journalEntries(ctx, t.actors.finance, range);
    const r = await rollForward(ctx, t.actors.finance, range);
    for (const e of j.items) {
      const [debit, credit] = e.lines;
      expect([debit?.side, credit?.side, debit?.amountMinor]).toEqual(['debit', 'credit', credit?.amountMinor]);
    }
    expect(new Set(j.items.map((e) => e.kind))).toEqual(new Set(['capitalization', 'amortization']));
    for (const m of r.months) {
      const asset = j.items.filter((e) => e.date.startsWith(m.month)).flatMap((e) => e.lines).filter((l) => l.account === '=1450')
        .reduce((s, l) => s + (l.side === 'debit' ? BigInt(l.amountMinor) : -BigInt(l.amountMinor)), 0n);
      expect(asset).toBe(BigInt(m.capitalizedMinor) - BigInt(m.amortizedMinor) - BigInt(m.impairedMinor));
    }
    const csv = journalEntriesCsv(j);
    expect(csv.split('\r\n')[0]).toBe('entry_id,date,kind,account,debit,credit,currency,contract_id,payee_id,cost_id,memo');
    expect(csv).toContain(",'=1450,");
    expect(csv).not.toMatch(/,=1450/);
  });

  it('refuses reports to a rep and a manager, and a bad month range naming the field', async () => {
    await expect(rollForward(ctx, t.actors.rep, { from: '2026-01', to: '2026-12' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(journalEntries(ctx, t.actors.manager, { from: '2026-01', to: '2026-12' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(capitalizationCosts(ctx, t.actors.rep)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rollForward(ctx, t.actors.finance, { from: '2026-05', to: '2026-04' })).rejects.toMatchObject({ issues: [{ field: 'to' }] });
    await expect(rollForward(ctx, t.actors.finance, { from: '2026-13', to: '2026-04' })).rejects.toMatchObject({ issues: [{ field: 'from' }] });
  });
});

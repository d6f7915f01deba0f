import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '@attain/core';
import { ledgerRepo, type Database } from '@attain/store';
import { openPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { opportunities } from '../crm/entities.js';
import { updateRecord } from '../crm/records.js';
import { importTransactions } from '../transactions/import-transactions.js';
import type { CalcInputs } from './calc-inputs.js';
import { settleRecalculations } from './recalculate-payees.js';
import { executeCalcRun, runCalc, startCalcRun } from './run-calc.js';
import { getStatement, listCalcRuns, listStatements } from './statement-queries.js';
import { verifyCalcRun } from './verify-calc-run.js';

warnIfPostgresSkipped();

describe.each(testDialects())('calc runs on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;

  beforeAll(async () => {
    ({ database, ctx, t } = await openPayCycleOrg(dialect, 'Calc'));
    await t.assignAes(t.people.rep.id, t.people.rep2.id);
    await t.assign(t.people.manager.id, 'manager-override', '3000000', '160000000');
  });
  afterAll(async () => database.close());

  const bodyOf = async (runId: string, personId: string): Promise<string> => String((await database.db.selectFrom('calc_results').select('body')
    .where('org_id', '=', t.org.id).where('run_id', '=', runId).where('person_id', '=', personId).executeTakeFirstOrThrow()).body);
  const winDeal = (actor: PayCycleOrg['actors']['rep'], amountMinor: string, closeDate: string) => t.winDeal(actor, amountMinor, closeDate);

  it('runs a period: results for every payee, the ledger brought to them, hashes that verify; a re-run changes nothing', async () => {
    const deal = await winDeal(t.actors.rep, '10000000', '2026-02-10');
    await winDeal(t.actors.rep2, '30000000', '2026-03-20');
    await winDeal(t.actors.rep, '5000000', '2026-04-02');

    const run = await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    expect(run).toMatchObject({ status: 'published', periodKey: 'FY2026-Q1', payeeCount: 3, progressDone: 3, publication: 1n });
    // Quota by days: 800,000 x 90/365 = 197,260.27. Rita 100,000 (50.7%) x 10% = 10,000; Rob 300,000 (152%):
    // 197,260.27 x 10% + 98,630.14 x 15% + 4,109.59 x 20% = 35,342.47, capped at 2 x the quarter's target incentive
    // (60,000 x 90/365 = 14,794.52): 29,589.04.
    // Mona's team quota 1,600,000 x 90/365 = 394,520.55; team bookings 400,000 (101.4%):
    // 394,520.55 x 1% + 5,479.45 x 1.5% = 3,945.21 + 82.19 = 4,027.40.
    const statements = await listStatements(ctx, t.actors.finance, { period: '2026-Q1' });
    expect(statements.map((s) => [s.personName, s.payoutMinor])).toEqual([['Mona Manager', '402740'], ['Rita Rep', '1000000'], ['Rob Rep', '2958904']]);

    const rita = await getStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q1' });
    expect(rita).toMatchObject({ personName: 'Rita Rep', periodKey: 'FY2026-Q1', postedMinor: '1000000', period: { status: 'open' } });
    expect(rita.credits.map((c) => [c.creditType, c.amountMinor, c.transactionId])).toEqual([['booking', '10000000', expect.any(String)]]);
    expect(rita.ledger.map((e) => [e.type, e.componentId, e.amountMinor])).toEqual([['earning', 'commission', '1000000']]);

    const again = await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    expect(again.outputsHash).toBe(run.outputsHash);
    expect(again.inputsHash).toBe(run.inputsHash);
    expect((await ledgerRepo.listForPeriods(database.db, t.org.id, { forPeriods: ['FY2026-Q1'] })).length).toBe(3);
    expect(await verifyCalcRun(ctx, t.actors.finance, run.id)).toMatchObject({ ok: true, payees: 3, mismatches: [] });

    // A bigger deal: once the write commits, Rita and then her manager are recalculated by themselves (an incremental
    // run each: Rita's statement does not wait for her manager's roll-up), and the ledger gets only the difference.
    await updateRecord(ctx, t.actors.rep, opportunities, deal.id, { amountMinor: '15000000' });
    await settleRecalculations(ctx);
    const [forManager, incremental] = await listCalcRuns(ctx, t.actors.finance, { period: '2026-Q1' });
    expect(incremental).toMatchObject({ kind: 'incremental', status: 'published', payeeCount: 1, trigger: expect.stringMatching(/^transactions /) });
    expect(forManager).toMatchObject({ kind: 'incremental', status: 'published', payeeCount: 1 });
    expect((await getStatement(ctx, t.actors.manager, { personId: t.people.manager.id, period: '2026-Q1' })).run.id).toBe(forManager?.id);
    const after = await getStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q1' });
    expect(after.ledger.map((e) => e.amountMinor)).toEqual(['1000000', '500000']);
    expect(after.postedMinor).toBe('1500000');
    expect((await getStatement(ctx, t.actors.finance, { personId: t.people.rep2.id, period: '2026-Q1' })).run.id).toBe(again.id);
    // A full run now agrees with the incremental one: nothing more to post. Every run verifies against its own frozen inputs.
    const full = await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    expect((await getStatement(ctx, t.actors.rep, { personId: t.people.rep.id, period: '2026-Q1' })).ledger).toHaveLength(2);
    for (const r of [run, incremental, forManager, full]) expect((await verifyCalcRun(ctx, t.actors.finance, r?.id as string)).ok).toBe(true);
  });

  it('pays a monthly plan quarter to date with a draw, carrying what earlier months earned and the draw balance from the ledger', async () => {
    await t.assign(t.people.otherRep.id, 'ae-new-hire-draw', '6000000', '120000000', '2026-02-16');
    await winDeal(t.actors.otherRep, '2000000', '2026-02-20');
    await winDeal(t.actors.otherRep, '13000000', '2026-03-12');
    // The plan's own worked examples, now from the database: February pays 2,000.00 topped up by the draw to 3,000.00.
    await runCalc(ctx, t.actors.finance, { period: '2026-M02' });
    const feb = await getStatement(ctx, t.actors.finance, { personId: t.people.otherRep.id, period: '2026-M02' });
    expect([feb.earnedMinor, feb.payoutMinor]).toEqual(['200000', '300000']);
    // March: 16,642.86 quarter to date less February's 2,000.00; the 1,000.00 advanced is recovered.
    await runCalc(ctx, t.actors.finance, { period: '2026-M03' });
    const mar = await getStatement(ctx, t.actors.finance, { personId: t.people.otherRep.id, period: '2026-M03' });
    expect([mar.earnedMinor, mar.payoutMinor]).toEqual(['1464286', '1364286']);
    expect(mar.ledger.map((e) => [e.type, e.amountMinor])).toEqual([['draw-recovery', '-100000'], ['earning', '1464286']]);
    // Monthly runs take only the monthly plans.
    expect((await listStatements(ctx, t.actors.finance, { period: '2026-M03' })).map((x) => x.personName)).toEqual(['Olga Rep']);
  });

  it('takes back a lost deal: recalculated out of its open period, and out of a closed one into the next open period', async () => {
    const deal = await winDeal(t.actors.rep2, '4000000', '2026-07-15');
    await runCalc(ctx, t.actors.finance, { period: '2026-Q3' });
    const q3 = () => getStatement(ctx, t.actors.finance, { personId: t.people.rep2.id, period: '2026-Q3' });
    expect((await q3()).postedMinor).toBe('400000');
    await t.loseDeal(t.actors.rep2, deal.id);
    await settleRecalculations(ctx);
    expect(await q3()).toMatchObject({ postedMinor: '0', earnedMinor: '0' });
    expect((await q3()).credits.map((c) => c.amountMinor)).toEqual(['4000000', '-4000000']);
  });

  it('recalculates the payees an import credits once it commits, as a deal write does', async () => {
    const q3 = () => getStatement(ctx, t.actors.finance, { personId: t.people.rep2.id, period: '2026-Q3' });
    const before = BigInt((await q3()).earnedMinor);
    await importTransactions(ctx, t.actors.finance, { source: `sourceKey,kind,date,amount,currency,ownerId\nIMP-Q3-1,new-business,2026-08-05,1000.00,USD,${t.people.rep2.id}\n` });
    await settleRecalculations(ctx);
    // 1,000.00 more bookings, below quota: 10% of it.
    expect(BigInt((await q3()).earnedMinor) - before).toBe(10000n);
    expect((await listCalcRuns(ctx, t.actors.finance, { period: '2026-Q3' }))[0]).toMatchObject({ kind: 'incremental', trigger: expect.stringMatching(/^transactions /) });
  });

  it('keeps terms and explanation rows in the bodies of runs frozen before inputs version 3: they verify, and read as a newer run derives them', async () => {
    const latest = await getStatement(ctx, t.actors.finance, { personId: t.people.rep2.id, period: '2026-Q3' });
    const run = await startCalcRun(ctx, t.actors.finance, { period: '2026-Q3' });
    const inputs = JSON.parse(run.inputs) as CalcInputs;
    expect(inputs.version).toBe(4);
    expect(JSON.parse(await bodyOf(latest.run.id, t.people.rep2.id)).plans[0]).not.toHaveProperty('explanation');
    expect(JSON.parse(await bodyOf(latest.run.id, t.people.rep2.id)).plans[0]).not.toHaveProperty('terms');
    // As a run started before version 3 was frozen (its rows hashed as it composed them, before version 4).
    await database.db.updateTable('calc_runs').set({ inputs: canonicalJson({ ...inputs, version: 2 }) }).where('org_id', '=', t.org.id).where('id', '=', run.id).execute();
    const old = await executeCalcRun(ctx, t.actors.finance, run.id);
    const { terms, explanation } = JSON.parse(await bodyOf(old.id, t.people.rep2.id)).plans[0];
    expect(explanation.map((r: { step: string }) => r.step)).toEqual(expect.arrayContaining(['measure', 'paid']));
    expect(terms.steps.length).toBeGreaterThan(2);
    expect(await verifyCalcRun(ctx, t.actors.finance, old.id)).toMatchObject({ ok: true, mismatches: [] });
    const statement = await getStatement(ctx, t.actors.finance, { personId: t.people.rep2.id, period: '2026-Q3' });
    expect(statement.run.id).toBe(old.id);
    // Other bytes (the derivation is in them), the same figures, and the same statement.
    expect(statement.hash).not.toBe(latest.hash);
    expect(statement.payoutMinor).toBe(latest.payoutMinor);
    expect(statement.plans[0]).toMatchObject({ terms, explanation });
    expect(statement.plans).toEqual(latest.plans);
  });

  it('verify finds a result edited after publishing', async () => {
    const run = await runCalc(ctx, t.actors.finance, { period: '2026-Q2' });
    await database.db.updateTable('calc_results').set({ payout_minor: 1n, hash: 'sha256:forged' }).where('org_id', '=', t.org.id).where('run_id', '=', run.id)
      .where('person_id', '=', t.people.rep.id).execute();
    expect(await verifyCalcRun(ctx, t.actors.finance, run.id)).toMatchObject({ ok: false, mismatches: [t.people.rep.id] });
  });

  it('shows a rep her own statement only, a manager her team\'s; only finance and admins run', async () => {
    await expect(getStatement(ctx, t.actors.rep2, { personId: t.people.rep.id, period: '2026-Q1' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getStatement(ctx, t.actors.otherRep, { personId: t.people.rep.id, period: '2026-Q1' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await getStatement(ctx, t.actors.manager, { personId: t.people.rep.id, period: '2026-Q1' })).personName).toBe('Rita Rep');
    expect((await listStatements(ctx, t.actors.rep, { period: '2026-Q1' })).map((s) => s.personName)).toEqual(['Rita Rep']);
    await expect(startCalcRun(ctx, t.actors.rep, { period: '2026-Q1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(startCalcRun(ctx, t.actors.manager, { period: '2026-Q1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(startCalcRun(ctx, t.actors.finance, { period: 'FY2026' })).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'period' }] });
  });
});

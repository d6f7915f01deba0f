import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calcRunRepo, compTransactionRepo, migrateToLatest, openDatabase, type Database } from '@attain/store';
import { openTestDatabase } from '@attain/store/test-support';
import { createPayCycleOrg, testContext, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { replaceOpportunitySplits } from '../transactions/opportunity-splits.js';
import type { CalcInputs } from './calc-inputs.js';
import { idleWorkerIds } from './calc-worker-pool.js';
import { computeRun } from './compute-run.js';
import { executeCalcRun, runCalc, startCalcRun } from './run-calc.js';
import { listStatements } from './statement-queries.js';
import { verifyCalcRun } from './verify-calc-run.js';

warnIfPostgresSkipped();

/*
 * A large run is split into partitions of owners, each read, credited and calculated by a worker
 * thread over its own connection (compute-run.ts). Here a small organisation is made to split
 * (ATTAIN_CALC_WORKERS), on a database the workers can open: a SQLite file, or PostgreSQL.
 */
describe.each(testDialects())('calc runs in partitions on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;
  let dir: string | undefined;
  const workers = process.env.ATTAIN_CALC_WORKERS;

  /** A run frozen in `partitions` partitions (computed by as many workers when there are several). */
  const runIn = async (partitions: number) => {
    process.env.ATTAIN_CALC_WORKERS = String(partitions);
    try {
      return await runCalc(ctx, t.actors.finance, { period: '2026-Q1' });
    } finally {
      process.env.ATTAIN_CALC_WORKERS = workers;
      if (workers === undefined) delete process.env.ATTAIN_CALC_WORKERS;
    }
  };

  beforeAll(async () => {
    if (dialect === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'attain-partitions-'));
      database = openDatabase(join(dir, 'attain.db'));
      await migrateToLatest(database.db);
    } else database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createPayCycleOrg(ctx, 'Partitions');
    // Two reps and their manager: her roll-ups and a split credit people in other partitions than the deals' owners.
    await t.assignAes(t.people.rep.id, t.people.rep2.id);
    await t.assign(t.people.manager.id, 'manager-override', '3000000', '160000000');
    await t.winDeal(t.actors.rep, '10000000', '2026-02-10');
    await t.winDeal(t.actors.rep2, '30000000', '2026-03-20');
    const shared = await t.winDeal(t.actors.rep, '8000000', '2026-03-02');
    await replaceOpportunitySplits(ctx, t.actors.rep, shared.id, { splits: [{ personId: t.people.rep.id, kind: 'credit', share: '0.5' }, { personId: t.people.rep2.id, kind: 'credit', share: '0.5' }] });
  });
  afterAll(async () => {
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pays the same in worker threads as in one: results, hashes and verify agree', async () => {
    const whole = await runIn(1);
    const split = await runIn(3);
    const inputs = JSON.parse((await calcRunRepo.find(database.db, t.org.id, split.id))?.inputs ?? '{}') as CalcInputs;
    expect(inputs.partitions).toHaveLength(3);
    // The bodies do not depend on the partitions; the inputs hash covers them, so it differs.
    expect(split).toMatchObject({ status: 'published', payeeCount: 3, outputsHash: whole.outputsHash, payoutMinor: whole.payoutMinor });
    expect(split.inputsHash).not.toBe(whole.inputsHash);
    // Computed again in this thread, partition after partition: the same hashes.
    const here = await computeRun(database.db, t.org.id, inputs);
    expect(here.results.map((r) => r.personId)).toEqual(inputs.assignments.map((a) => a.personId).filter((id, i, all) => all.indexOf(id) === i).sort());
    expect(await verifyCalcRun(ctx, t.actors.finance, split.id)).toMatchObject({ ok: true, payees: 3 });
    const statements = await listStatements(ctx, t.actors.finance, { period: '2026-Q1' });
    expect(statements.map((s) => s.runId)).toEqual([split.id, split.id, split.id]);
  });

  it('keeps its worker threads warm between runs', async () => {
    await runIn(2);
    const warm = idleWorkerIds();
    expect(warm.length).toBeGreaterThanOrEqual(2);
    const again = await runIn(2);
    expect(again.status).toBe('published');
    expect(idleWorkerIds()).toEqual(warm);
  });

  it('fails the run, naming the field, when a worker meets a bad transaction, and publishes nothing', async () => {
    const before = await listStatements(ctx, t.actors.finance, { period: '2026-Q1' });
    await compTransactionRepo.insertMany(database.db, [{
      orgId: t.org.id, id: 'bad-currency', source: 'import', sourceKey: 'bad-currency', kind: 'invoice', date: '2026-03-03', amountMinor: 100n, currency: 'usd',
      dealAmountMinor: 100n, dealCurrency: 'usd', ownerId: t.people.rep2.id, accountId: null, opportunityId: null, pipelineId: null, territoryId: null,
      lineItems: [], splits: [], reverses: null, termMonths: null, createdAt: ctx.now(),
    }]);
    const warm = idleWorkerIds();
    process.env.ATTAIN_CALC_WORKERS = '2';
    const run = await startCalcRun(ctx, t.actors.finance, { period: '2026-Q1' }).finally(() => {
      process.env.ATTAIN_CALC_WORKERS = workers;
      if (workers === undefined) delete process.env.ATTAIN_CALC_WORKERS;
    });
    await expect(executeCalcRun(ctx, t.actors.finance, run.id)).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/currency/) });
    expect(await calcRunRepo.find(database.db, t.org.id, run.id)).toMatchObject({ status: 'failed' });
    expect(await listStatements(ctx, t.actors.finance, { period: '2026-Q1' })).toEqual(before);
    // The failed run's two workers were stopped, not returned to wait for the next run.
    const left = idleWorkerIds();
    expect(left).toHaveLength(warm.length - 2);
    for (const id of left) expect(warm).toContain(id);
  });
});

import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import { accounts, opportunities } from './entities.js';
import { archiveRecord, createRecord, getRecord, listRecords, updateRecord } from './records.js';
import { listOpportunityHistory } from './opportunity-history.js';
import type { AppContext } from '../context.js';

warnIfPostgresSkipped();

describe.each(testDialects())('CRM records on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx);
  });
  afterAll(async () => database.close());

  it('scopes opportunities to the rep, her manager and org-wide roles', async () => {
    const mine = await createRecord(ctx, t.actors.rep, opportunities, { name: 'Mine', amountMinor: '100000', closeDate: '2026-12-15' });
    const theirs = await createRecord(ctx, t.actors.otherRep, opportunities, { name: 'Theirs', amountMinor: '5000', closeDate: '2026-12-20' });
    const repList = await listRecords(ctx, t.actors.rep, opportunities, {});
    expect(repList.items.map((o) => o.id)).toEqual([mine.id]);
    await expect(getRecord(ctx, t.actors.rep, opportunities, theirs.id)).rejects.toMatchObject({ code: 'not_found' });
    const managerList = await listRecords(ctx, t.actors.manager, opportunities, {});
    expect(managerList.items.map((o) => o.id)).toEqual([mine.id]);
    const opsList = await listRecords(ctx, t.actors.ops, opportunities, {});
    expect(opsList.items.map((o) => o.id).sort()).toEqual([mine.id, theirs.id].sort());
  });

  it('derives stage fields and writes the history on every tracked change', async () => {
    const opp = await createRecord(ctx, t.actors.rep, opportunities, { name: 'Deal', amountMinor: '250000', closeDate: '2027-01-31' });
    expect(opp.forecastCategory).toBe('pipeline');
    expect(opp.probabilityBps).toBe(1000);
    expect(opp.amountMinor).toBe(250000n);
    const { getPipeline } = await import('./pipelines.js');
    const pipeline = await getPipeline(ctx, t.actors.rep, opp.pipelineId);
    const won = pipeline.stages.find((s) => s.isWon);
    const moved = await updateRecord(ctx, t.actors.rep, opportunities, opp.id, { stageId: won?.id, amountMinor: '260000', version: opp.version });
    expect(moved).toMatchObject({ isClosed: true, isWon: true, forecastCategory: 'closed', probabilityBps: 10000 });
    await updateRecord(ctx, t.actors.rep, opportunities, opp.id, { nextStep: 'kick-off' });
    const history = await listOpportunityHistory(ctx, t.actors.rep, opp.id);
    expect(history.map((h) => h.changedFields)).toEqual([
      ['stageId', 'amountMinor', 'currency', 'closeDate', 'forecastCategory', 'ownerId', 'territoryId'],
      ['stageId', 'amountMinor', 'forecastCategory'],
    ]);
    expect(history[1]?.amountMinor).toBe(260000n);
  });

  it('refuses a stale version, a foreign owner and a missing reference, naming the field', async () => {
    const acc = await createRecord(ctx, t.actors.rep, accounts, { name: 'Initech' });
    await updateRecord(ctx, t.actors.rep, accounts, acc.id, { industry: 'Software' });
    await expect(updateRecord(ctx, t.actors.rep, accounts, acc.id, { industry: 'Banking', version: 1 })).rejects.toMatchObject({ code: 'conflict' });
    await expect(createRecord(ctx, t.actors.rep, accounts, { name: 'X', ownerId: t.people.otherRep.id })).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ field: 'ownerId' }],
    });
    await expect(createRecord(ctx, t.actors.rep, opportunities, { name: 'Y', amountMinor: '1', closeDate: '2027-01-01', accountId: 'acc_missing' })).rejects.toMatchObject({
      issues: [{ field: 'accountId' }],
    });
  });

  it('archives instead of deleting, and a rep may not archive an account', async () => {
    const acc = await createRecord(ctx, t.actors.manager, accounts, { name: 'Umbrella', ownerId: t.people.rep.id });
    await expect(archiveRecord(ctx, t.actors.rep, accounts, acc.id)).rejects.toMatchObject({ code: 'forbidden' });
    const archived = await archiveRecord(ctx, t.actors.manager, accounts, acc.id);
    expect(archived.archivedAt).not.toBeNull();
    const list = await listRecords(ctx, t.actors.manager, accounts, { search: 'umbrella' });
    expect(list.items).toHaveLength(0);
    const withArchived = await listRecords(ctx, t.actors.manager, accounts, { search: 'umbrella', includeArchived: true });
    expect(withArchived.items).toHaveLength(1);
  });

  it('paginates with a cursor over a sort with ties and nulls, visiting each row once', async () => {
    for (let i = 0; i < 23; i++) {
      await createRecord(ctx, t.actors.ops, accounts, { name: `Page ${String(i % 5)}`, employees: i % 3 === 0 ? null : i % 4, ownerId: t.people.rep2.id });
    }
    for (const sort of ['employees', '-employees', 'name', '-name']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listRecords(ctx, t.actors.ops, accounts, { sort, limit: 4, params: { ownerId: t.people.rep2.id }, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { opportunities, products } from '../crm/entities.js';
import { addLineItem } from '../crm/line-items.js';
import { getPipeline } from '../crm/pipelines.js';
import { archiveRecord, createRecord, updateRecord } from '../crm/records.js';
import { setExchangeRate } from '../org-settings.js';
import { replaceOpportunitySplits } from './opportunity-splits.js';
import { getTransaction, listClawbackEvents, listTransactions } from './transaction-queries.js';

warnIfPostgresSkipped();

describe.each(testDialects())('deals becoming transactions on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  let stages: { won: string; lost: string; open: string };

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx);
    const deal = await createRecord(ctx, t.actors.rep, opportunities, { name: 'Probe', amountMinor: '1', closeDate: '2026-01-01' });
    const pipeline = await getPipeline(ctx, t.actors.rep, deal.pipelineId);
    const stage = (f: (s: (typeof pipeline.stages)[number]) => boolean) => (pipeline.stages.find(f) as { id: string }).id;
    stages = { won: stage((s) => s.isWon), lost: stage((s) => s.isClosed && !s.isWon), open: stage((s) => !s.isClosed) };
  });
  afterAll(async () => database.close());

  it('books a won deal in the org currency with its line items, rebooks on changes and splits, and claws back when it is lost', async () => {
    await setExchangeRate(ctx, t.actors.finance, { currency: 'EUR', effectiveDate: '2026-01-01', rate: '1.1' });
    const product = await createRecord(ctx, t.admin, products, { name: 'Seats', family: 'core', listPriceMinor: '50000', currency: 'EUR' });
    const deal = await createRecord(ctx, t.actors.rep, opportunities, { name: 'Euro deal', amountMinor: '0', currency: 'EUR', closeDate: '2026-03-31' });
    await addLineItem(ctx, t.actors.rep, { opportunityId: deal.id, productId: product.id, quantity: 2 });
    expect(await listTransactions(ctx, t.actors.finance)).toEqual([]);

    await updateRecord(ctx, t.actors.rep, opportunities, deal.id, { stageId: stages.won });
    const [booking] = await listTransactions(ctx, t.actors.finance, { ownerId: t.people.rep.id });
    expect(booking).toMatchObject({
      sourceKey: deal.id, kind: 'new-business', date: '2026-03-31', amountMinor: '110000', currency: 'USD', dealAmountMinor: '100000', dealCurrency: 'EUR',
      lineItems: [{ productId: product.id, productFamily: 'core', amountMinor: '110000' }], reverses: null,
    });

    await replaceOpportunitySplits(ctx, t.actors.manager, deal.id, { splits: [{ personId: t.people.rep.id, kind: 'credit', share: '0.7' }, { personId: t.people.rep2.id, kind: 'credit', share: '0.3' }] });
    await updateRecord(ctx, t.actors.rep, opportunities, deal.id, { nextStep: 'kick-off' });
    await updateRecord(ctx, t.actors.rep, opportunities, deal.id, { stageId: stages.lost, lostReason: 'budget' });
    const rows = await listTransactions(ctx, t.actors.finance, { from: '2026-03-31', to: '2026-03-31' });
    expect(rows.map((r) => [r.sourceKey.replace(deal.id, 'D'), r.kind, r.amountMinor, r.splits.length]).sort()).toEqual([
      ['D', 'new-business', '110000', 0],
      ['D:rebooking:1', 'new-business', '110000', 2],
      ['D:reversal:1', 'new-business', '-110000', 0],
      ['D:reversal:2', 'cancellation', '-110000', 2],
    ]);
    const [event] = await listClawbackEvents(ctx, t.actors.finance);
    expect(event).toMatchObject({ opportunityId: deal.id, reason: 'lost: budget', transactionId: rows.find((r) => r.kind === 'cancellation')?.id });

    // The split member sees the rows she shares in; a peer outside them sees nothing.
    expect((await listTransactions(ctx, t.actors.rep2)).map((r) => r.sourceKey.replace(deal.id, 'D')).sort()).toEqual(['D:rebooking:1', 'D:reversal:2']);
    expect(await listTransactions(ctx, t.actors.otherRep)).toEqual([]);
    await expect(getTransaction(ctx, t.actors.otherRep, booking?.id ?? '')).rejects.toMatchObject({ code: 'not_found' });
    await expect(listClawbackEvents(ctx, t.actors.manager)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('books a deal won without a rate for its close date once finance enters one', async () => {
    await setExchangeRate(ctx, t.actors.finance, { currency: 'GBP', effectiveDate: '2026-09-01', rate: '1.25' });
    const deal = await createRecord(ctx, t.actors.rep, opportunities, { name: 'Pound deal', amountMinor: '80000', currency: 'GBP', closeDate: '2026-08-20' });
    await updateRecord(ctx, t.actors.rep, opportunities, deal.id, { stageId: stages.won });
    const ofDeal = async () => (await listTransactions(ctx, t.actors.finance, { from: '2026-08-20', to: '2026-08-20' })).filter((r) => r.sourceKey.startsWith(deal.id));
    expect(await ofDeal()).toEqual([]);
    await setExchangeRate(ctx, t.actors.finance, { currency: 'GBP', effectiveDate: '2026-08-01', rate: '1.3' });
    expect((await ofDeal()).map((r) => [r.kind, r.amountMinor, r.dealAmountMinor, r.dealCurrency])).toEqual([['new-business', '104000', '80000', 'GBP']]);
  });

  it('takes back the booking of a won deal that is archived, with a clawback event', async () => {
    const deal = await createRecord(ctx, t.actors.rep, opportunities, { name: 'Archived deal', amountMinor: '70000', closeDate: '2026-05-05' });
    await updateRecord(ctx, t.actors.rep, opportunities, deal.id, { stageId: stages.won });
    await archiveRecord(ctx, t.actors.rep, opportunities, deal.id);
    const rows = await listTransactions(ctx, t.actors.finance, { from: '2026-05-05', to: '2026-05-05' });
    expect(rows.map((r) => [r.sourceKey.replace(deal.id, 'D'), r.kind, r.amountMinor]).sort()).toEqual([['D', 'new-business', '70000'], ['D:reversal:1', 'cancellation', '-70000']]);
    expect((await listClawbackEvents(ctx, t.actors.finance)).find((e) => e.opportunityId === deal.id)).toMatchObject({ reason: 'archived' });
  });

  it('refuses a split set with an unknown person or a bad total, and a rep may not split a peer deal', async () => {
    const deal = await createRecord(ctx, t.actors.rep, opportunities, { name: 'Split', amountMinor: '1000', closeDate: '2026-04-30' });
    await expect(replaceOpportunitySplits(ctx, t.actors.rep, deal.id, { splits: [{ personId: 'per_none', kind: 'overlay', share: '0.5' }] }))
      .rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'splits.0.personId' }] });
    await expect(replaceOpportunitySplits(ctx, t.actors.rep, deal.id, { splits: [{ personId: t.people.rep2.id, kind: 'payout', share: '0.5' }] }))
      .rejects.toMatchObject({ issues: [{ field: 'splits' }] });
    await expect(replaceOpportunitySplits(ctx, t.actors.otherRep, deal.id, { splits: [] })).rejects.toMatchObject({ code: 'not_found' });
  });
});

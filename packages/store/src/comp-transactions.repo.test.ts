import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import { compTransactionRepo, type CompTransaction } from './comp-transactions.repo.js';
import type { Database } from './database.js';
import { orgRepo } from './org.repo.js';

warnIfPostgresSkipped();

const now = '2026-11-27T15:00:00.000Z';
const org = (id: string) => ({ id, name: id, fiscalYearStartMonth: 1, defaultCurrency: 'USD', currencies: ['USD'], createdAt: now });
const txn = (over: Partial<CompTransaction> = {}): CompTransaction => ({
  orgId: 'org_a', id: 'txn_1', source: 'opportunity', sourceKey: 'opp1', kind: 'new-business', date: '2026-03-31', amountMinor: 9_000_000_000_000_001n,
  currency: 'USD', dealAmountMinor: 8_000_000_000_000_000n, dealCurrency: 'EUR', ownerId: 'p1', accountId: 'acc1', opportunityId: 'opp1', pipelineId: 'pl1',
  territoryId: null, lineItems: [{ productId: 'prd1', productFamily: null, amountMinor: 9_000_000_000_000_001n }],
  splits: [{ personId: 'p2', kind: 'overlay', share: '0.25' }], reverses: null, createdAt: now, ...over,
});

describe.each(testDialects())('compensation transaction repository on %s', (dialect) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    for (const o of ['org_a', 'org_b']) await orgRepo.insert(database.db, org(o));
  });
  afterAll(async () => database.close());

  it('stores rows as given (big money, JSON line items and splits) and lists them by reach, owner, dates and kind', async () => {
    const db = database.db;
    const reversal = txn({ id: 'txn_2', sourceKey: 'opp1:reversal:1', kind: 'cancellation', amountMinor: -9_000_000_000_000_001n, reverses: 'txn_1', date: '2026-03-31' });
    await compTransactionRepo.insertMany(db, [txn(), reversal, txn({ id: 'txn_3', sourceKey: 'opp9', opportunityId: 'opp9', ownerId: 'p3', splits: [], date: '2026-04-02' })]);
    expect(await compTransactionRepo.find(db, 'org_a', 'txn_1')).toEqual(txn());
    expect((await compTransactionRepo.listForOpportunity(db, 'org_a', 'opp1')).map((t) => t.id)).toEqual(['txn_1', 'txn_2']);
    const ids = async (q: Parameters<typeof compTransactionRepo.list>[2]) => (await compTransactionRepo.list(db, 'org_a', q)).map((t) => t.id);
    expect(await ids({ personIds: null })).toEqual(['txn_1', 'txn_2', 'txn_3']);
    expect(await ids({ personIds: ['p2'] })).toEqual(['txn_1', 'txn_2']);
    expect(await ids({ personIds: ['p3'] })).toEqual(['txn_3']);
    expect(await ids({ personIds: [] })).toEqual([]);
    expect(await ids({ personIds: null, ownerId: 'p1', kind: 'cancellation' })).toEqual(['txn_2']);
    expect(await ids({ personIds: null, from: '2026-04-01', to: '2026-04-30' })).toEqual(['txn_3']);
    expect(await compTransactionRepo.list(db, 'org_b', { personIds: null })).toEqual([]);
  });

  it('refuses a second row with the same source key and a reversal of a row of another organisation', async () => {
    const db = database.db;
    await expect(compTransactionRepo.insertMany(db, [txn({ id: 'txn_dup' })])).rejects.toThrow();
    await expect(compTransactionRepo.insertMany(db, [txn({ orgId: 'org_b', id: 'txn_x', reverses: 'txn_1' })])).rejects.toThrow();
    await compTransactionRepo.insertMany(db, [txn({ orgId: 'org_b' })]);
  });

  it('keeps clawback events of the organisation, latest first', async () => {
    const db = database.db;
    const event = (id: string, occurredOn: string) => ({ orgId: 'org_a', id, transactionId: 'txn_2', opportunityId: 'opp1', occurredOn, reason: 'lost', createdAt: now });
    await compTransactionRepo.insertClawbacks(db, [event('clb_1', '2026-05-01'), event('clb_2', '2026-06-01')]);
    expect((await compTransactionRepo.listClawbacks(db, 'org_a')).map((e) => e.id)).toEqual(['clb_2', 'clb_1']);
    expect(await compTransactionRepo.listClawbacks(db, 'org_b')).toEqual([]);
    await expect(compTransactionRepo.insertClawbacks(db, [{ ...event('clb_3', '2026-06-01'), transactionId: 'txn_none' }])).rejects.toThrow();
  });
});

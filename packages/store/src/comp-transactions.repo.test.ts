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
  splits: [{ personId: 'p2', kind: 'overlay', share: '0.25' }], reverses: null, termMonths: null, createdAt: now, ...over,
});

describe.each(testDialects())('compensation transaction repository on %s', (dialect) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    for (const o of ['org_a', 'org_b', 'org_c']) await orgRepo.insert(database.db, org(o));
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

  it('reads a run a row at a time in pages: rows without an owner first, then the rows of each owner by date and id, in owner ranges, up to a number', async () => {
    const db = database.db;
    const row = (id: string, ownerId: string | null, date: string, over: Partial<CompTransaction> = {}) =>
      txn({ orgId: 'org_c', id, sourceKey: id, ownerId, date, splits: [], lineItems: [], kind: 'renewal', amountMinor: 100n, ...over });
    await compTransactionRepo.insertMany(db, [
      row('t1', 'b', '2026-02-01'), row('t2', 'a', '2026-02-03'), row('t3', null, '2026-02-02'), row('t4', 'a', '2026-02-01'),
      row('t5', 'c', '2026-02-01'), row('t6', 'b', '2026-02-01'), row('t7', null, '2026-01-15'), row('t8', 'a', '2026-04-01'),
      row('t9', 'a', '2026-02-03', { kind: 'cancellation', reverses: 't4', amountMinor: -100n }),
    ]);
    const seqThrough = await compTransactionRepo.lastSeq(db, 'org_c');
    await compTransactionRepo.insertMany(db, [row('t10', 'a', '2026-02-05')]);
    const read = async (owners?: { from: string | null; to: string | null }) => {
      const pages: string[][] = [[]];
      await compTransactionRepo.visitForCalc(db, 'org_c', { from: '2026-01-01', to: '2026-03-31', seqThrough, ...(owners ? { owners } : {}) },
        (t) => pages[pages.length - 1]?.push(`${t.ownerId ?? '-'}:${t.id}:${t.kind}`), { pageSize: 2, betweenPages: () => void pages.push([]) });
      return pages.filter((p) => p.length > 0);
    };
    // Pages of two; t8 is after the window, t10 after the number; the cancellation takes the kind it cancels.
    expect((await read()).flat()).toEqual(['-:t7:renewal', '-:t3:renewal', 'a:t4:renewal', 'a:t2:renewal', 'a:t9:renewal', 'b:t1:renewal', 'b:t6:renewal', 'c:t5:renewal']);
    expect((await read()).map((p) => p.length)).toEqual([2, 2, 1, 2, 1]);
    // Ranges [null, b) and [b, null) read every row once; ownerless rows go to the first.
    expect((await read({ from: null, to: 'b' })).flat()).toEqual(['-:t7:renewal', '-:t3:renewal', 'a:t4:renewal', 'a:t2:renewal', 'a:t9:renewal']);
    expect((await read({ from: 'b', to: null })).flat()).toEqual(['b:t1:renewal', 'b:t6:renewal', 'c:t5:renewal']);
    expect(await compTransactionRepo.splitMembersForCalc(db, 'org_a', { from: '2026-01-01', to: '2026-12-31', seqThrough: 100n })).toEqual(new Set(['p2']));
  });

  it('reads a row for a run as one line that gives back every field crediting reads, however unusual', async () => {
    const db = database.db;
    const full = txn({
      orgId: 'org_c', id: 'line_full', sourceKey: 'line_full', ownerId: 'p9', date: '2026-03-03', amountMinor: -9_000_000_000_000_001n, territoryId: 'ter1', termMonths: 36,
      lineItems: [{ productId: 'prd|1', productFamily: 'Fam\u001f "ü" | x', amountMinor: -9_000_000_000_000_000n }, { productId: 'prd2', productFamily: null, amountMinor: -1n }],
      splits: [{ personId: 'p9', kind: 'credit', share: '0.5' }, { personId: 'p8', kind: 'credit', share: '0.5' }],
    });
    const bare = txn({ orgId: 'org_c', id: 'line_bare', sourceKey: 'line_bare', ownerId: null, date: '2026-03-04', opportunityId: null, pipelineId: null, lineItems: [], splits: [] });
    await compTransactionRepo.insertMany(db, [full, bare]);
    const seqThrough = await compTransactionRepo.lastSeq(db, 'org_c');
    const read: Record<string, unknown>[] = [];
    await compTransactionRepo.visitForCalc(db, 'org_c', { from: '2026-03-03', to: '2026-03-04', seqThrough }, (t) => read.push(t));
    const fields = ({ id, date, kind, amountMinor, currency, ownerId, opportunityId, pipelineId, territoryId, lineItems, splits, termMonths }: CompTransaction) =>
      ({ id, date, kind, amountMinor, currency, ownerId, opportunityId, pipelineId, territoryId, lineItems, splits, termMonths });
    expect(read).toEqual([{ ...fields(bare), line: expect.any(String) }, { ...fields(full), line: expect.any(String) }]);
    expect(String(read[0]?.line).split('\u001f')).toEqual(['line_bare', '2026-03-04', 'new-business', '9000000000000001', 'USD', '', '', '', '', '', '[]', '[]']);
    // Someone else's split reaches her deal: a run of some payees reads the same line.
    expect(await compTransactionRepo.listForCalc(db, 'org_c', { from: '2026-03-03', to: '2026-03-04', seqThrough, personIds: ['p8'] })).toEqual([read[1]]);
  });

  it('reads owners beyond one lookup of them (500), each once, and skips an owner with no row in the window', async () => {
    const db = database.db;
    const owners = Array.from({ length: 1201 }, (_, i) => `o${String(i).padStart(4, '0')}`);
    await compTransactionRepo.insertMany(db, owners.map((o, i) => txn({
      orgId: 'org_b', id: `tb${i}`, sourceKey: `tb${i}`, ownerId: o, date: i === 700 ? '2027-01-01' : '2026-02-01', splits: [], lineItems: [], kind: 'renewal', amountMinor: 1n,
    })));
    const seqThrough = await compTransactionRepo.lastSeq(db, 'org_b');
    const read: string[] = [];
    await compTransactionRepo.visitForCalc(db, 'org_b', { from: '2026-01-01', to: '2026-03-31', seqThrough, owners: { from: 'o0001', to: 'o1200' } }, (t) => read.push(t.ownerId as string), { pageSize: 333 });
    expect(read).toEqual(owners.slice(1, 1200).filter((o) => o !== 'o0700'));
  });
});


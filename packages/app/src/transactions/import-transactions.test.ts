import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@attain/core';
import { auditRepo, type Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { accounts, persons } from '../crm/entities.js';
import { createRecord } from '../crm/records.js';
import { setExchangeRate } from '../org-settings.js';
import { importTransactions } from './import-transactions.js';
import { listTransactions } from './transaction-queries.js';

warnIfPostgresSkipped();

const HEADER = 'sourceKey,kind,date,amount,currency,ownerId,ownerEmail,accountId';

/** The issues of a refused import, as [line, field] pairs, plus the error for its message. */
async function refusal(work: Promise<unknown>): Promise<{ error: DomainError; at: [number | undefined, string][] }> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  const e = error as DomainError;
  expect(e.code).toBe('import_failed');
  return { error: e, at: e.issues.map((i) => [i.line, i.field]) };
}

describe.each(testDialects())('importing transactions on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  let other: TestOrg;
  let accountId: string;
  const email = `ines.${Date.now().toString(36)}@invoices.example`;

  const imported = async (org: TestOrg = t) => (await listTransactions(ctx, org.actors.finance)).filter((x) => x.source === 'import');

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx, 'Import A');
    other = await createTestOrg(ctx, 'Import B');
    await createRecord(ctx, t.admin, persons, { name: 'Ines Invoice', kind: 'ae', email, hireDate: '2022-01-01' });
    accountId = (await createRecord(ctx, t.actors.ops, accounts, { name: 'Initech', ownerId: t.people.rep.id })).id;
    await setExchangeRate(ctx, t.actors.finance, { currency: 'EUR', effectiveDate: '2026-01-01', rate: '1.1' });
  });
  afterAll(async () => database.close());

  it('appends each row exactly, in the org currency at the rate of its date, audited; a re-run changes nothing', async () => {
    const file = [
      HEADER,
      `INV-1,Invoice,2026-02-01,1234.50,USD,${t.people.rep.id},,${accountId}`,
      `PAY-1,payment,2026-02-15,0.05,eur,,${email.toUpperCase()},`,
      `BIG-1,invoice,2026-03-01,-12345678901234567.89,USD,${t.people.rep2.id},,`,
      '',
    ].join('\r\n');
    expect(await importTransactions(ctx, t.actors.finance, { source: file, dryRun: true })).toEqual({ dryRun: true, rows: 3, created: 3, unchanged: 0 });
    expect(await imported()).toEqual([]);

    expect(await importTransactions(ctx, t.actors.finance, { source: file })).toEqual({ dryRun: false, rows: 3, created: 3, unchanged: 0 });
    const rows = await imported();
    const ines = rows.find((r) => r.sourceKey === 'PAY-1');
    expect(rows.find((r) => r.sourceKey === 'INV-1')).toMatchObject({
      kind: 'invoice', date: '2026-02-01', amountMinor: '123450', currency: 'USD', dealAmountMinor: '123450', dealCurrency: 'USD',
      ownerId: t.people.rep.id, accountId, opportunityId: null, lineItems: [], splits: [], reverses: null,
    });
    // 5 euro cents at 1.1 = 5.5 US cents, rounded half-even to 6; the file's figure is kept too.
    expect(ines).toMatchObject({ kind: 'payment', amountMinor: '6', currency: 'USD', dealAmountMinor: '5', dealCurrency: 'EUR', accountId: null });
    expect(rows.find((r) => r.sourceKey === 'BIG-1')?.amountMinor).toBe('-1234567890123456789');
    const audit = await auditRepo.list(database.db, { orgId: t.org.id, entity: 'comp_transaction', limit: 10 });
    expect(audit.map((a) => [a.action, a.entityId]).sort()).toEqual(rows.map((r) => ['comp_transaction.import', r.id]).sort());

    // A rate entered later changes nothing: "same content" is the file's own figures.
    await setExchangeRate(ctx, t.actors.finance, { currency: 'EUR', effectiveDate: '2026-02-10', rate: '1.2' });
    const again = `${file}NEW-1,payment,2026-04-01,10,USD,,${email},\r\n`;
    expect(await importTransactions(ctx, t.actors.ops, { source: again })).toEqual({ dryRun: false, rows: 4, created: 1, unchanged: 3 });
    expect(await importTransactions(ctx, t.actors.admin, { source: again })).toEqual({ dryRun: false, rows: 4, created: 0, unchanged: 4 });
    expect(await imported()).toHaveLength(4);
  });

  it('refuses a changed row naming its line (append-only) and writes nothing of the file', async () => {
    const file = [HEADER, `NEW-2,payment,2026-04-02,1,USD,${t.people.rep.id},,`, `INV-1,invoice,2026-02-01,1234.51,USD,${t.people.rep.id},,${accountId}`].join('\n');
    const { error, at } = await refusal(importTransactions(ctx, t.actors.finance, { source: file }));
    expect(at).toEqual([[3, 'sourceKey']]);
    expect(error.issues[0]?.message).toContain('another amount');
    expect(error.issues[0]?.message).toContain('append-only');
    expect((await imported()).map((r) => r.sourceKey)).not.toContain('NEW-2');
  });

  it('names the line and column of every bad row, reading amounts exactly, and writes nothing', async () => {
    const rep = t.people.rep.id;
    const file = [
      HEADER,
      `OK-1,invoice,2026-05-01,10.00,USD,${rep},,`,
      `BAD-1,invoice,2026-05-01,10.005,USD,${rep},,`, // 3 decimals for USD: refused, never rounded
      `BAD-2,invoice,2026-05-01,1e3,USD,${rep},,`, // no exponent (a float would take it)
      `BAD-3,invoice,2026-02-30,1,USD,${rep},,`,
      `BAD-4,invoice,2026-05-01,1,GBP,${rep},,`, // no GBP rate
      `BAD-5,invoice,2026-05-01,1,USD,per_nobody,,`,
      `BAD-6,invoice,2026-05-01,1,USD,${other.people.rep.id},,`, // a person of another organisation
      `BAD-7,invoice,2026-05-01,1,USD,${rep},${email},`, // two different people
      `OK-1,invoice,2026-05-01,10.00,USD,${rep},,`,
      `,,2026-05-01,"1,000",USD,,,acc_nowhere`,
      'short,row',
    ].join('\n');
    const { error, at } = await refusal(importTransactions(ctx, t.actors.finance, { source: file, dryRun: true }));
    expect(at).toEqual([
      [3, 'amount'], [4, 'amount'], [5, 'date'], [6, 'currency'], [7, 'ownerId'], [8, 'ownerId'], [9, 'ownerEmail'], [10, 'sourceKey'],
      [11, 'sourceKey'], [11, 'kind'], [11, 'amount'], [11, 'ownerId'], [12, 'row'],
    ]);
    expect(error.message).toBe('The file has 10 bad lines (first at line 3); nothing was imported.');
    expect(error.issues.find((i) => i.line === 3)?.message).toContain('more than 2 decimals');
    expect(error.issues.find((i) => i.line === 10)?.message).toContain('first on line 2');
    await refusal(importTransactions(ctx, t.actors.finance, { source: file }));
    expect((await imported()).map((r) => r.sourceKey)).not.toContain('OK-1');
  });

  it('refuses a file whose header is wrong or missing, or that is not CSV', async () => {
    expect((await refusal(importTransactions(ctx, t.actors.finance, { source: 'sourceKey,kind,date,amount,currency,owner\n' }))).at)
      .toEqual([[1, 'owner'], [1, 'ownerId']]);
    expect((await refusal(importTransactions(ctx, t.actors.finance, { source: 'sourceKey,Kind,KIND\n' }))).at)
      .toEqual([[1, 'KIND'], [1, 'date'], [1, 'amount'], [1, 'currency'], [1, 'ownerId']]);
    expect((await refusal(importTransactions(ctx, t.actors.finance, { source: '\n\n' }))).at).toEqual([[1, 'file']]);
    const unclosed = `${HEADER}\nQ-1,invoice,2026-05-01,1,USD,"${t.people.rep.id},,\n`;
    expect((await refusal(importTransactions(ctx, t.actors.finance, { source: unclosed }))).at).toEqual([[2, 'file']]);
  });

  it('reads a stream opened by the caller, chunks cut anywhere', async () => {
    const text = `\uFEFF${HEADER}\r\nSTREAM-1,booking,2026-06-01,"99.9",USD,${t.people.rep2.id},,\r\n`;
    const bytes = new TextEncoder().encode(text);
    const source = () => [bytes.slice(0, 7), bytes.slice(7, 50), bytes.slice(50)];
    expect(await importTransactions(ctx, t.actors.finance, { source })).toMatchObject({ created: 1 });
    expect((await imported()).find((r) => r.sourceKey === 'STREAM-1')).toMatchObject({ amountMinor: '9990', ownerId: t.people.rep2.id });
  });

  it('is for comp admins only, and an organisation sees only its own imports', async () => {
    const file = `${HEADER}\nX-1,invoice,2026-05-01,1,USD,${t.people.rep.id},,\n`;
    for (const who of ['rep', 'manager'] as const) {
      await expect(importTransactions(ctx, t.actors[who], { source: file })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await imported(other)).toEqual([]);
    // Source keys are per organisation: another org may use the same key.
    const theirs = `${HEADER}\nINV-1,invoice,2026-05-01,1,USD,${other.people.rep.id},,\n`;
    expect(await importTransactions(ctx, other.actors.finance, { source: theirs })).toMatchObject({ created: 1 });
    expect((await imported(other)).map((r) => r.sourceKey)).toEqual(['INV-1']);
  });
});

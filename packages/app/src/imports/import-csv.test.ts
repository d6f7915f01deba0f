import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@attain/store';
import { auditRepo, opportunityHistoryRepo } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { accounts, opportunities } from '../crm/entities.js';
import { createRecord, listRecords } from '../crm/records.js';
import { importCsv, type ImportOptions } from './import-csv.js';
import type { CsvSource } from './csv-reader.js';

warnIfPostgresSkipped();

/** The text in small chunks, so records and CRLF pairs straddle chunk boundaries. */
async function* chunked(text: string, size = 7): CsvSource {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;

describe.each(testDialects())('CSV import on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx);
  });
  afterAll(async () => database.close());

  const run = (entity: ImportOptions['entity'], text: string, options: Partial<ImportOptions> = {}, org: TestOrg = t) =>
    importCsv(ctx, org.actors.ops, { entity, source: chunked(text), ...options });

  const snapshot = async (org: TestOrg) => {
    const accs = await listRecords(ctx, org.actors.ops, accounts, { limit: 500 });
    const opps = await listRecords(ctx, org.actors.ops, opportunities, { limit: 500 });
    let history = 0;
    for (const o of opps.items) history += (await opportunityHistoryRepo.list(database.db, org.org.id, o.id)).length;
    const audit = (await auditRepo.list(database.db, { orgId: org.org.id, limit: 100_000 })).length;
    return { accounts: accs.items, opportunities: opps.items, history, audit };
  };

  it('imports nothing when one row is malformed, naming its line and field (multi-line cells counted)', async () => {
    const org = await createTestOrg(ctx, 'Malformed');
    const before = await snapshot(org);
    const file = csv(
      'externalId,name,employees,annualRevenue,street',
      'M-1,Alpha,10,"1,000.00","1 Main St',
      'Floor 2"',
      'M-2,Beta,lots,5.00,',
      'M-3,Gamma,30,7.50,',
    );
    await expect(run('accounts', file, {}, org)).rejects.toMatchObject({
      code: 'import_failed',
      issues: [{ line: 4, field: 'employees', message: 'is not a number' }],
    });
    expect(await snapshot(org)).toEqual(before);
  });

  it('reports every bad row in a dry run, writes nothing, and counts what would happen', async () => {
    const org = await createTestOrg(ctx, 'Dry');
    const file = csv(
      'externalId,name,employees,website,ownerEmail',
      'D-1,Good,5,,',
      'D-2,,5,,',
      'D-3,Bad employees,-4,,',
      'D-4,Bad owner,1,,nobody@example.com',
      'D-1,Duplicate,1,,',
      'D-5,Too many,1,,,extra',
    );
    const report = await run('accounts', file, { dryRun: true }, org);
    expect(report).toMatchObject({ entity: 'accounts', dryRun: true, rows: 6, created: 1, updated: 0, unchanged: 0, errorCount: 5 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'name'],
      [4, 'employees'],
      [5, 'ownerEmail'],
      [6, 'externalId'],
      [7, 'row'],
    ]);
    expect(report.errors[0]?.message).toBe('is required');
    expect(report.errors[2]?.message).toBe('no person with e-mail "nobody@example.com"');
    expect(report.errors[3]?.message).toBe('"D-1" appears again (first on line 2)');
    const list = await listRecords(ctx, org.actors.ops, accounts, {});
    expect(list.items).toHaveLength(0);
  });

  it('leaves the same state when the same valid file is imported twice', async () => {
    const org = await createTestOrg(ctx, 'Twice');
    await importCsv(ctx, org.actors.ops, { entity: 'people', source: chunked(csv('externalId,name,email,kind', 'P-1,Sam Seller,sam@example.com,ae')) });
    const accountsFile = csv(
      'externalId,name,industry,employees,annualRevenue,currency,ownerEmail,parentExternalId',
      'A-2,Child Co,Retail,12,"1,234.56",USD,sam@example.com,A-1',
      'A-1,Parent Co,Retail,1200,2000000,EUR,Sam@Example.com,',
    );
    const oppsFile = csv(
      'externalId,name,accountExternalId,ownerName,amount,currency,closeDate,stageName,type',
      'O-1,First deal,A-1,Sam Seller,"10,000.50",USD,2027-03-31,Discovery,new',
      'O-2,Second deal,A-2,Sam Seller,99.99,EUR,4/5/2027,closed won,Existing Business',
    );
    const first = [await run('accounts', accountsFile, {}, org), await run('opportunities', oppsFile, {}, org)];
    expect(first.map((r) => [r.created, r.updated, r.unchanged])).toEqual([[2, 0, 0], [2, 0, 0]]);
    const after1 = await snapshot(org);
    const second = [await run('accounts', accountsFile, {}, org), await run('opportunities', oppsFile, {}, org)];
    expect(second.map((r) => [r.created, r.updated, r.unchanged])).toEqual([[0, 0, 2], [0, 0, 2]]);
    expect(await snapshot(org)).toEqual(after1);

    const child = after1.accounts.find((a) => a.externalId === 'A-2');
    const parent = after1.accounts.find((a) => a.externalId === 'A-1');
    expect(child).toMatchObject({ parentId: parent?.id, annualRevenueMinor: 123456n, ownerId: expect.any(String) });
    expect(parent).toMatchObject({ currency: 'EUR', annualRevenueMinor: 200000000n });
    const won = after1.opportunities.find((o) => o.externalId === 'O-2');
    expect(won).toMatchObject({ accountId: child?.id, amountMinor: 9999n, currency: 'EUR', closeDate: '2027-04-05', isWon: true, type: 'expansion' });
    expect(after1.opportunities.find((o) => o.externalId === 'O-1')).toMatchObject({ amountMinor: 1000050n, probabilityBps: 2000 });
  });

  it('updates changed rows through the use cases, writing history and audit', async () => {
    const org = await createTestOrg(ctx, 'Update');
    const header = 'externalId,name,accountName,amount,closeDate,stageName';
    await run('accounts', csv('externalId,name', 'U-A,Umbrella'), {}, org);
    await run('opportunities', csv(header, 'U-1,Deal one,Umbrella,100,2027-01-31,Qualification', 'U-2,Deal two,Umbrella,200,2027-01-31,Qualification'), {}, org);
    const before = await snapshot(org);
    const report = await run('opportunities', csv(header, 'U-1,Deal one,Umbrella,150,2027-01-31,Proposal', 'U-2,Deal two,Umbrella,200,2027-01-31,Qualification'), {}, org);
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const after = await snapshot(org);
    const moved = after.opportunities.find((o) => o.externalId === 'U-1');
    expect(moved).toMatchObject({ amountMinor: 15000n, forecastCategory: 'best_case', version: 2 });
    expect(after.history).toBe(before.history + 1);
    expect(after.audit).toBe(before.audit + 1);
  });

  it('resolves relations by id, external id or exact name and refuses ambiguous names', async () => {
    const org = await createTestOrg(ctx, 'Refs');
    const twin1 = await createRecord(ctx, org.actors.ops, accounts, { name: 'Twin' });
    await createRecord(ctx, org.actors.ops, accounts, { name: 'Twin' });
    const file = csv(
      'name,accountId,accountName,ownerId,amount,closeDate',
      `By id,${twin1.id},,${org.people.rep.id},1,2027-01-01`,
      'By name,,Twin,,1,2027-01-01',
      'Missing,acc_nope,,,1,2027-01-01',
    );
    const report = await run('opportunities', file, { dryRun: true }, org);
    expect(report.errors).toEqual([
      { line: 3, field: 'accountName', message: 'two accounts match "Twin"; give the id or external id instead' },
      { line: 4, field: 'accountId', message: 'no account with id or external id "acc_nope"' },
    ]);
    expect(report.created).toBe(1);
  });

  it('runs the use-case rules, e.g. a closed stage forces its forecast category', async () => {
    const org = await createTestOrg(ctx, 'Rules');
    const report = await run('opportunities', csv('name,amount,closeDate,stageName,forecastCategory', 'Won,1,2027-01-01,Closed Won,commit', 'Bad date,1,2027-02-30,,'), { dryRun: true }, org);
    expect(report.errors).toEqual([
      { line: 2, field: 'forecastCategory', message: 'a won stage has forecast category "closed"' },
      { line: 3, field: 'closeDate', message: 'must be a date as YYYY-MM-DD' },
    ]);
  });

  it('applies a custom mapping and warns about unknown columns', async () => {
    const org = await createTestOrg(ctx, 'Mapping');
    const report = await run('accounts', csv('Firma,Ort,Notiz,Egal', 'Kaffee GmbH,Berlin,hello,x'), { mapping: { Firma: 'name', Ort: 'city', Egal: null } }, org);
    expect(report).toMatchObject({ created: 1, warnings: ['column "Notiz" is not a column of accounts and is ignored'] });
    await expect(run('accounts', 'a\n', { mapping: { a: 'nope' } }, org)).rejects.toMatchObject({ code: 'validation_failed', issues: [{ field: 'mapping.a' }] });
  });

  it('imports an RFC 4180 file: BOM, CRLF, quoted commas, escaped quotes, line breaks in quotes', async () => {
    const org = await createTestOrg(ctx, 'RFC');
    const body = [
      'externalId,name,street,city,industry',
      'R-1,"Smith, Jones & Co","1 ""Quoted"" Way',
      'Building B",Springfield,"Law, Tax"',
      '"R-2","Plain",,"",',
      '',
    ].join('\r\n');
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
    const report = await importCsv(ctx, org.actors.ops, { entity: 'accounts', source: [file] });
    expect(report).toMatchObject({ rows: 2, created: 2, errors: [], warnings: [] });
    const list = await listRecords(ctx, org.actors.ops, accounts, {});
    expect(list.items.find((a) => a.externalId === 'R-1')).toMatchObject({ name: 'Smith, Jones & Co', street: '1 "Quoted" Way\r\nBuilding B', city: 'Springfield', industry: 'Law, Tax' });
    expect(list.items.find((a) => a.externalId === 'R-2')).toMatchObject({ name: 'Plain', street: null, city: null });
    const broken = `${body}R-3,"never closed\r\n`;
    const dry = await importCsv(ctx, org.actors.ops, { entity: 'accounts', source: [broken], dryRun: true });
    expect(dry.errors).toEqual([{ line: 5, field: 'file', message: 'a quoted cell is not closed before the end of the file' }]);
    await expect(importCsv(ctx, org.actors.ops, { entity: 'accounts', source: [broken] })).rejects.toMatchObject({ code: 'import_failed', issues: [{ line: 5 }] });
  });

  it('needs the import ability', async () => {
    await expect(importCsv(ctx, t.actors.rep, { entity: 'accounts', source: chunked('name\nX\n') })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(importCsv(ctx, t.actors.manager, { entity: 'accounts', source: chunked('name\nX\n') })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

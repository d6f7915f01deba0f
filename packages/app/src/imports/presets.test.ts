import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@attain/store';
import { openTestDatabase, testContext, testDialects, warnIfPostgresSkipped } from '@attain/app/test-support';
import type { Actor, ImportPreset } from '@attain/core';
import type { AppContext } from '../context.js';
import { accounts, activities, contacts, leads, opportunities, persons } from '../crm/entities.js';
import { createPipeline } from '../crm/pipelines.js';
import { listRecords } from '../crm/records.js';
import { createOrganisation, systemActor } from '../orgs.js';
import type { CsvEntity } from './csv-entities.js';
import { importCsv } from './import-csv.js';

warnIfPostgresSkipped();

const fixture = (name: string) => createReadStream(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));

describe.each(testDialects())('import presets on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
  });
  afterAll(async () => database.close());

  const freshOrg = async (name: string) => {
    const org = await createOrganisation(ctx, { name: `${name} ${dialect} ${Date.now()}`, defaultCurrency: 'USD' });
    return systemActor(org.id);
  };
  const load = (actor: Actor, preset: ImportPreset, entity: CsvEntity, file: string) => importCsv(ctx, actor, { entity, preset, source: fixture(file) });
  const all = async <T extends { externalId: string | null }>(actor: Actor, def: unknown) =>
    (await listRecords(ctx, actor, def as Parameters<typeof listRecords>[2], { limit: 500 })).items as unknown as T[];

  it('reads Salesforce report exports: ids become external ids, owners by name or e-mail, footer ignored', async () => {
    const admin = await freshOrg('Salesforce');
    const users = await load(admin, 'salesforce', 'people', 'salesforce-users.csv');
    expect(users).toMatchObject({ created: 2, errors: [] });
    const accs = await load(admin, 'salesforce', 'accounts', 'salesforce-accounts.csv');
    expect(accs).toMatchObject({ rows: 2, created: 2, errors: [], warnings: ['the report footer from line 6 on is not data and is ignored'] });
    expect(await load(admin, 'salesforce', 'contacts', 'salesforce-contacts.csv')).toMatchObject({ created: 2, errors: [] });
    expect(await load(admin, 'salesforce', 'leads', 'salesforce-leads.csv')).toMatchObject({ created: 3, errors: [] });
    expect(await load(admin, 'salesforce', 'opportunities', 'salesforce-opportunities.csv')).toMatchObject({ created: 3, errors: [] });
    expect(await load(admin, 'salesforce', 'activities', 'salesforce-tasks.csv')).toMatchObject({ created: 2, errors: [] });

    const people = await all<{ externalId: string; id: string; name: string; managerId: string | null; kind: string }>(admin, persons);
    const sofia = people.find((p) => p.name === 'Sofia Sales');
    const sam = people.find((p) => p.name === 'Sam Seller');
    expect(sam).toMatchObject({ externalId: '0055g00000AbcDF', managerId: sofia?.id, kind: 'other' });

    const accountList = await all<{ externalId: string; id: string; parentId: string | null; ownerId: string | null; street: string; employees: number; annualRevenueMinor: bigint }>(admin, accounts);
    const traders = accountList.find((a) => a.externalId === '0015g00000XyZa1');
    const holdings = accountList.find((a) => a.externalId === '0015g00000XyZa2');
    expect(traders).toMatchObject({ parentId: holdings?.id, ownerId: sam?.id, street: '100 Market St\r\nSuite 5', employees: 1200, annualRevenueMinor: 1250000000n });
    expect(holdings).toMatchObject({ ownerId: sofia?.id, employees: null });

    const contactList = await all<{ externalId: string; accountId: string }>(admin, contacts);
    expect(contactList.find((c) => c.externalId === '0035g00000Qq002')?.accountId).toBe(holdings?.id);
    const leadList = await all<{ externalId: string; status: string }>(admin, leads);
    expect(leadList.map((l) => [l.externalId, l.status]).sort()).toEqual([
      ['00Q5g00000Ld001', 'open'],
      ['00Q5g00000Ld002', 'working'],
      ['00Q5g00000Ld003', 'disqualified'],
    ]);
    const opps = await all<{ externalId: string; accountId: string; amountMinor: bigint; closeDate: string; type: string; forecastCategory: string; isWon: boolean; ownerId: string }>(admin, opportunities);
    expect(opps.find((o) => o.externalId === '0065g00000Op001')).toMatchObject({
      accountId: traders?.id, amountMinor: 4800000n, closeDate: '2027-03-31', type: 'expansion', forecastCategory: 'best_case', ownerId: sam?.id,
    });
    expect(opps.find((o) => o.externalId === '0065g00000Op002')).toMatchObject({ accountId: holdings?.id, isWon: true, type: 'new', ownerId: sofia?.id });
    expect(opps.find((o) => o.externalId === '0065g00000Op003')).toMatchObject({ accountId: traders?.id, amountMinor: 999999n, type: 'renewal' });
    const tasks = await all<{ externalId: string; type: string; notes: string | null; dueDate: string }>(admin, activities);
    expect(tasks.map((a) => [a.externalId, a.type, a.dueDate]).sort()).toEqual([
      ['00T5g00000Tk001', 'call', '2027-03-10'],
      ['00T5g00000Tk002', 'task', '2027-03-12'],
    ]);
    expect(tasks.find((a) => a.externalId === '00T5g00000Tk001')?.notes).toBe('Asked for a 3-year price.\r\nFollow up next week.');

    const again = await load(admin, 'salesforce', 'opportunities', 'salesforce-opportunities.csv');
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('reads HubSpot exports, with deal stages of a matching pipeline', async () => {
    const admin = await freshOrg('HubSpot');
    await importCsv(ctx, admin, { entity: 'people', source: ['name,email,kind\nSam Seller,sam@acme.example,ae\nSofia Sales,sofia@acme.example,vp\n'] });
    await createPipeline(ctx, admin, {
      name: 'Sales Pipeline',
      stages: [
        { name: 'Appointment Scheduled', probabilityBps: 2000, forecastCategory: 'pipeline', isClosed: false, isWon: false },
        { name: 'Contract Sent', probabilityBps: 9000, forecastCategory: 'commit', isClosed: false, isWon: false },
        { name: 'Closed Won', probabilityBps: 10000, forecastCategory: 'closed', isClosed: true, isWon: true },
        { name: 'Closed Lost', probabilityBps: 0, forecastCategory: 'omitted', isClosed: true, isWon: false },
      ],
    });
    const companies = await load(admin, 'hubspot', 'accounts', 'hubspot-companies.csv');
    expect(companies).toMatchObject({ created: 2, errors: [], warnings: ['column "Create Date" is not a column of accounts and is ignored'] });
    expect(await load(admin, 'hubspot', 'contacts', 'hubspot-contacts.csv')).toMatchObject({ created: 2, errors: [] });
    expect(await load(admin, 'hubspot', 'opportunities', 'hubspot-deals.csv')).toMatchObject({ created: 2, errors: [] });

    const accountList = await all<{ externalId: string; id: string; name: string; postalCode: string; annualRevenueMinor: bigint | null }>(admin, accounts);
    expect(accountList.find((a) => a.externalId === '9001')).toMatchObject({ name: 'Tailspin Toys', postalCode: '02110', annualRevenueMinor: 500000000n });
    const deals = await all<{ externalId: string; accountId: string; stageId: string; forecastCategory: string; closeDate: string; type: string; amountMinor: bigint; isWon: boolean }>(admin, opportunities);
    expect(deals.find((d) => d.externalId === '7001')).toMatchObject({
      accountId: accountList.find((a) => a.externalId === '9001')?.id, forecastCategory: 'commit', closeDate: '2027-02-28', type: 'new', amountMinor: 2400000n,
    });
    expect(deals.find((d) => d.externalId === '7002')).toMatchObject({ isWon: true, type: 'expansion' });
  });
});

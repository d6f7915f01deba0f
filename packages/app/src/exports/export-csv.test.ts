import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { Actor } from '@attain/core';
import type { AppContext } from '../context.js';
import { accounts, activities, contacts, leads, opportunities } from '../crm/entities.js';
import { createRecord, listRecords } from '../crm/records.js';
import { createOrganisation, systemActor } from '../orgs.js';
import type { CsvEntity } from '../imports/csv-entities.js';
import { importCsv } from '../imports/import-csv.js';
import { exportCsv, type ExportView } from './export-csv.js';

warnIfPostgresSkipped();

async function* once(text: string) {
  yield text;
}

const ORDER: CsvEntity[] = ['people', 'accounts', 'contacts', 'leads', 'opportunities', 'activities'];

describe.each(testDialects())('CSV export on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;

  const exportText = async (actor: Actor, entity: CsvEntity, view?: ExportView): Promise<string> => {
    let out = '';
    for await (const chunk of (await exportCsv(ctx, actor, { entity, pageSize: 3, ...(view ? { view } : {}) })).chunks) out += chunk;
    return out;
  };
  const rowsOf = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true }) as Record<string, string>[];

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx, 'Export');
    const ops = t.actors.ops;
    const parent = await createRecord(ctx, ops, accounts, { name: 'Globex Holding', externalId: 'ACC-P', ownerId: t.people.manager.id });
    const globex = await createRecord(ctx, ops, accounts, {
      name: 'Globex', externalId: 'ACC-1', industry: '@SUM(A1)', potentialMinor: '-1250', annualRevenueMinor: '123456789', currency: 'EUR',
      ownerId: t.people.rep.id, parentId: parent.id, city: 'Zürich, "Old Town"', street: 'Line 1\nLine 2',
    });
    const formula = await createRecord(ctx, ops, accounts, { name: '=HYPERLINK("http://evil.example","x")', website: '-1 via minus', ownerId: t.people.rep2.id });
    const contact = await createRecord(ctx, ops, contacts, {
      lastName: 'Doe', firstName: 'Jane', email: 'jane@globex.example', phone: '+1 555 0100', accountId: globex.id, ownerId: t.people.rep.id,
    });
    await createRecord(ctx, ops, leads, { lastName: 'Lee', company: 'Initrode', source: '-web-', ownerId: t.people.rep2.id, externalId: 'L-1' });
    const opp = await createRecord(ctx, ops, opportunities, {
      name: 'Globex renewal', accountId: globex.id, ownerId: t.people.rep.id, amountMinor: '-2500', currency: 'EUR', closeDate: '2027-06-30',
      type: 'renewal', nextStep: '+call back',
    });
    await createRecord(ctx, ops, opportunities, { name: 'Formula deal', accountId: formula.id, ownerId: t.people.rep2.id, amountMinor: '100', closeDate: '2027-01-15' });
    await createRecord(ctx, ops, activities, {
      type: 'call', subject: 'Kick-off', accountId: globex.id, contactId: contact.id, opportunityId: opp.id, ownerId: t.people.rep.id, dueDate: '2027-01-02',
      doneAt: '2027-01-02T10:00:00.000Z', notes: '=1+1',
    });
  });
  afterAll(async () => database.close());

  it('neutralises formula cells but keeps numbers as numbers', async () => {
    const text = await exportText(t.actors.ops, 'accounts');
    expect(text.split('\r\n')[0]?.startsWith('id,externalId,name,industry,employees,annualRevenue,currency')).toBe(true);
    const rows = rowsOf(text);
    const formula = rows.find((r) => r.name?.includes('HYPERLINK'));
    expect(formula).toMatchObject({ name: `'=HYPERLINK("http://evil.example","x")`, website: "'-1 via minus" });
    const globex = rows.find((r) => r.externalId === 'ACC-1');
    expect(globex).toMatchObject({ industry: "'@SUM(A1)", potential: '-12.50', annualRevenue: '1234567.89', currency: 'EUR', city: 'Zürich, "Old Town"', street: 'Line 1\nLine 2' });
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });

  it('carries relations: ids with external ids, e-mails and names', async () => {
    const [opp] = rowsOf(await exportText(t.actors.ops, 'opportunities')).filter((r) => r.name === 'Globex renewal');
    expect(opp).toMatchObject({
      accountExternalId: 'ACC-1', accountName: 'Globex', ownerId: t.people.rep.id, ownerName: 'Rita Rep', pipelineName: 'New business',
      stageName: 'Qualification', amount: '-25.00', currency: 'EUR', nextStep: "'+call back", isClosed: 'false',
    });
    expect(opp?.accountId).toMatch(/^acc_/);
    const [contact] = rowsOf(await exportText(t.actors.ops, 'contacts'));
    expect(contact).toMatchObject({ accountName: 'Globex', accountExternalId: 'ACC-1', phone: "'+1 555 0100", ownerName: 'Rita Rep' });
    const [activity] = rowsOf(await exportText(t.actors.ops, 'activities'));
    expect(activity).toMatchObject({ accountName: 'Globex', contactEmail: 'jane@globex.example', opportunityName: 'Globex renewal', notes: "'=1+1" });
    const people = rowsOf(await exportText(t.actors.ops, 'people')).map((p) => p.name);
    expect(people.indexOf('Vera VP')).toBeLessThan(people.indexOf('Mona Manager'));
    expect(people.indexOf('Mona Manager')).toBeLessThan(people.indexOf('Rita Rep'));
  });

  it('exports only what the actor may see, and not at all for reps', async () => {
    const managerRows = rowsOf(await exportText(t.actors.manager, 'accounts'));
    expect(managerRows.map((r) => r.ownerName).sort()).toEqual(['Mona Manager', 'Rita Rep', 'Rob Rep']);
    await expect(exportCsv(ctx, t.actors.rep, { entity: 'accounts' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('round-trips: the export re-imports into the same org unchanged and into a fresh org as the same data', async () => {
    const files = new Map<CsvEntity, string>();
    for (const entity of ORDER) files.set(entity, await exportText(t.actors.ops, entity));

    for (const entity of ORDER) {
      const report = await importCsv(ctx, t.actors.ops, { entity, source: once(files.get(entity) ?? '') }).catch((e: { issues: unknown }) => {
        throw new Error(JSON.stringify([entity, e.issues]));
      });
      expect([entity, report.created, report.updated, report.errors]).toEqual([entity, 0, 0, []]);
    }

    const fresh = await createOrganisation(ctx, { name: `Fresh ${dialect} ${Date.now()}`, defaultCurrency: 'USD' });
    const admin = systemActor(fresh.id);
    for (const entity of ORDER) {
      const report = await importCsv(ctx, admin, { entity, source: once(files.get(entity) ?? '') });
      expect([entity, report.errors, report.warnings]).toEqual([entity, [], []]);
    }
    // Same data: every column but our ids and timestamps, which belong to each organisation.
    const comparable = (text: string) =>
      rowsOf(text)
        .map((row) => Object.entries(row).filter(([k]) => !(k === 'id' || (/[a-z]Id$/.test(k) && !/[eE]xternalId$/.test(k)) || k.endsWith('At'))))
        .map((entries) => JSON.stringify(entries))
        .sort();
    for (const entity of ORDER) {
      expect([entity, comparable(await exportText(admin, entity))]).toEqual([entity, comparable(files.get(entity) ?? '')]);
    }
  });
  it('exports a list view across pages: its search, filters and order, within the read scope', async () => {
    const owners = [t.people.rep, t.people.otherRep, t.people.rep2, t.people.rep, t.people.otherRep, t.people.rep, t.people.rep2, t.people.rep];
    for (const [i, owner] of owners.entries()) {
      await createRecord(ctx, t.actors.ops, accounts, { name: `Paged ${i}`, segment: i === 7 ? 'other' : 'paged', employees: i * 10, ownerId: owner.id });
    }
    const view: ExportView = { search: 'paged', sort: '-employees', params: { segment: 'paged', 'employees.gte': '10' } };
    const listed = await listRecords(ctx, t.actors.ops, accounts, { ...view, limit: 500 });
    const rows = rowsOf(await exportText(t.actors.ops, 'accounts', view));
    expect(rows.map((r) => r.name)).toEqual(['Paged 6', 'Paged 5', 'Paged 4', 'Paged 3', 'Paged 2', 'Paged 1']);
    expect(rows.map((r) => r.id)).toEqual(listed.items.map((a) => a.id));
    const managerRows = rowsOf(await exportText(t.actors.manager, 'accounts', view));
    expect(managerRows.map((r) => r.name)).toEqual(['Paged 6', 'Paged 5', 'Paged 3', 'Paged 2']);
    const people = rowsOf(await exportText(t.actors.ops, 'people', { sort: 'name' })).map((p) => p.name);
    expect(people).toEqual([...people].sort((a, b) => (a ?? '').localeCompare(b ?? '')));
    await expect(exportCsv(ctx, t.actors.ops, { entity: 'accounts', view: { params: { stageId: 'x' } } })).rejects.toMatchObject({
      code: 'validation_failed', issues: [{ field: 'stageId' }],
    });
  });
});

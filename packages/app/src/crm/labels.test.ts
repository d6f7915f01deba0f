import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { accounts, activities, contacts, opportunities } from './entities.js';
import { labelsFor } from './labels.js';
import { createRecord, listRecords } from './records.js';

warnIfPostgresSkipped();

describe.each(testDialects())('display labels on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx);
  });
  afterAll(async () => database.close());

  it('names the owner, account and stage of each record on a page', async () => {
    const account = await createRecord(ctx, t.actors.rep, accounts, { name: 'Globex' });
    const opp = await createRecord(ctx, t.actors.rep, opportunities, { name: 'Globex deal', accountId: account.id, amountMinor: '1000', closeDate: '2027-01-15' });
    const contact = await createRecord(ctx, t.actors.rep, contacts, { firstName: 'Ada', lastName: 'Byron', accountId: account.id });
    const page = await listRecords(ctx, t.actors.rep, opportunities, { params: { accountId: account.id } });
    const labels = await labelsFor(ctx, t.actors.rep, opportunities, page.items);
    expect(labels[account.id]).toBe('Globex');
    expect(labels[opp.ownerId as string]).toBe(t.people.rep.name);
    expect(labels[opp.stageId]).toMatch(/\w/);
    const activity = await createRecord(ctx, t.actors.rep, activities, { type: 'call', subject: 'Intro', contactId: contact.id, opportunityId: opp.id });
    expect(await labelsFor(ctx, t.actors.rep, activities, [activity])).toMatchObject({ [contact.id]: 'Ada Byron', [opp.id]: 'Globex deal' });
  });

  it('leaves out the names of records the actor may not see', async () => {
    const hidden = await createRecord(ctx, t.actors.otherRep, accounts, { name: 'Secret Account' });
    const mine = await createRecord(ctx, t.actors.rep, contacts, { lastName: 'Visible' });
    // A record pointing at an account outside the rep's scope (as an admin may arrange).
    const labels = await labelsFor(ctx, t.actors.rep, contacts, [{ ...mine, accountId: hidden.id }]);
    expect(labels[hidden.id]).toBeUndefined();
    expect(Object.values(labels)).not.toContain('Secret Account');
    expect((await labelsFor(ctx, t.actors.admin, contacts, [{ ...mine, accountId: hidden.id }]))[hidden.id]).toBe('Secret Account');
  });
});

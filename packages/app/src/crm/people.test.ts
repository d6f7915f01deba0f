import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingLineRepo, type Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, type TestOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { loadActor } from '../auth/actor.js';
import { opportunities, persons } from './entities.js';
import { createRecord, listRecords, updateRecord } from './records.js';

describe.each(testDialects())('people and the reporting hierarchy on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx);
  });
  afterAll(async () => database.close());

  it('moves a rep to another manager from today, keeping the old line as history', async () => {
    const deal = await createRecord(ctx, t.actors.rep2, opportunities, { name: 'Moves with her', amountMinor: '1000', closeDate: '2027-01-01' });
    const seenBy = async (user: keyof TestOrg['users']) =>
      (await listRecords(ctx, await loadActor(ctx, t.users[user]), opportunities, {})).items.map((o) => o.id).includes(deal.id);
    expect(await seenBy('manager')).toBe(true);
    await updateRecord(ctx, t.admin, persons, t.people.rep2.id, { managerId: t.people.otherManager.id });
    expect(await seenBy('manager')).toBe(false);
    const lines = await reportingLineRepo.listForPerson(database.db, t.org.id, t.people.rep2.id);
    expect(lines.map((l) => l.managerId)).toEqual([t.people.manager.id, t.people.otherManager.id]);
    expect(lines[0]?.validTo).toBe(lines[1]?.validFrom);
    expect(lines[0]?.validFrom).toBe('2022-02-01');
  });

  it('refuses a manager that would make someone report to herself', async () => {
    await expect(updateRecord(ctx, t.admin, persons, t.people.vp.id, { managerId: t.people.rep.id })).rejects.toMatchObject({ issues: [{ field: 'managerId' }] });
    await expect(updateRecord(ctx, t.admin, persons, t.people.vp.id, { managerId: t.people.vp.id })).rejects.toMatchObject({ issues: [{ field: 'managerId' }] });
  });

  it('lets only admins and sales ops change the org chart', async () => {
    await expect(updateRecord(ctx, t.actors.manager, persons, t.people.rep.id, { title: 'Senior AE' })).rejects.toMatchObject({ code: 'forbidden' });
    const changed = await updateRecord(ctx, t.actors.ops, persons, t.people.rep.id, { title: 'Senior AE' });
    expect(changed.title).toBe('Senior AE');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@attain/store';
import { openPayCycleOrg, testDialects, warnIfPostgresSkipped, type PayCycleOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { accounts, activities, opportunities } from '../crm/entities.js';
import { getPipeline } from '../crm/pipelines.js';
import { createRecord, updateRecord } from '../crm/records.js';
import { dataQuality } from './data-quality.js';

warnIfPostgresSkipped();

describe.each(testDialects())('data quality on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: PayCycleOrg;
  const on = (instant: string): AppContext => ({ ...ctx, now: () => instant });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ database, ctx, t } = await openPayCycleOrg(dialect, 'Quality'));
    const early = on('2026-09-01T10:00:00.000Z');
    const account = await createRecord(early, t.actors.rep, accounts, { name: 'Acme' });
    const probe = await createRecord(early, t.actors.rep, opportunities, { name: 'Clean', accountId: account.id, amountMinor: '1000', closeDate: '2027-01-15' });
    const stages = (await getPipeline(early, t.actors.rep, probe.pipelineId)).stages.filter((s) => !s.isClosed).sort((a, b) => a.sortOrder - b.sortOrder);
    ids.clean = probe.id;
    await createRecord(on('2026-11-20T10:00:00.000Z'), t.actors.rep, activities, { type: 'call', subject: 'Check in', opportunityId: probe.id, dueDate: '2026-11-20', doneAt: '2026-11-20T11:00:00.000Z' });
    // Past its close date; in the second stage without a next step; pushed twice; no account; and a second "Clean" on Acme.
    ids.late = (await createRecord(early, t.actors.rep, opportunities, { name: 'Late', accountId: account.id, amountMinor: '1000', closeDate: '2026-11-01' })).id;
    ids.noStep = (await createRecord(early, t.actors.rep, opportunities, { name: 'No step', accountId: account.id, amountMinor: '1000', closeDate: '2027-01-15', stageId: stages[1]?.id })).id;
    const beta = await createRecord(early, t.actors.rep2, accounts, { name: 'Beta' });
    ids.pushed = (await createRecord(early, t.actors.rep2, opportunities, { name: 'Pushed', accountId: beta.id, amountMinor: '1000', closeDate: '2026-12-01' })).id;
    await updateRecord(on('2026-10-01T10:00:00.000Z'), t.actors.rep2, opportunities, ids.pushed, { closeDate: '2026-12-20' });
    await updateRecord(on('2026-11-01T10:00:00.000Z'), t.actors.rep2, opportunities, ids.pushed, { closeDate: '2027-01-20' });
    ids.orphan = (await createRecord(early, t.actors.rep2, opportunities, { name: 'Orphan', amountMinor: '1000', closeDate: '2027-01-15' })).id;
    ids.copy = (await createRecord(on('2026-09-02T10:00:00.000Z'), t.actors.rep, opportunities, { name: 'clean!', accountId: account.id, amountMinor: '1000', closeDate: '2027-01-15' })).id;
  });
  afterAll(async () => database.close());

  it('flags each deal by its checks and tallies them per seller under her manager; a rep sees her own', async () => {
    const day = on('2026-11-28T10:00:00.000Z');
    const team = await dataQuality(day, t.actors.manager, {});
    const checksOf = (id: string) => team.issues.find((i) => i.id === id)?.checks;
    expect(checksOf(ids.clean as string)).toBeUndefined();
    expect(checksOf(ids.late as string)).toEqual(['past-due', 'no-activity']);
    expect(team.issues.find((i) => i.id === ids.noStep)).toMatchObject({ checks: ['missing-fields', 'no-activity'], missingFields: ['nextStep'] });
    expect(team.issues.find((i) => i.id === ids.pushed)).toMatchObject({ checks: ['no-activity', 'pushed'], pushes: 2 });
    expect(team.issues.find((i) => i.id === ids.orphan)).toMatchObject({ checks: ['missing-fields', 'no-activity'], missingFields: ['accountId'] });
    expect(checksOf(ids.copy as string)).toEqual(['no-activity', 'duplicate']);
    const rita = team.children.find((c) => c.personId === t.people.rep.id)?.tally;
    // Hers, and the org's probe deal (no account, long past its close date).
    expect(rita).toMatchObject({ openDeals: 5, clean: 1, counts: { 'past-due': 2, duplicate: 1, 'missing-fields': 2 } });
    // With a longer window for activity, fewer deals are stale.
    expect((await dataQuality(day, t.actors.manager, { staleDays: 120 })).root.tally.counts['no-activity']).toBe(0);
    const own = await dataQuality(day, t.actors.rep2, {});
    expect(own.children).toEqual([]);
    expect(own.issues.every((i) => i.ownerId === t.people.rep2.id)).toBe(true);
    await expect(dataQuality(day, t.actors.rep2, { personId: t.people.rep.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(dataQuality(day, t.actors.manager, { staleDays: 0 })).rejects.toMatchObject({ issues: [{ field: 'staleDays' }] });
  });
});

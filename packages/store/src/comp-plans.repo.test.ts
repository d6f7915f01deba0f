import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import { compPlanRepo, type CompPlanVersion } from './comp-plans.repo.js';
import type { Database } from './database.js';
import { orgRepo } from './org.repo.js';

warnIfPostgresSkipped();

const now = '2026-11-27T13:00:00.000Z';
const org = (id: string) => ({ id, name: id, fiscalYearStartMonth: 1, defaultCurrency: 'USD', currencies: ['USD'], createdAt: now });
const version = (orgId: string, planId: string, n: number, over: Partial<CompPlanVersion> = {}): CompPlanVersion => ({
  orgId, id: `${planId}_v${n}`, planId, version: n, status: 'draft', source: `# v${n}\nplan: {}\n`, effectiveFrom: '2026-01-01', effectiveTo: null,
  createdBy: 'user_1', createdAt: now, ...over,
});

describe.each(testDialects())('comp plan repository on %s', (dialect) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await orgRepo.insert(database.db, org('org_a'));
    await orgRepo.insert(database.db, org('org_b'));
  });
  afterAll(async () => database.close());

  it('stores versions as typed and lists each plan with its latest version', async () => {
    const db = database.db;
    await compPlanRepo.insert(db, { orgId: 'org_a', id: 'plan_ae', key: 'ae', name: 'AE plan', createdAt: now, createdBy: 'user_1' });
    await compPlanRepo.insert(db, { orgId: 'org_a', id: 'plan_am', key: 'am', name: 'AM plan', createdAt: now, createdBy: 'user_1' });
    await compPlanRepo.insertVersion(db, version('org_a', 'plan_ae', 1, { status: 'published', effectiveTo: '2026-12-31' }));
    await compPlanRepo.insertVersion(db, version('org_a', 'plan_ae', 2, { source: 'plan:  # a comment kept\n  id: ae\n' }));
    await compPlanRepo.insertVersion(db, version('org_a', 'plan_am', 1));

    const list = await compPlanRepo.listWithLatest(db, 'org_a');
    expect(list.map((p) => [p.key, p.latest?.version, p.latest?.status])).toEqual([['ae', 2, 'draft'], ['am', 1, 'draft']]);
    expect(await compPlanRepo.latestVersionNumber(db, 'org_a', 'plan_ae')).toBe(2);
    expect(await compPlanRepo.latestVersionNumber(db, 'org_a', 'plan_none')).toBe(0);
    expect((await compPlanRepo.findVersion(db, 'org_a', 'plan_ae', 2))?.source).toBe('plan:  # a comment kept\n  id: ae\n');
    expect(await compPlanRepo.findVersion(db, 'org_a', 'plan_ae', 1)).toMatchObject({ version: 1, status: 'published', effectiveTo: '2026-12-31' });
    expect((await compPlanRepo.listVersions(db, 'org_a', 'plan_ae')).map((v) => v.version)).toEqual([2, 1]);
    expect(await compPlanRepo.findByKey(db, 'org_a', 'ae')).toMatchObject({ id: 'plan_ae', name: 'AE plan' });
  });

  it('refuses a second row of the same version number and a second plan of the same key', async () => {
    const db = database.db;
    await expect(compPlanRepo.insertVersion(db, version('org_a', 'plan_ae', 2, { id: 'dup' }))).rejects.toThrow();
    await expect(compPlanRepo.insert(db, { orgId: 'org_a', id: 'plan_other', key: 'ae', name: 'x', createdAt: now, createdBy: 'u' })).rejects.toThrow();
    await expect(compPlanRepo.insertVersion(db, version('org_a', 'plan_ae', 3, { id: 'bad', status: 'final' as never }))).rejects.toThrow();
  });

  it('keeps organisations apart', async () => {
    const db = database.db;
    expect(await compPlanRepo.listWithLatest(db, 'org_b')).toEqual([]);
    expect(await compPlanRepo.find(db, 'org_b', 'plan_ae')).toBeUndefined();
    expect(await compPlanRepo.findVersion(db, 'org_b', 'plan_ae', 1)).toBeUndefined();
    // A version cannot point at another organisation's plan.
    await expect(compPlanRepo.insertVersion(db, version('org_b', 'plan_ae', 1))).rejects.toThrow();
    // The same key in another organisation is another plan.
    await compPlanRepo.insert(db, { orgId: 'org_b', id: 'plan_ae_b', key: 'ae', name: 'B', createdAt: now, createdBy: 'u' });
  });
});

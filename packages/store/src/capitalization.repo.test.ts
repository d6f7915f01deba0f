import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import { capitalizationPolicyRepo } from './capitalization.repo.js';
import { inTransaction, type Database } from './database.js';
import { orgRepo } from './org.repo.js';

warnIfPostgresSkipped();

const now = '2026-11-27T17:00:00.000Z';
const org = (id: string) => ({ id, name: id, fiscalYearStartMonth: 1, defaultCurrency: 'USD', currencies: ['USD'], createdAt: now });
const policy = (months: number) => ({ incrementalComponentIds: ['commission'], benefitPeriod: { basis: 'customer-life', months }, practicalExpedient: true });

describe.each(testDialects())('capitalization policy repository on %s', (dialect) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    for (const o of ['org_a', 'org_b']) await orgRepo.insert(database.db, org(o));
  });
  afterAll(async () => database.close());

  it('numbers versions per organisation, keeps every one, and answers the highest as in force', async () => {
    const db = database.db;
    expect(await capitalizationPolicyRepo.latest(db, 'org_a')).toBeUndefined();
    const first = await inTransaction(db, (tx) => capitalizationPolicyRepo.append(tx, { orgId: 'org_a', policy: policy(60), createdBy: 'u1', createdAt: now }));
    const second = await inTransaction(db, (tx) => capitalizationPolicyRepo.append(tx, { orgId: 'org_a', policy: policy(48), createdBy: null, createdAt: now }));
    const other = await inTransaction(db, (tx) => capitalizationPolicyRepo.append(tx, { orgId: 'org_b', policy: policy(12), createdBy: 'u2', createdAt: now }));
    expect([first.version, second.version, other.version]).toEqual([1, 2, 1]);
    expect(await capitalizationPolicyRepo.latest(db, 'org_a')).toEqual({ orgId: 'org_a', version: 2, policy: policy(48), createdBy: null, createdAt: now });
    expect((await capitalizationPolicyRepo.find(db, 'org_a', 1))?.policy).toEqual(policy(60));
    expect(await capitalizationPolicyRepo.find(db, 'org_a', 3)).toBeUndefined();
    expect((await capitalizationPolicyRepo.list(db, 'org_a')).map((v) => v.version)).toEqual([1, 2]);
    expect((await capitalizationPolicyRepo.list(db, 'org_b')).map((v) => v.policy)).toEqual([policy(12)]);
  });

  it('refuses a second row with the same version (append-only, no overwrite)', async () => {
    const row = { org_id: 'org_a', version: 1, policy: '{}', created_by: null, created_at: now };
    await expect(database.db.insertInto('capitalization_policies').values(row).execute()).rejects.toThrow();
    expect((await capitalizationPolicyRepo.find(database.db, 'org_a', 1))?.policy).toEqual(policy(60));
  });
});

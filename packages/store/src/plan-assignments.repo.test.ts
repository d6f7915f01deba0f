import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, warnIfPostgresSkipped } from '@attain/store/test-support';
import { compPlanRepo } from './comp-plans.repo.js';
import type { Database } from './database.js';
import { orgRepo } from './org.repo.js';
import { planAssignmentRepo, type PlanAssignment } from './plan-assignments.repo.js';

warnIfPostgresSkipped();

const now = '2026-11-27T14:00:00.000Z';
const org = (id: string) => ({ id, name: id, fiscalYearStartMonth: 1, defaultCurrency: 'USD', currencies: ['USD'], createdAt: now });
const person = (orgId: string, id: string) => ({
  org_id: orgId, id, external_id: null, created_at: now, updated_at: now, archived_at: null, version: 1, name: id, email: null, title: null,
  kind: 'ae', hire_date: null, termination_date: null, team_id: null, manager_id: null, search_text: id,
});
const assignment = (over: Partial<PlanAssignment> = {}): PlanAssignment => ({
  orgId: 'org_a', id: 'pa_1', personId: 'p1', planId: 'plan_ae', planVersion: 1, validFrom: '2026-01-01', validTo: null,
  targetIncentiveMinor: 9_000_000_000_000n, annualQuotaMinor: null, ramp: ['0', '0.25'], quotaPhasing: null, reason: 'start', createdBy: 'u', createdAt: now,
  endedBy: null, endedAt: null, baseSalaryMinor: null, ...over,
});

describe.each(testDialects())('plan assignment repository on %s', (dialect) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    for (const o of ['org_a', 'org_b']) {
      await orgRepo.insert(database.db, org(o));
      await database.db.insertInto('people').values(person(o, 'p1')).execute();
      await compPlanRepo.insert(database.db, { orgId: o, id: 'plan_ae', key: 'ae', name: 'AE', createdAt: now, createdBy: 'u' });
    }
    await database.db.insertInto('people').values(person('org_a', 'p2')).execute();
  });
  afterAll(async () => database.close());

  it('stores an assignment as given (big money, ramp, open end) and lists it by person, plan and day', async () => {
    const db = database.db;
    await planAssignmentRepo.insert(db, assignment());
    await planAssignmentRepo.insert(db, assignment({ id: 'pa_2', personId: 'p2', validFrom: '2026-03-01', validTo: '2026-06-30', annualQuotaMinor: 0n, ramp: null }));
    expect(await planAssignmentRepo.find(db, 'org_a', 'pa_1')).toEqual(assignment());
    expect((await planAssignmentRepo.list(db, 'org_a', { personIds: null })).map((a) => a.id)).toEqual(['pa_1', 'pa_2']);
    expect((await planAssignmentRepo.list(db, 'org_a', { personIds: ['p2'] })).map((a) => a.id)).toEqual(['pa_2']);
    expect(await planAssignmentRepo.list(db, 'org_a', { personIds: [] })).toEqual([]);
    expect((await planAssignmentRepo.list(db, 'org_a', { personIds: null, asOf: '2026-07-01' })).map((a) => a.id)).toEqual(['pa_1']);
    expect((await planAssignmentRepo.list(db, 'org_a', { personIds: null, asOf: '2026-06-30', planId: 'plan_ae' })).map((a) => a.id)).toEqual(['pa_1', 'pa_2']);
    expect((await planAssignmentRepo.listForPersonAndPlan(db, 'org_a', 'p2', 'plan_ae')).map((a) => a.annualQuotaMinor)).toEqual([0n]);
  });

  it('ends a row once; a second end finds nothing to change', async () => {
    const db = database.db;
    expect(await planAssignmentRepo.end(db, 'org_a', 'pa_1', { validTo: '2026-05-31', endedBy: 'u2', endedAt: now })).toBe(true);
    expect(await planAssignmentRepo.end(db, 'org_a', 'pa_1', { validTo: '2026-04-30', endedBy: 'u3', endedAt: now })).toBe(false);
    expect(await planAssignmentRepo.find(db, 'org_a', 'pa_1')).toMatchObject({ validTo: '2026-05-31', endedBy: 'u2' });
  });

  it('refuses negative money, reversed dates and references into another organisation', async () => {
    const db = database.db;
    await expect(planAssignmentRepo.insert(db, assignment({ id: 'bad1', targetIncentiveMinor: -1n }))).rejects.toThrow();
    await expect(planAssignmentRepo.insert(db, assignment({ id: 'bad2', validTo: '2025-12-31' }))).rejects.toThrow();
    await expect(planAssignmentRepo.insert(db, assignment({ orgId: 'org_b', id: 'bad3', personId: 'p2' }))).rejects.toThrow();
    await expect(planAssignmentRepo.insert(db, assignment({ id: 'bad4', planId: 'plan_none' }))).rejects.toThrow();
    expect(await planAssignmentRepo.find(db, 'org_b', 'pa_1')).toBeUndefined();
    expect(await planAssignmentRepo.list(db, 'org_b', { personIds: null })).toEqual([]);
  });
});

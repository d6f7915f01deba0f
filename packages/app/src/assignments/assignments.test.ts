import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatePlanAssignmentBody } from '@attain/contract';
import { auditRepo, inTransaction, type Database } from '@attain/store';
import { createTestOrg, openTestDatabase, testContext, testDialects, warnIfPostgresSkipped, type TestOrg } from '@attain/app/test-support';
import type { AppContext } from '../context.js';
import { listPlans } from '../plans/plan-queries.js';
import { createPlanFromSource } from '../plans/save-plan-version.js';
import { planTemplates, seedPlanTemplates } from '../plans/seed-plan-templates.js';
import { assignPlan } from './assign-plan.js';
import { getAssignment, listAssignments } from './assignment-queries.js';
import { changeAssignment } from './change-assignment.js';

warnIfPostgresSkipped();

describe.each(testDialects())('plan assignments on %s', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let t: TestOrg;
  let other: TestOrg;
  const planIds: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = testContext(database);
    t = await createTestOrg(ctx, 'Assignments');
    other = await createTestOrg(ctx, 'Assignments other');
    await inTransaction(database.db, (tx) => seedPlanTemplates(ctx, tx, t.admin));
    for (const p of await listPlans(ctx, t.actors.ops)) planIds[p.key] = p.id;
  });
  afterAll(async () => database.close());

  const body = (over: Partial<CreatePlanAssignmentBody> = {}): CreatePlanAssignmentBody => ({
    personId: t.people.rep.id, planId: planIds['ae-quota-commission'] as string, planVersion: 1, validFrom: '2026-01-01',
    targetIncentiveMinor: '6000000', annualQuotaMinor: '80000000', reason: 'FY2026 plan', ...over,
  });
  const refusal = async (work: Promise<unknown>) => {
    const error = (await work.then(() => undefined, (e: unknown) => e)) as { code: string; issues: { field: string }[] } | undefined;
    return error && { code: error.code, fields: error.issues.map((i) => i.field) };
  };

  it('assigns a person to a published version, to the version\'s end, and audits it', async () => {
    const made = await assignPlan(ctx, t.actors.finance, body());
    expect(made).toMatchObject({
      personName: 'Rita Rep', planKey: 'ae-quota-commission', planVersion: 1, validFrom: '2026-01-01', validTo: '2026-12-31',
      targetIncentiveMinor: '6000000', annualQuotaMinor: '80000000', ramp: null, currency: 'USD', abilities: { read: true, update: true },
      createdBy: t.actors.finance.userId, createdByName: 'finance',
    });
    const audit = await auditRepo.list(database.db, { orgId: t.org.id, entityId: made.id, limit: 10 });
    expect(audit.map((e) => e.action)).toEqual(['plan_assignment.create']);
    // Several plans at once are fine (the manager override beside the quota plan).
    await assignPlan(ctx, t.actors.ops, body({ planId: planIds['manager-override'] as string, annualQuotaMinor: null, targetIncentiveMinor: '0' }));
    expect((await listAssignments(ctx, t.actors.finance, { personId: t.people.rep.id })).map((a) => a.planKey).sort()).toEqual(['ae-quota-commission', 'manager-override']);
  });

  it('refuses bad input, naming the field, and the same plan twice on overlapping dates (conflict on validFrom)', async () => {
    const cases: [Partial<CreatePlanAssignmentBody>, string, string][] = [
      [{ personId: 'nobody' }, 'validation_failed', 'personId'],
      [{ personId: other.people.rep.id }, 'validation_failed', 'personId'],
      [{ planId: 'nope' }, 'validation_failed', 'planId'],
      [{ planVersion: 2 }, 'validation_failed', 'planVersion'],
      [{ validFrom: '2025-12-31' }, 'validation_failed', 'validFrom'],
      [{ validTo: '2027-01-31' }, 'validation_failed', 'validTo'],
      [{ validTo: null }, 'validation_failed', 'validTo'],
      [{ targetIncentiveMinor: '-1' }, 'validation_failed', 'targetIncentiveMinor'],
      [{ annualQuotaMinor: '-100' }, 'validation_failed', 'annualQuotaMinor'],
      [{ ramp: ['0.5', '1.5'] }, 'validation_failed', 'ramp[1]'],
      [{ personId: t.people.rep.id, validFrom: '2026-06-01' }, 'conflict', 'validFrom'],
      // A plan that phases its quota needs one.
      [{ personId: t.people.rep2.id, planId: planIds['ae-new-hire-draw'] as string, annualQuotaMinor: null }, 'validation_failed', 'annualQuotaMinor'],
    ];
    for (const [over, code, field] of cases) expect([over, await refusal(assignPlan(ctx, t.actors.finance, body(over)))]).toEqual([over, { code, fields: [field] }]);
    const draft = await createPlanFromSource(ctx, t.actors.ops, { source: (planTemplates().find((p) => p.file === 'spif.yaml')?.source ?? '').replace('id: spif-q1-new-logos', 'id: spif-draft').replace(/^ {2}version: \d+/m, '  version: 1') });
    expect(await refusal(assignPlan(ctx, t.actors.finance, body({ planId: draft.plan.id, validFrom: '2026-02-01' })))).toEqual({ code: 'validation_failed', fields: ['planVersion'] });
  });

  it('changes an assignment effective-dated: ends the old the day before, starts the new, deletes nothing', async () => {
    const first = await assignPlan(ctx, t.actors.finance, body({ personId: t.people.rep2.id, planId: planIds['ae-new-hire-draw'] as string, validFrom: '2026-02-16', ramp: ['0', '0.5'], annualQuotaMinor: '60000000' }));
    const changed = await changeAssignment(ctx, t.actors.finance, first.id, { effectiveFrom: '2026-07-01', targetIncentiveMinor: '7000000', reason: 'promotion' });
    expect(changed.ended).toMatchObject({ id: first.id, validFrom: '2026-02-16', validTo: '2026-06-30', endedBy: t.users.finance.id, abilities: { update: false } });
    expect(changed.created).toMatchObject({ validFrom: '2026-07-01', validTo: '2026-12-31', targetIncentiveMinor: '7000000', annualQuotaMinor: '60000000', ramp: ['0', '0.5'], reason: 'promotion' });
    const audit = await auditRepo.list(database.db, { orgId: t.org.id, entity: 'plan_assignment', limit: 1000 });
    const end = audit.find((e) => e.action === 'plan_assignment.end');
    expect(end).toMatchObject({ entityId: first.id, before: { validTo: '2026-12-31', endedAt: null }, after: { validTo: '2026-06-30' } });
    expect(audit.find((e) => e.action === 'plan_assignment.change')).toMatchObject({ entityId: changed.created.id, before: { id: first.id }, after: { targetIncentiveMinor: '7000000' } });
    expect((await listAssignments(ctx, t.actors.finance, { personId: t.people.rep2.id })).map((a) => [a.validFrom, a.validTo])).toEqual([['2026-02-16', '2026-06-30'], ['2026-07-01', '2026-12-31']]);
    expect((await listAssignments(ctx, t.actors.finance, { personId: t.people.rep2.id, asOf: '2026-07-01' })).map((a) => a.id)).toEqual([changed.created.id]);
    expect(await refusal(changeAssignment(ctx, t.actors.finance, first.id, { effectiveFrom: '2026-05-01', reason: 'x' }))).toEqual({ code: 'conflict', fields: ['id'] });
    expect(await refusal(changeAssignment(ctx, t.actors.finance, changed.created.id, { effectiveFrom: '2026-07-01', reason: 'x' }))).toEqual({ code: 'validation_failed', fields: ['effectiveFrom'] });
    expect(await refusal(changeAssignment(ctx, t.actors.finance, changed.created.id, { effectiveFrom: '2027-01-01', reason: 'x' }))).toEqual({ code: 'validation_failed', fields: ['effectiveFrom'] });
  });

  it('explains the terms of a period with the plan\'s phasing and the ramp', async () => {
    const [a] = await listAssignments(ctx, t.actors.finance, { personId: t.people.rep2.id, asOf: '2026-03-01' });
    const detail = await getAssignment(ctx, t.actors.finance, a?.id as string, { period: '2026-Q1' });
    // 600,000 phased 20/25/25/30 by quarter: Q1 = 0.2 / 3 a month; Feb (ramp 0) 13/28 of a month; Mar (ramp 0.5) whole.
    // Mar: 60,000,000 x 0.2 / 3 x 0.5 = 2,000,000 minor.
    expect(detail.terms?.quota).toMatchObject({ method: 'phased', amountMinor: '2000000' });
    // Target 60,000 x 44 / 365 days (16 Feb to 31 Mar) = 7,232.876... -> 7,232.88.
    expect(detail.terms).toMatchObject({ daysOnPlan: 44, targetIncentive: { amountMinor: '723288' } });
    expect(await refusal(getAssignment(ctx, t.actors.finance, a?.id as string, { period: '2026-Q5' }))).toEqual({ code: 'validation_failed', fields: ['period'] });
    const range = await getAssignment(ctx, t.actors.finance, a?.id as string, { period: '2026-03-01..2026-03-31' });
    expect(range.terms?.quota?.amountMinor).toBe('2000000');
  });

  it('scopes reads: a rep her own, a manager her team, nobody another org; only comp admins write', async () => {
    const rita = await listAssignments(ctx, t.actors.rep);
    expect(new Set(rita.map((a) => a.personId))).toEqual(new Set([t.people.rep.id]));
    expect(rita.every((a) => !a.abilities.update)).toBe(true);
    const robs = await listAssignments(ctx, t.actors.finance, { personId: t.people.rep2.id });
    expect(await refusal(getAssignment(ctx, t.actors.rep, robs[0]?.id as string))).toEqual({ code: 'not_found', fields: [] });
    expect(await listAssignments(ctx, t.actors.rep, { personId: t.people.rep2.id })).toEqual([]);
    const team = await listAssignments(ctx, t.actors.manager);
    expect(new Set(team.map((a) => a.personId))).toEqual(new Set([t.people.rep.id, t.people.rep2.id]));
    await assignPlan(ctx, t.actors.finance, body({ personId: t.people.otherRep.id }));
    expect((await listAssignments(ctx, t.actors.manager, { personId: t.people.otherRep.id }))).toEqual([]);
    expect(await refusal(getAssignment(ctx, other.actors.finance, robs[0]?.id as string))).toEqual({ code: 'not_found', fields: [] });
    expect(await listAssignments(ctx, other.actors.finance)).toEqual([]);
    expect(await refusal(assignPlan(ctx, t.actors.manager, body({ personId: t.people.rep2.id })))).toEqual({ code: 'forbidden', fields: [] });
    expect(await refusal(changeAssignment(ctx, t.actors.rep, rita[0]?.id as string, { effectiveFrom: '2026-09-01', reason: 'x' }))).toEqual({ code: 'forbidden', fields: [] });
    expect(await refusal(changeAssignment(ctx, other.actors.finance, robs[1]?.id as string, { effectiveFrom: '2026-09-01', reason: 'x' }))).toEqual({ code: 'not_found', fields: [] });
  });

  it('keeps the base salary beside the target incentive: OTE and the pay mix, carried through a change', async () => {
    const made = await assignPlan(ctx, t.actors.finance, body({ personId: t.people.otherManager.id, planId: planIds['mbo-bonus'] as string, annualQuotaMinor: null, targetIncentiveMinor: '4000000', baseSalaryMinor: '6000000' }));
    expect(made).toMatchObject({ baseSalaryMinor: '6000000', oteMinor: '10000000', payMix: '60/40' });
    const changed = await changeAssignment(ctx, t.actors.finance, made.id, { effectiveFrom: '2026-07-01', targetIncentiveMinor: '5000000', reason: 'raise' });
    // 6,000,000 / 11,000,000 = 54.5% -> 55/45 (half-even on whole percents).
    expect(changed.created).toMatchObject({ baseSalaryMinor: '6000000', oteMinor: '11000000', payMix: '55/45' });
    expect((await assignPlan(ctx, t.actors.finance, body({ personId: t.people.vp.id, planId: planIds['mbo-bonus'] as string, annualQuotaMinor: null, targetIncentiveMinor: '0' }))))
      .toMatchObject({ baseSalaryMinor: null, oteMinor: null, payMix: null });
    await expect(assignPlan(ctx, t.actors.finance, body({ personId: t.people.vp.id, planId: planIds['spif'] as string, annualQuotaMinor: null, baseSalaryMinor: '-1' }))).rejects.toMatchObject({ issues: [{ field: 'baseSalaryMinor' }] });
  });
});
